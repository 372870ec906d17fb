// --serve (issue 22): the served sepia sample at 1280x800, measured through
// real VNC viewers (libvncclient) over loopback. Prints one Markdown table:
//   idle: the server's CPU and the bytes it writes per second after the first frame;
//   drag: a viewer drags the slider for 5 s: frames the viewer receives per
//         second, bytes per second, server CPU, against the same app with
//         --serve's capture off (nobody watching, the drag through a script);
//   input to pixels: a click on the track until the update that shows it, and its
//         parts as the server traced them (IMGR_SERVE_TRACE=1, serve/latency_trace.h);
//   ten viewers against one during the same drag;
//   the same drag without --serve: the app in a window of the bench's X server,
//         dragged by X's own pointer (XTest), its CPU against the served drag's.
//
//   bench_serve SEPIA_EXE WORK_DIR
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <imgr/model/image_io.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#if IMGR_BENCH_HAVE_XTEST
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#endif

#include "serve/served_app.h"
#include "serve/vnc_viewer.h"
#include "support/process.h"

using namespace imgr::test;
using Clock = std::chrono::steady_clock;

namespace {

const char* kSize = "1280x800";

long written_bytes(pid_t pid) {  // /proc/PID/io's wchar: what write() sent (here: to the viewers)
    std::ifstream io("/proc/" + std::to_string(pid) + "/io");
    std::string key;
    long value = 0;
    while (io >> key >> value)
        if (key == "wchar:") return value;
    return 0;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Track {
    int left = 0, right = 0, y = -1;
};

// The slider's track, from the app itself: where the picture changes when a
// script sets the slider to 0 and to 1 (the grab and its value move).
struct Box {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
Box changed_box(const imgr::ImageBuffer& a, const imgr::ImageBuffer& b, Box box = {}) {
    for (int y = 0; y < std::min(a.height(), b.height()); ++y)
        for (int x = 0; x < std::min(a.width(), b.width()); ++x)
            if (a.sample(x, y, 0) != b.sample(x, y, 0) || a.sample(x, y, 1) != b.sample(x, y, 1))
                box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x), std::max(box.y1, y)};
    return box;
}
imgr::ImageBuffer screenshot(const std::string& sepia, const std::string& work, const std::string& script) {
    const std::string tour = work + "/locate.tour", png = work + "/locate.png";
    std::ofstream(tour) << script;
    run_process({sepia, "--headless", "--pace", "fast", "--size", kSize, "--flagging-dir", work + "/flags",
                 "--script", tour, "--screenshot", png});
    return imgr::load_image_file(png).image;
}
Track find_track(const std::string& sepia, const std::string& work) {
    const imgr::ImageBuffer middle = screenshot(sepia, work, "wait 1\n");
    const imgr::ImageBuffer low = screenshot(sepia, work, "set \"strength\" 0\n");
    const imgr::ImageBuffer high = screenshot(sepia, work, "set \"strength\" 1\n");
    const Box box = changed_box(middle, high, changed_box(middle, low));
    if (box.x1 < 0) return {};
    // The grab sits at the box's ends; stay a little inside them.
    return {box.x0 + 8, box.x1 - 8, (box.y0 + box.y1) / 2};
}

struct Usage {
    double seconds = 0, cpu = 0;
    long bytes = 0, frames = 0;
    Usage(ServedApp& app, const VncViewer* viewer)
        : cpu(app.cpu_seconds()), bytes(written_bytes(app.pid())), frames(viewer ? viewer->frames : 0),
          start_(Clock::now()) {}
    void finish(ServedApp& app, const VncViewer* viewer) {
        seconds = seconds_since(start_);
        cpu = app.cpu_seconds() - cpu;
        bytes = written_bytes(app.pid()) - bytes;
        frames = (viewer ? viewer->frames : 0) - frames;
    }
    Clock::time_point start_;
};

// Drags the grab back and forth along the track for 5 s, a pointer event every 8 ms.
Usage drag(ServedApp& app, VncViewer& hand, const Track& track, std::vector<std::unique_ptr<VncViewer>>& watchers) {
    hand.press(track.left, track.y);
    Usage usage(app, &hand);
    for (int step = 0; seconds_since(usage.start_) < 5.0; ++step) {
        const double phase = (step % 120) / 60.0, t = phase < 1 ? phase : 2 - phase;
        hand.move(track.left + (int)(t * (track.right - track.left)), track.y);
        hand.pump(8);
        for (auto& watcher : watchers) watcher->pump(0);
    }
    usage.finish(app, &hand);
    hand.release(track.left, track.y);
    hand.settle(300, 3000);
    return usage;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The last `count` lines of the server's trace ("imgr: serve trace: wait for frame A ms, draw B ms, ..."),
// as four columns of milliseconds.
std::vector<std::vector<double>> traced_parts(const std::string& output, size_t count) {
    std::vector<std::array<double, 4>> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        std::array<double, 4> part{};
        if (std::sscanf(line.c_str(),
                        "imgr: serve trace: wait for frame %lf ms, draw %lf ms, read back and compare %lf ms, "
                        "encode and send %lf ms",
                        &part[0], &part[1], &part[2], &part[3]) == 4)
            lines.push_back(part);
    }
    std::vector<std::vector<double>> columns(4);
    for (size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
        for (int c = 0; c < 4; ++c) columns[c].push_back(lines[i][c]);
    return columns;
}

#if IMGR_BENCH_HAVE_XTEST
// The drag of drag() without --serve: sepia in a window of this X server (no window
// manager: it sits at 0,0, so its pixels are the screen's), dragged by XTest's pointer
// with the same path and pace. Returns the app's CPU seconds per second; 0 if it failed.
double unserved_drag_cpu(const std::string& sepia, const std::string& work, const Track& track) {
    Display* display = XOpenDisplay(nullptr);
    if (!display) return 0;
    const std::string size = kSize, flags = work + "/flags_unserved";
    const char* argv[] = {sepia.c_str(), "--size", size.c_str(), "--flagging-dir", flags.c_str(), nullptr};
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
        XCloseDisplay(display);
        return 0;
    }
    usleep(3000 * 1000);  // the window up and its first frames drawn
    XTestFakeMotionEvent(display, 0, track.left, track.y, 0);
    XTestFakeButtonEvent(display, 1, True, 0);
    XFlush(display);
    const auto start = Clock::now();
    const double cpu = process_cpu_seconds(pid);
    for (int step = 0; seconds_since(start) < 5.0; ++step) {
        const double phase = (step % 120) / 60.0, t = phase < 1 ? phase : 2 - phase;
        XTestFakeMotionEvent(display, 0, track.left + (int)(t * (track.right - track.left)), track.y, 0);
        XFlush(display);
        usleep(8000);
    }
    const double used = (process_cpu_seconds(pid) - cpu) / seconds_since(start);
    XTestFakeButtonEvent(display, 1, False, 0);
    XFlush(display);
    XCloseDisplay(display);
    kill(pid, SIGINT);
    waitpid(pid, nullptr, 0);
    return used;
}
#endif

void row(const char* what, const std::string& figure, const char* goal) {
    std::printf("| %s | %s | %s |\n", what, figure.c_str(), goal);
}
std::string format(const char* pattern, double a, double b = 0, double c = 0) {
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b, c);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_serve SEPIA_EXE WORK_DIR\n");
        return 2;
    }
    const std::string sepia = argv[1], work = argv[2];
    ServedApp app({sepia, "--size", kSize, "--flagging-dir", work + "/flags"}, {"IMGR_SERVE_TRACE=1"});
    if (!app.serving()) {
        std::fprintf(stderr, "bench_serve: the app did not serve:\n%s\n", app.output().c_str());
        return 1;
    }
    const Track track = find_track(sepia, work);
    VncViewer hand(app.port(), "", false);  // the encodings noVNC uses: tight with JPEG
    hand.settle(500, 10000);
    if (track.y < 0) {
        std::fprintf(stderr, "bench_serve: no slider found\n");
        return 1;
    }
    hand.settle(1000, 5000);

    Usage idle(app, &hand);
    hand.pump(5000);
    idle.finish(app, &hand);

    std::vector<std::unique_ptr<VncViewer>> none, nine;
    const Usage one = drag(app, hand, track, none);

    // Input to pixels: a click on the track away from the grab, until the picture changes.
    std::vector<double> latencies;
    for (int i = 0; i < 20; ++i) {
        const auto before = hand.rgb();
        const auto start = Clock::now();
        hand.click(i % 2 ? track.left : track.right, track.y);
        if (hand.wait_for_change(before, 3000)) latencies.push_back(1000 * seconds_since(start));
        hand.settle(200, 2000);
    }
    std::sort(latencies.begin(), latencies.end());
    const std::vector<std::vector<double>> parts = traced_parts(app.output(), 20);

    for (int i = 0; i < 9; ++i) {
        nine.push_back(std::make_unique<VncViewer>(app.port(), "", false));
        nine.back()->settle(200, 5000);
    }
    const Usage ten = drag(app, hand, track, nine);
    nine.clear();
    hand.settle(500, 3000);
    app.stop();

    std::printf("| --serve, sepia at %s, loopback | figure | goal |\n| --- | --- | --- |\n", kSize);
    row("idle: server CPU, bytes sent per second (5 s after the first frame)",
        format("%.2f %% of a core, %.0f B/s", 100 * idle.cpu / idle.seconds, idle.bytes / idle.seconds), "< 1 %, 0 B/s");
    row("drag 5 s, one viewer: frames received per second", format("%.1f fps", one.frames / one.seconds), ">= 30");
    row("drag 5 s, one viewer: bytes per second", format("%.0f kB/s", one.bytes / one.seconds / 1000), "");
    row("drag 5 s, one viewer: server CPU", format("%.0f %% of a core", 100 * one.cpu / one.seconds), "");
    if (!latencies.empty())
        row("input to pixels: click -> the update showing it (median, min, max of 20)",
            format("%.1f ms (%.1f, %.1f)", latencies[latencies.size() / 2], latencies.front(), latencies.back()),
            "<= 2 frames (33 ms at 60 fps) + encoding");
    static const char* part_names[] = {"wait for the frame", "draw it", "read back and compare", "encode and send"};
    if (parts.size() == 4 && !parts[0].empty()) {
        std::string figure;
        for (int i = 0; i < 4; ++i)
            figure += (i ? ", " : "") + std::string(part_names[i]) + " " + format("%.1f", median(parts[i]));
        row("input to pixels, the server's parts (ms, median of the clicks traced)", figure, "");
    }
#if IMGR_BENCH_HAVE_XTEST
    const double unserved = unserved_drag_cpu(sepia, work, track);
    if (unserved > 0)
        row("drag 5 s, the same without --serve (a window, X's pointer): CPU, and served / unserved",
            format("%.0f %% of a core (served %.2fx)", 100 * unserved, (one.cpu / one.seconds) / unserved), "served <= 1.3x");
#endif
    row("drag 5 s, ten viewers: server CPU",
        format("%.0f %% of a core (%.2fx one viewer)", 100 * ten.cpu / ten.seconds,
               (ten.cpu / ten.seconds) / std::max(1e-9, one.cpu / one.seconds)),
        "<= 1.5x");
    row("drag 5 s, ten viewers: frames the dragging viewer receives per second",
        format("%.1f fps", ten.frames / ten.seconds), "");
    return 0;
}
