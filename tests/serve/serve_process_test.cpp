// Served apps driven by real clients: libvncclient sees what the app's own
// --screenshot sees, clicks and types as a person, and a hostile client cannot
// bring the app down. The positions of widgets come from the app itself: each
// is where a one-line script changes the picture.
#include <doctest/doctest.h>
#include <imgr/model/image_io.h>

#include <netinet/in.h>
#include <rfb/keysym.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/served_app.h"
#include "serve/vnc_viewer.h"
#include "support/process.h"

using namespace imgr::test;
namespace fs = std::filesystem;

namespace {

const std::string kSize = "900x560";

fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::path(IMGR_TEST_TMP) / (name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The app's own picture after a script (empty: the first idle frame).
imgr::ImageBuffer app_screenshot(const fs::path& dir, const std::string& name, const std::string& script) {
    std::vector<std::string> argv = {CALCULATOR_OPTIONS_EXE, "--headless", "--pace", "fast", "--size", kSize,
                                     "--flagging-dir", (dir / "scratch_flags").string(),
                                     "--screenshot", (dir / (name + ".png")).string()};
    if (!script.empty()) {
        std::ofstream(dir / (name + ".tour")) << script;
        argv.push_back("--script");
        argv.push_back((dir / (name + ".tour")).string());
    }
    const ProcessResult run = run_process(argv);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    imgr::ImageLoadResult loaded = imgr::load_image_file((dir / (name + ".png")).string());
    REQUIRE(loaded.ok());
    return loaded.image;
}

struct Point {
    int x = -1, y = -1;
};

// The centre of what differs between two pictures of the app.
Point centre_of_change(const imgr::ImageBuffer& a, const imgr::ImageBuffer& b) {
    int x0 = a.width(), y0 = a.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            for (int c = 0; c < 3; ++c)
                if (a.sample(x, y, c) != b.sample(x, y, c)) {
                    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
                }
    REQUIRE(x1 >= 0);
    return {(x0 + x1) / 2, (y0 + y1) / 2};
}

bool is_primary_orange(const imgr::ImageBuffer& image, int x, int y) {
    return image.sample(x, y, 0) > 220 && image.sample(x, y, 1) > 90 && image.sample(x, y, 1) < 140 &&
           image.sample(x, y, 2) < 60;
}

// Submit, the one primary (orange) button: a click's effect moves other things too, so its colour finds it.
Point centre_of_primary_button(const imgr::ImageBuffer& image) {
    int x0 = image.width(), y0 = image.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (is_primary_orange(image, x, y))
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    REQUIRE(x1 >= 0);
    return {(x0 + x1) / 2, (y0 + y1) / 2};
}

std::vector<uint8_t> rgb_of(const imgr::ImageBuffer& image) {
    std::vector<uint8_t> rgb;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            for (int c = 0; c < 3; ++c) rgb.push_back(image.sample(x, y, c));
    return rgb;
}

int connect_to(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, (sockaddr*)&address, sizeof address) == 0);
    return fd;
}

// A raw RFB 3.8 client up to the end of the handshake (no authentication, shared).
int handshake(int port) {
    const int fd = connect_to(port);
    char buffer[4096];
    REQUIRE(read(fd, buffer, 12) == 12);          // "RFB 003.008\n"
    REQUIRE(write(fd, "RFB 003.008\n", 12) == 12);
    REQUIRE(read(fd, buffer, 2) == 2);            // one security type
    REQUIRE(write(fd, "\x01", 1) == 1);           // None
    REQUIRE(read(fd, buffer, 4) == 4);            // SecurityResult OK
    REQUIRE(write(fd, "\x01", 1) == 1);           // ClientInit, shared
    REQUIRE(read(fd, buffer, 24) == 24);          // ServerInit without the name
    uint32_t name_length = ntohl(*(uint32_t*)(buffer + 20));
    REQUIRE(read(fd, buffer, name_length) == (ssize_t)name_length);
    return fd;
}

// True when the server closed the connection (it reads EOF or an error) within 5 s.
bool closed_by_server(int fd) {
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char buffer[65536];
    for (int i = 0; i < 100; ++i) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got <= 0) return got == 0 || errno == ECONNRESET;
    }
    return false;
}

}  // namespace

