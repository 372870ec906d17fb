// --watch end to end (docs/watch.md): the test app runs with --watch in a
// window (Xvfb), starts with values a person had set (a Slider, a Textbox and
// an image, handed over through the app's own restore folder, as a crashed run
// would leave them), one string of its source is rewritten and the app rebuilt
// with cmake; the running process must execute the new build and show the new
// string with the old values.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "imgr/driver/watch_folder.h"
#include "imgr/driver/watch_state.h"
#include "imgr/engine/engine.h"
#include "support/process.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_version(const char* version) {
    std::ofstream(WATCH_APP_VERSION_CPP, std::ios::binary)
        << "const char* watch_app_version = \"" << version << "\";  // rewritten by watch_reload_test\n";
}

imgr::test::ProcessResult build_app() {
    return imgr::test::run_process({CMAKE_COMMAND, "--build", BUILD_DIR, "--target", "watch_test_app"}, {}, 600);
}

// The app in the background, its stdout and stderr into one file.
struct Background {
    pid_t pid = -1;
    fs::path log;
    Background(const std::vector<std::string>& argv, const fs::path& log_file, const std::string& tmpdir) : log(log_file) {
        pid = fork();
        if (pid == 0) {
            FILE* out = std::fopen(log_file.c_str(), "w");
            dup2(fileno(out), 1);
            dup2(fileno(out), 2);
            setenv("TMPDIR", tmpdir.c_str(), 1);
            std::vector<char*> args;
            for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }
    ~Background() {
        if (pid > 0) {
            kill(pid, SIGTERM);
            waitpid(pid, nullptr, 0);
        }
    }
    // Waits until the log holds `text` (true) or the time is up.
    bool wait_for(const std::string& text, std::chrono::seconds timeout) const {
        const auto give_up = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < give_up) {
            if (read_text(log).find(text) != std::string::npos) return true;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }
};

// The first case rebuilds the test app that the second copies: CTest may run them at once, so each holds this.
struct OneAtATime {
    int fd = -1;
    OneAtATime() {
        fs::create_directories(IMGR_TEST_TMP);
        fd = open((fs::path(IMGR_TEST_TMP) / "watch_reload_test.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (fd >= 0) flock(fd, LOCK_EX);
    }
    ~OneAtATime() {
        if (fd >= 0) close(fd);
    }
};

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a rebuilt app comes back in the same process with the new string and the person's values") {
    OneAtATime lock;
    const fs::path dir = fs::path(IMGR_TEST_TMP) / ("watch_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);

    write_version("one");
    imgr::test::ProcessResult built = build_app();
    REQUIRE_MESSAGE(built.exit_code == 0, built.output);

    // What a person had set, saved as the app saves it (its own restore folder), by a run that is gone.
    setenv("TMPDIR", dir.c_str(), 1);
    const fs::path exe = fs::canonical(WATCH_APP);
    imgr::WatchFolder folder = imgr::watch_folder(exe);
    unsetenv("TMPDIR");
    REQUIRE_MESSAGE(folder.ok(), folder.error);
    imgr::WatchFolder crashed = imgr::process_folder(folder.path, 999999999);  // no such process: a run that crashed
    REQUIRE(crashed.ok());
    {
        imgr::Engine engine;
        imgr::ComponentSpec slider{.kind = imgr::ComponentKind::Slider, .value = 0.5};
        slider.common.label = "strength";
        slider.props = imgr::SliderProps{0, 1, 0.01};
        imgr::ComponentSpec text{.kind = imgr::ComponentKind::Textbox, .value = std::string()};
        text.common.label = "name";
        imgr::ComponentSpec image{.kind = imgr::ComponentKind::Image, .value = std::monostate{}};
        image.common.label = "photo";
        for (const auto& spec : {slider, text, image}) engine.add_component(spec);
        const std::vector<imgr::Value> initial = {0.5, std::string(), std::monostate{}};
        engine.set_from_user(0, 0.75);
        engine.set_from_user(1, std::string("Ada"));
        engine.set_from_user(2, imgr::ImageBuffer(64, 48, 3));
        imgr::WatchState state;
        state.pid = 999999999;
        state.view.tabs = {{"Inputs", true}, {"Report", false}};
        REQUIRE(imgr::save_watch_state(engine, initial, state, crashed.path).ok());
    }

    Background app({exe.string(), "--watch", "--headless", "--size", "640x480"}, dir / "app.log", dir.string());
    REQUIRE_MESSAGE(app.wait_for("report: version=one strength=0.75 name=Ada photo=64x48", 60s), read_text(app.log));
    CHECK(app.wait_for("imgr: restored what an earlier run left (restored 3 values, dropped 0)", 10s));
    CHECK_FALSE(fs::exists(crashed.path));  // removed once restored

    write_version("two");
    built = build_app();
    REQUIRE_MESSAGE(built.exit_code == 0, built.output);
    REQUIRE_MESSAGE(app.wait_for("imgr: reloaded in ", 60s), read_text(app.log));
    REQUIRE_MESSAGE(app.wait_for("report: version=two strength=0.75 name=Ada photo=64x48", 30s), read_text(app.log));
    const std::string log = read_text(app.log);
    CHECK(count(log, "imgr: reloaded in ") == 1);
    // Restored together: every run of the new build saw all the values, never a mix of old and new.
    CHECK(count(log, "report: version=two") == count(log, "report: version=two strength=0.75 name=Ada photo=64x48"));
    // The handler's output (the report) counts too: it had changed from its start.
    CHECK(log.find("(restored 4 values, dropped 0)") != std::string::npos);
    int status = 0;
    CHECK(waitpid(app.pid, &status, WNOHANG) == 0);  // the same process, still running
    CHECK_FALSE(fs::exists(folder.path / std::to_string(app.pid) / "state.json"));  // its own, given back
    write_version("one");  // the tree as it was (rebuilt by the next build of the target)
    MESSAGE(log);
}

TEST_CASE("a new build that does not start is reported and the running one kept, and the next good build reloads") {
    OneAtATime lock;
    const fs::path dir = fs::path(IMGR_TEST_TMP) / ("watch_broken_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    const fs::path exe = dir / "app";
    fs::copy_file(WATCH_APP, exe);
    // A build replaced as a linker does: written beside it, renamed into place.
    auto replace_with = [&](const fs::path& from) {
        fs::copy_file(from, dir / "new", fs::copy_options::overwrite_existing);
        fs::rename(dir / "new", exe);
    };
    Background app({exe.string(), "--watch", "--headless", "--size", "640x480"}, dir / "app.log", dir.string());
    std::this_thread::sleep_for(1500ms);  // its window is up
    replace_with("/bin/false");           // an executable that cannot even print its --help
    REQUIRE_MESSAGE(app.wait_for("imgr: error: the new build does not start (exit 1", 30s), read_text(app.log));
    CHECK(read_text(app.log).find("; the running one is kept") != std::string::npos);
    int status = 0;
    CHECK(waitpid(app.pid, &status, WNOHANG) == 0);  // still running: the old build
    replace_with(WATCH_APP);
    CHECK_MESSAGE(app.wait_for("imgr: reloaded in ", 30s), read_text(app.log));
    CHECK(waitpid(app.pid, &status, WNOHANG) == 0);
}