TEST_CASE("a VNC viewer sees the app's own screenshot, clicks, types, and flags a row on the server") {
    const fs::path dir = temp_folder("serve_drive");
    const imgr::ImageBuffer idle = app_screenshot(dir, "idle", "");
    const Point num1 = centre_of_change(idle, app_screenshot(dir, "num1", "set \"num1\" 5\n"));
    const Point add = centre_of_change(idle, app_screenshot(dir, "add", "set \"operation\" \"add\"\n"));
    const Point flag = centre_of_change(idle, app_screenshot(dir, "flag", "click \"Flag as wrong sign\"\nwait idle\n"));
    const Point submit = centre_of_primary_button(idle);

    // As on a GPU server: no display; the app starts its own.
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", kSize, "--flagging-dir", (dir / "flags").string()},
                  {"DISPLAY=", "WAYLAND_DISPLAY="});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer viewer(app.port());
    REQUIRE(viewer.connected());
    // Each step waits for the picture to answer, not for a fixed time: a loaded machine draws slowly.
    const std::vector<uint8_t> expected = rgb_of(idle);
    for (int i = 0; i < 100 && viewer.rgb() != expected; ++i) viewer.pump(100);
    CHECK(viewer.width() == idle.width());
    CHECK(viewer.height() == idle.height());
    const std::vector<uint8_t> seen = viewer.rgb();
    CHECK(seen == expected);  // the same pixels as the app's own screenshot
    if (seen != expected)     // kept beside idle.png, to look at
        (void)imgr::save_png((dir / "viewer.png").string(), imgr::ImageBuffer(viewer.width(), viewer.height(), 3, seen));

    auto act = [&viewer](auto action) {
        const std::vector<uint8_t> before = viewer.rgb();
        action();
        CHECK(viewer.wait_for_change(before));
        viewer.settle(300);
    };
    act([&] { viewer.click(num1.x, num1.y); });  // into the field, as a person: the caret shows
    act([&] {
        viewer.key(XK_End);
        viewer.key(XK_BackSpace);
        viewer.type("12");
        viewer.key(XK_Return);  // the number is taken
    });
    act([&] { viewer.click(add.x, add.y); });
    act([&] { viewer.click(submit.x, submit.y); });
    act([&] { viewer.click(flag.x, flag.y); });  // "Saved (1)"
    const int stopped = app.stop();  // SIGINT: a clean end, the flag written
    INFO(app.output());
    CHECK(stopped == 0);
    const std::string log = read_file(dir / "flags" / "logs.csv");
    INFO(log);
    CHECK(log.find("num1,operation,num2,Output,flag,timestamp") == 0);
    CHECK(log.find("\n12,add,0,12,wrong sign,") != std::string::npos);
}

TEST_CASE("hostile clients are disconnected, and the app and the other viewers go on") {
    const fs::path dir = temp_folder("serve_hostile");
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", "640x400", "--flagging-dir", (dir / "flags").string()});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer watcher(app.port());
    REQUIRE(watcher.connected());
    REQUIRE(watcher.settle());

    const int garbage = handshake(app.port());  // an unknown message type after the handshake
    std::string junk(4096, '\xee');
    CHECK(write(garbage, junk.data(), junk.size()) > 0);
    CHECK(closed_by_server(garbage));
    close(garbage);

    const int huge = handshake(app.port());  // ClientCutText announcing 2 GB
    const unsigned char cut[8] = {6, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff};
    CHECK(write(huge, cut, sizeof cut) == (ssize_t)sizeof cut);
    CHECK(closed_by_server(huge));
    close(huge);

    const int early = handshake(app.port());  // leaves mid-message
    CHECK(write(early, "\x05\x00", 2) == 2);
    close(early);

    const int noise = connect_to(app.port());  // garbage instead of a handshake
    CHECK(write(noise, junk.data(), 64) == 64);
    CHECK(closed_by_server(noise));
    close(noise);

    // A WebSocket request whose empty header libvncserver 0.9.14 would read past its buffer.
    const int empty_header = connect_to(app.port());
    const std::string request = "GET / HTTP/1.1\r\nHost: x\r\nOrigin: x\r\nSec-WebSocket-Key: a\r\n"
                                "Sec-WebSocket-Version: \r\n\r\n";
    CHECK(write(empty_header, request.data(), request.size()) == (ssize_t)request.size());
    CHECK(closed_by_server(empty_header));
    close(empty_header);

    // A flood of connections that say nothing, and one that starts a request and stops.
    std::vector<int> flood;
    for (int i = 0; i < 200; ++i) flood.push_back(connect_to(app.port()));
    const int stalled = connect_to(app.port());
    CHECK(write(stalled, "GET /", 5) == 5);

    CHECK(app.alive());
    CHECK(watcher.pump(300));  // the first viewer is still connected
    for (int connection : flood) close(connection);
    VncViewer late(app.port());  // and a new one is served, the stalled request still open
    REQUIRE(late.connected());
    REQUIRE(late.settle());
    CHECK(late.rgb() == watcher.rgb());
    close(stalled);
    CHECK(app.stop() == 0);
}

TEST_CASE("--serve-view-only: a viewer's clicks change nothing") {
    const fs::path dir = temp_folder("serve_view_only");
    const imgr::ImageBuffer idle = app_screenshot(dir, "idle", "");
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", kSize, "--serve-view-only", "--flagging-dir",
                   (dir / "flags").string()});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer viewer(app.port());
    REQUIRE(viewer.connected());
    const std::vector<uint8_t> expected = rgb_of(idle);  // the first frame, whenever a loaded machine draws it
    for (int i = 0; i < 100 && viewer.rgb() != expected; ++i) viewer.pump(100);
    REQUIRE(viewer.rgb() == expected);
    for (int y = 20; y < idle.height() - 20; y += 20) viewer.click(idle.width() / 2, y);
    viewer.type("12");
    CHECK(viewer.request_size(700, 450));
    viewer.settle();
    CHECK(viewer.rgb() == expected);
    CHECK(viewer.width() == idle.width());
    CHECK(app.stop() == 0);
}

TEST_CASE("an app without imgr::serve says which target to link, and a reachable address without a password is refused") {
    const ProcessResult unlinked = run_process({CALCULATOR_EXE, "--serve"});
    CHECK(unlinked.exit_code == 2);
    CHECK(unlinked.output.find("--serve needs the imgr::serve module") != std::string::npos);
    const ProcessResult open = run_process({CALCULATOR_OPTIONS_EXE, "--serve", "0.0.0.0:5999"});
    CHECK(open.exit_code == 2);
    CHECK(open.output.find("VNC authentication is not encryption") != std::string::npos);
}

TEST_CASE("--headless without a display starts its own (Xvfb) and takes the same screenshot") {
    const fs::path dir = temp_folder("serve_no_display");
    const imgr::ImageBuffer with_display = app_screenshot(dir, "with", "");
    const ProcessResult run = run_process({CALCULATOR_OPTIONS_EXE, "--headless", "--size", kSize, "--flagging-dir",
                                           (dir / "scratch_flags").string(), "--screenshot",
                                           (dir / "without.png").string()},
                                          {"DISPLAY=", "WAYLAND_DISPLAY="});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    imgr::ImageLoadResult without = imgr::load_image_file((dir / "without.png").string());
    REQUIRE(without.ok());
    CHECK(rgb_of(without.image) == rgb_of(with_display));
}

#ifdef CHROMIUM_EXE
// The browser test: Debian's chromium opens the served page (Debian's noVNC)
// and its screenshot shows the app; the PNG stays in the test folder to look at.
TEST_CASE("a browser shows the served app through noVNC, in a tab titled with the app's title") {
    const fs::path dir = temp_folder("serve_browser");
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", "900x560", "--flagging-dir", (dir / "flags").string()});
    INFO(app.output());
    REQUIRE(app.serving());
    REQUIRE(app.http_port() > 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(app.http_port()) + "/";
    const std::vector<std::string> browser = {CHROMIUM_EXE, "--headless", "--no-sandbox", "--disable-gpu",
                                              "--hide-scrollbars", "--user-data-dir=" + (dir / "profile").string()};
    std::vector<std::string> dom = browser;
    dom.insert(dom.end(), {"--dump-dom", url});
    const ProcessResult page = run_process(dom, {}, 60);
    CHECK(page.output.find("<title>") != std::string::npos);
    CHECK(page.output.find("vnc.html?autoconnect=1") != std::string::npos);
    std::vector<std::string> shot = browser;
    const fs::path png = dir / "browser.png";
    shot.insert(shot.end(), {"--window-size=1000,700", "--virtual-time-budget=10000", "--screenshot=" + png.string(),
                             url});
    const ProcessResult run = run_process(shot, {}, 90);
    INFO(run.output);
    imgr::ImageLoadResult loaded = imgr::load_image_file(png.string());
    REQUIRE(loaded.ok());
    // The Submit button's orange, only the app draws it: the framebuffer reached the page.
    int orange = 0;
    const imgr::ImageBuffer& image = loaded.image;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (is_primary_orange(image, x, y)) ++orange;
    CHECK(orange > 1000);
    const int stopped = app.stop();
    INFO(app.output());
    CHECK(stopped == 0);
}
#endif

TEST_CASE("--serve-password FILE: a viewer with the password is served, one without it is not") {
    const fs::path dir = temp_folder("serve_password");
    std::ofstream(dir / "password.txt") << "s3cret\n";
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", "640x400", "--serve-password", (dir / "password.txt").string(),
                   "--flagging-dir", (dir / "flags").string()});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer wrong(app.port(), "guess");
    CHECK_FALSE(wrong.connected());
    VncViewer right(app.port(), "s3cret");
    REQUIRE(right.connected());
    CHECK(right.settle());
    CHECK(right.width() == 640);
    CHECK(app.stop() == 0);
    const ProcessResult unreadable = run_process({CALCULATOR_OPTIONS_EXE, "--serve", "127.0.0.1:5999",
                                                  "--serve-password", (dir / "missing.txt").string()});
    CHECK(unreadable.exit_code == 1);
    CHECK(unreadable.output.find("cannot read the password file") != std::string::npos);
}

TEST_CASE("a viewer that asks for another desktop size (noVNC's remote resizing) resizes the app for every viewer") {
    const fs::path dir = temp_folder("serve_resize");
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", kSize, "--flagging-dir", (dir / "flags").string()});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer asking(app.port()), watching(app.port());
    REQUIRE(asking.settle());
    REQUIRE(watching.settle());
    CHECK(asking.request_size(700, 450));
    CHECK(asking.wait_for_size(700, 450));
    CHECK(watching.wait_for_size(700, 450));
    watching.settle();
    CHECK(watching.rgb().size() == 700u * 450u * 3u);
    CHECK(asking.request_size(50, 50));  // refused: under the 200-pixel side, nothing changes
    asking.settle();
    CHECK(asking.width() == 700);
    CHECK(asking.request_size(800, 500));  // a second, later request is followed too
    CHECK(watching.wait_for_size(800, 500));
    CHECK(app.stop() == 0);
}

TEST_CASE("--script plays while a viewer watches, --record records what the viewers see, and a flag lands on the server") {
    const fs::path dir = temp_folder("serve_script");
    const fs::path script = dir / "tour.txt";
    std::ofstream(script) << "wait 1s\n"  // frames of the recording clock: time for the viewer to connect
                             "set \"num1\" 7\n"
                             "set \"operation\" \"add\"\n"
                             "click \"Submit\"\n"
                             "expect \"Output\" 7\n"
                             "click \"Flag as off by one\"\n"
                             "wait idle\n"
                             "wait 0.3s\n";
    ServedApp app({CALCULATOR_OPTIONS_EXE, "--size", "640x400", "--pace", "fast", "--script", script.string(), "--record",
                   (dir / "frames").string(), "--flagging-dir", (dir / "flags").string()},
                  {"DISPLAY=", "WAYLAND_DISPLAY="});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer viewer(app.port());
    REQUIRE(viewer.connected());
    REQUIRE(viewer.settle(200));
    const std::vector<uint8_t> first = viewer.rgb();
    std::vector<uint8_t> last = first;
    while (viewer.pump(50)) last = viewer.rgb();  // until the script ends and the app disconnects
    CHECK(last != first);                         // the viewer saw the script act
    CHECK(app.wait_for_exit() == 0);              // it ends by itself, every expect held

    // The last picture the viewer got is one the recording holds.
    bool recorded = false;
    int frames = 0;
    for (const auto& entry : fs::directory_iterator(dir / "frames")) {
        ++frames;
        const imgr::ImageLoadResult frame = imgr::load_image_file(entry.path().string());
        if (frame.ok() && rgb_of(frame.image) == last) recorded = true;
    }
    CHECK(frames > 10);
    CHECK(recorded);
    const std::string log = read_file(dir / "flags" / "logs.csv");
    INFO(log);
    CHECK(log.find("\n7,add,0,7,off by one,") != std::string::npos);
}

// --watch with --serve (issue 24): a rebuilt app takes the same port; the viewers of the
// old build are let go (noVNC's page reconnects by itself) and a viewer sees the new one
// with the value the person had typed; nothing of the old server is left behind.
TEST_CASE("--watch --serve: after a reload the same port serves the new build with the person's value") {
    const fs::path dir = temp_folder("serve_watch");
    const fs::path tmp = dir / "tmp", exe = dir / "calculator_options";
    fs::create_directories(tmp);
    fs::copy_file(CALCULATOR_OPTIONS_EXE, exe);
    const imgr::ImageBuffer idle = app_screenshot(dir, "idle", "");
    const Point num1 = centre_of_change(idle, app_screenshot(dir, "num1", "set \"num1\" 5\n"));
    const imgr::ImageBuffer typed = app_screenshot(dir, "typed", "set \"num1\" 12\n");

    ServedApp app({exe.string(), "--watch", "--headless", "--size", kSize, "--flagging-dir", (dir / "flags").string()},
                  {"TMPDIR=" + tmp.string()});
    INFO(app.output());
    REQUIRE(app.serving());
    VncViewer before(app.port());
    REQUIRE(before.connected());
    for (int i = 0; i < 100 && before.rgb() != rgb_of(idle); ++i) before.pump(100);  // the app is up and drawn
    REQUIRE(before.rgb() == rgb_of(idle));
    auto act = [](VncViewer& viewer, auto action) {
        const std::vector<uint8_t> was = viewer.rgb();
        action();
        CHECK(viewer.wait_for_change(was));
        viewer.settle(300);
    };
    act(before, [&] { before.click(num1.x, num1.y); });
    act(before, [&] {
        before.key(XK_End);
        before.key(XK_BackSpace);
        before.type("12");
        before.key(XK_Return);
    });

    // A build replaced as a linker does: written beside it, renamed into place.
    fs::copy_file(CALCULATOR_OPTIONS_EXE, dir / "new");
    fs::rename(dir / "new", exe);
    // The old build's viewer is let go, not left hanging; then the new build says it is back.
    bool let_go = false;
    for (int i = 0; i < 300 && !let_go; ++i) let_go = !before.pump(100);
    CHECK(let_go);
    bool reloaded = false;
    for (int i = 0; i < 300 && !reloaded; ++i) {
        reloaded = app.output().find("imgr: reloaded in") != std::string::npos;
        if (!reloaded) usleep(100 * 1000);
    }
    INFO(app.output());
    REQUIRE(reloaded);

    VncViewer after(app.port());
    REQUIRE(after.connected());
    // The script's screenshot shows its pointer at the field it typed into; the viewer shows
    // none. The pointer's pixels (where the same value with the pointer moved on differs)
    // are left out of the comparison.
    const std::vector<uint8_t> moved_on = rgb_of(app_screenshot(dir, "moved_on", "set \"num1\" 12\nset \"num2\" 0\n"));
    const std::vector<uint8_t> typed_rgb = rgb_of(typed);
    auto without_pointer = [&](std::vector<uint8_t> rgb) {
        for (size_t i = 0; i < rgb.size() && i < typed_rgb.size(); ++i)
            if (typed_rgb[i] != moved_on[i]) rgb[i] = 0;
        return rgb;
    };
    const std::vector<uint8_t> expected = without_pointer(rgb_of(typed));
    REQUIRE(expected != without_pointer(rgb_of(idle)));  // "12" shows outside that patch
    for (int i = 0; i < 100 && (after.width() != typed.width() || without_pointer(after.rgb()) != expected); ++i)
        after.pump(100);
    REQUIRE(after.width() == typed.width());
    const bool as_left = without_pointer(after.rgb()) == expected;
    CHECK(as_left);  // the new build shows num1 = 12, as the person left it
    if (!as_left)    // kept beside typed.png, to look at
        (void)imgr::save_png((dir / "after.png").string(), imgr::ImageBuffer(after.width(), after.height(), 3, after.rgb()));
    // One page folder, the new build's: the old one's went with its server.
    int page_folders = 0;
    for (const auto& entry : fs::directory_iterator(tmp))
        page_folders += entry.path().filename().string().rfind("imgr-serve-", 0) == 0;
    CHECK(page_folders == 1);
    CHECK(app.stop() == 0);
}
