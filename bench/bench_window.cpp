// The benchmarks that need a real window and GL context (run under Xvfb; all
// but flag-only):
//
//   bench_window busy       benchmark 3b: while a 1 s handler runs, does the
//                           runner keep drawing (a visible window, the runner's
//                           normal idle throttling); and does it sleep when idle
//   bench_window timer      benchmark 3c: frames an idle app with a 1 s timer draws
//   bench_window images     benchmark 5: sepia on a 1024x1024 input while the
//                           slider is dragged: UI frames/s, output updates/s,
//                           texture uploads
//   bench_window flagging [N]  benchmark 6: N (default 100) flags of 1920x1080
//                           images through CSVLogger from a worker while frames
//                           keep coming: frame times against the same frames
//                           without flagging
//   bench_window flag-only [N] the same flags without a window: the cost of a row
//
// Each wires a Blocks to the runner the way Blocks::launch does (view, GL
// texture cache, fonts, wake-ups), so that the bench can reach the view, the
// texture cache and the frame loop.
#include "bench_common.h"
#include "sepia_filter.h"  // samples/: the sepia demo's handler

#include <imgr/engine/app/blocks.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <thread>

namespace {

// A Blocks in a runner, as Blocks::launch wires them.
class App {
public:
    explicit App(imgr::Blocks& blocks) : blocks_(blocks), view_(blocks) {
        params.title = "bench";
        params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
        params.draw = [this](imgr::Runner& runner) {
            if (!textures_) {
                textures_ = std::make_unique<imgr::GlTextureCache>();
                view_.set_textures(textures_.get());
            }
            const imgr::FontSet& fonts = runner.fonts();
            view_.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
            const auto start = bench::Clock::now();
            view_.draw();
            last_draw_ms_ = bench::ms_between(start, bench::Clock::now());
        };
        params.wants_redraw = [this] { return view_.animating(); };
        params.seconds_until_wake = [this] { return view_.seconds_until_wake(); };
        params.before_close = [this](imgr::Runner&) {
            view_.set_textures(nullptr);
            textures_.reset();
        };
    }

    int run() {
        imgr::Runner runner(params);
        runner_ = &runner;
        view_.set_text_observer([&runner](std::string_view text) { runner.cover_text(text); });
        blocks_.engine().set_wake([&runner] { runner.request_redraw(); });
        const int code = runner.run();
        blocks_.engine().set_wake(nullptr);
        runner_ = nullptr;
        return code;
    }

    imgr::RunnerParams params;  // set before run(); draw and the hooks above are already filled in
    imgr::BlocksView& view() { return view_; }
    size_t uploads() const { return textures_ ? textures_->upload_count() : 0; }
    imgr::Runner* runner() { return runner_; }
    double last_draw_ms() const { return last_draw_ms_; }  // BlocksView::draw() alone, in the last frame

private:
    imgr::Blocks& blocks_;
    imgr::BlocksView view_;
    std::unique_ptr<imgr::GlTextureCache> textures_;
    imgr::Runner* runner_ = nullptr;
    double last_draw_ms_ = 0;
};

// A photo-like test image: smooth gradients with a little noise (pure noise
// would make every PNG incompressible and flagging unrealistically slow).
imgr::ImageBuffer test_image(int w, int h) {
    std::vector<uint8_t> pixels((size_t)w * h * 3);
    uint32_t state = 12345;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            state = state * 1664525u + 1013904223u;
            const int noise = (int)(state >> 28) - 8;
            uint8_t* p = &pixels[((size_t)y * w + x) * 3];
            p[0] = (uint8_t)std::clamp(255 * x / w + noise, 0, 255);
            p[1] = (uint8_t)std::clamp(255 * y / h + noise, 0, 255);
            p[2] = (uint8_t)std::clamp(128 + (int)(100 * std::sin((x + y) * 0.01)) + noise, 0, 255);
        }
    return imgr::ImageBuffer(w, h, 3, std::move(pixels));
}

double seconds_since(bench::Clock::time_point t) { return bench::ms_between(t, bench::Clock::now()) / 1000.0; }

// --- 3b: drawing while a handler runs, sleeping when idle -------------------------

int busy() {
    imgr::Blocks demo("busy");
    auto go = demo.add(imgr::Button("Run"));
    auto out = demo.add(imgr::Number("out"));
    static constexpr double kHandlerSeconds = 1.0, kIdleSeconds = 2.0;
    go.click([] {
        std::this_thread::sleep_for(std::chrono::duration<double>(kHandlerSeconds));
        return 1.0;
    }, {}, out);
    App app(demo);
    std::vector<double> frame_times;  // seconds since the first frame
    bench::Clock::time_point first;
    std::atomic<bool> clicked{false}, quit{false};
    double click_at = -1, done_at = -1;
    app.params.before_frame = [&](imgr::Runner& runner) {
        if (frame_times.empty()) first = bench::Clock::now();
        const double t = seconds_since(first);
        frame_times.push_back(t);
        if (quit) runner.request_exit(0);
        if (clicked && click_at < 0) {
            click_at = t;
            demo.engine().fire(go.id(), imgr::Event::Click);
        }
        if (click_at >= 0 && done_at < 0 && t > click_at && demo.engine().idle()) done_at = t;
    };
    // Nothing else wakes the loop: this thread plays the person (a click after
    // an idle stretch) and ends the run after another idle stretch.
    std::thread person([&] {
        while (!app.runner()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::this_thread::sleep_for(std::chrono::duration<double>(0.5 + kIdleSeconds));
        clicked = true;
        app.runner()->request_redraw();
        std::this_thread::sleep_for(std::chrono::duration<double>(kHandlerSeconds + 0.5 + kIdleSeconds));
        quit = true;
        app.runner()->request_redraw();
    });
    const int code = app.run();
    person.join();
    if (code != 0 || click_at < 0 || done_at < 0) {
        std::fprintf(stderr, "bench_window busy: the run did not complete (exit %d)\n", code);
        bench::row("3 idle", "busy window", "frames while a 1 s handler runs", "failed");
        return 1;
    }
    int during = 0, idle_before = 0, idle_after = 0;
    double longest_gap = 0;
    for (size_t i = 0; i < frame_times.size(); ++i) {
        const double t = frame_times[i];
        if (t > click_at && t <= done_at) {
            ++during;
            longest_gap = std::max(longest_gap, t - frame_times[i - 1]);
        }
        if (t > 0.5 && t < click_at - 0.01) ++idle_before;
        if (t > done_at + 0.5) ++idle_after;
    }
    // The last frame is the one that ends the run.
    idle_after = std::max(0, idle_after - 1);
    const double run_seconds = done_at - click_at;
    std::fprintf(stderr, "bench_window busy: %zu frames in all; click at %.2f s, result at %.2f s\n",
                 frame_times.size(), click_at, done_at);
    bench::row("3 idle", "Blocks in the runner, a 1 s handler running", "frames/s while it runs (longest gap, ms)",
               bench::fmt("%.0f", during / run_seconds) + " (" + bench::fmt("%.1f", longest_gap * 1000) + ")");
    bench::row("3 idle", "Blocks in the runner, no input", "frames drawn in 2 s idle, before / after the run",
               std::to_string(idle_before) + " / " + std::to_string(idle_after));
    return 0;
}

// --- 3c: an idle app with a 1 s timer (imgui_demo has a clock) ---------------------

int timer() {
    imgr::Blocks demo("timer");
    auto clock = demo.add(imgr::Textbox("Clock", "0"));
    int ticks = 0;
    demo.every(1.0, [&ticks] { return std::to_string(++ticks); }, {}, clock);
    App app(demo);
    constexpr double kSettleSeconds = 1.5, kSeconds = 5.0;
    std::vector<double> frame_times;
    bench::Clock::time_point first;
    std::atomic<bool> quit{false};
    app.params.before_frame = [&](imgr::Runner& runner) {
        if (frame_times.empty()) first = bench::Clock::now();
        frame_times.push_back(seconds_since(first));
        if (quit) runner.request_exit(0);
    };
    std::thread person([&] {
        while (!app.runner()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::this_thread::sleep_for(std::chrono::duration<double>(kSettleSeconds + kSeconds + 0.2));
        quit = true;
        app.runner()->request_redraw();
    });
    const int code = app.run();
    person.join();
    int frames = 0;
    for (double t : frame_times)
        if (t > kSettleSeconds && t <= kSettleSeconds + kSeconds) ++frames;
    if (code != 0) return 1;
    bench::row("3 idle", "Blocks with a 1 s timer (as imgui_demo's clock), no input", "frames drawn per second",
               bench::fmt("%.1f", frames / kSeconds));
    return 0;
}

// --- 5: images -------------------------------------------------------------------

int images() {
    imgr::Blocks demo("Sepia");
    imgr::Handle<imgr::ImageBuffer> img_input, img_output;
    imgr::Handle<double> strength;
    demo.row([&] {
        demo.column([&] {
            img_input = demo.add(imgr::Image("Input image"));
            strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
        });
        img_output = demo.add(imgr::Image("Output image"));
    });
    img_input.change(sepia, {img_input, strength}, img_output);
    strength.change(sepia, {img_input, strength}, img_output);
    const imgr::ImageBuffer input = test_image(1024, 1024);
    {
        // The two CPU costs of an update: the handler (a worker) and the
        // conversion to RGBA8 that a texture upload starts with (the UI thread).
        const auto t0 = bench::Clock::now();
        const imgr::ImageBuffer once = sepia(input, 0.5);
        const auto t1 = bench::Clock::now();
        const imgr::ImageBuffer rgba = once.to_rgba8();
        const auto t2 = bench::Clock::now();
        bench::row("5 images", "sepia 1024x1024", "handler alone / to_rgba8 of its output, ms",
                   bench::fmt("%.1f", bench::ms_between(t0, t1)) + " / " + bench::fmt("%.1f", bench::ms_between(t1, t2)));
    }
    img_input.set(input);

    App app(demo);
    // A visible window (Xvfb shows it nowhere): its buffer swap waits for the
    // frame to be rendered. A --headless window never waits, and llvmpipe then
    // falls seconds behind the CPU, which would count frames never drawn.
    app.params.continuous = true;  // as under a stream of mouse events: a frame as soon as the last is done
    constexpr int kSettleFrames = 30;
    constexpr double kDragSeconds = 5.0, kAfterSeconds = 1.0;
    int frame = 0, drag_frames = 0, after_frames = 0, updates = 0;
    uint64_t last_version = 0;
    size_t uploads_at_drag = 0, uploads_at_release = 0, uploads_end = 0, uploads_final = 0;
    bench::Clock::time_point drag_start, release_time;
    std::vector<double> frame_ms_upload, frame_ms_plain;
    bench::Clock::time_point previous;
    size_t previous_uploads = 0;
    bool dragging = false, released = false;
    app.params.before_frame = [&](imgr::Runner& runner) {
        const auto now = bench::Clock::now();
        // The frame that just ended: did it upload a texture?
        if (frame > kSettleFrames) (app.uploads() != previous_uploads ? frame_ms_upload : frame_ms_plain)
                                       .push_back(bench::ms_between(previous, now));
        previous = now;
        previous_uploads = uploads_final = app.uploads();  // (the cache is gone once run() returns)
        ++frame;
        const uint64_t version = img_output.value().version();
        const bool changed = version != last_version;
        last_version = version;
        ImGuiIO& io = ImGui::GetIO();
        if (frame < kSettleFrames) return;
        const auto& slider = app.view().targets().component(strength.id());
        const float y = (slider.widget.min.y + slider.widget.max.y) / 2;
        if (!dragging && !released) {  // press, then drag back and forth, 1 s each way
            dragging = true;
            drag_start = now;
            uploads_at_drag = app.uploads();
        }
        if (dragging) {
            if (changed) ++updates;
            ++drag_frames;
            const double t = seconds_since(drag_start);
            const double phase = std::fmod(t, 2.0), x = phase < 1 ? phase : 2 - phase;
            io.MousePos = ImVec2(slider.widget.min.x + (float)(0.02 + 0.96 * x) * (slider.widget.max.x - slider.widget.min.x), y);
            io.MouseDown[0] = t > 0.05;  // hover the first frames, as a person does
            if (t >= kDragSeconds) {
                dragging = false;
                released = true;
                io.MouseDown[0] = false;
                release_time = now;
                uploads_at_release = app.uploads();
            }
        } else if (released) {
            io.MousePos = ImVec2(slider.widget.min.x, y);
            io.MouseDown[0] = false;
            // The last run may still land; after it, nothing should upload.
            if (seconds_since(release_time) > 0.5) ++after_frames;
            else uploads_end = app.uploads();
            if (seconds_since(release_time) >= kAfterSeconds) runner.request_exit(0);
        }
    };
    const int code = app.run();
    if (code != 0 || !released) {
        bench::row("5 images", "sepia 1024x1024", "drag", "failed");
        return 1;
    }
    const double seconds = std::chrono::duration<double>(release_time - drag_start).count();
    const size_t drag_uploads = uploads_at_release - uploads_at_drag;
    const size_t idle_uploads = uploads_final - uploads_end;
    bench::row("5 images", "sepia 1024x1024, slider dragged 5 s", "UI frames/s", bench::fmt("%.1f", drag_frames / seconds));
    bench::row("5 images", "sepia 1024x1024, slider dragged 5 s", "output updates/s", bench::fmt("%.1f", updates / seconds));
    bench::row("5 images", "sepia 1024x1024, slider dragged 5 s", "texture uploads / output updates",
               std::to_string(drag_uploads) + " / " + std::to_string(updates));
    bench::row("5 images", "sepia 1024x1024, slider dragged 5 s", "frame ms with an upload / without (median)",
               bench::fmt("%.1f", bench::percentile(frame_ms_upload, 0.5)) + " / " +
                   bench::fmt("%.1f", bench::percentile(frame_ms_plain, 0.5)));
    bench::row("5 images", "after the drag", "uploads in " + std::to_string(after_frames) + " frames with no change",
               std::to_string(idle_uploads));
    return 0;
}

// --- 6: flagging -------------------------------------------------------------------

int flagging(int kFlags) {
    constexpr double kBaselineSeconds = 5.0;
    const imgr::ImageBuffer image = test_image(1920, 1080);
    imgr::Blocks demo("flagging");
    auto shown = demo.add(imgr::Image("image"));
    auto strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
    shown.set(image);

    char dir_template[] = "/tmp/imgr_bench_flags_XXXXXX";
    const char* dir = mkdtemp(dir_template);
    if (!dir) {
        std::perror("mkdtemp");
        return 1;
    }
    imgr::CSVLogger logger;
    logger.setup(std::vector<imgr::FlagField>{{"image", imgr::ComponentKind::Image}, {"strength", imgr::ComponentKind::Slider}},
                 dir);

    App app(demo);
    // Frames keep coming at 60 Hz, as while the person drags something: the
    // loop runs continuously (a visible window: see images()) and this hook
    // waits for the next 60 Hz tick, as a vsync would. A frame's time is from
    // the end of that wait to the start of the next frame: drawing, rendering, swap.
    app.params.continuous = true;
    std::vector<double> baseline, burst, baseline_draw, burst_draw;
    std::atomic<int> flagged{0};
    std::atomic<bool> burst_done{false};
    double burst_seconds = 0;
    std::thread worker;
    int frame = 0;
    bench::Clock::time_point frame_start, next_tick, baseline_start;
    constexpr auto kPeriod = std::chrono::microseconds(16667);
    bool bursting = false;
    app.params.before_frame = [&](imgr::Runner& runner) {
        const auto now = bench::Clock::now();
        if (++frame == 30) baseline_start = now;  // after start-up frames
        if (frame > 30) {
            const double ms = bench::ms_between(frame_start, now);
            if (!bursting) {
                baseline.push_back(ms);
                baseline_draw.push_back(app.last_draw_ms());
            } else if (!burst_done) {
                burst.push_back(ms);
                burst_draw.push_back(app.last_draw_ms());
            }
        }
        next_tick = std::max(next_tick + kPeriod, now);
        std::this_thread::sleep_until(next_tick);
        frame_start = bench::Clock::now();
        if (frame > 30 && !bursting && seconds_since(baseline_start) >= kBaselineSeconds) {
            bursting = true;
            const imgr::Values values{image, strength.value()};  // a snapshot, as a click handler gets
            worker = std::thread([&, values] {
                const auto start = bench::Clock::now();
                for (int i = 0; i < kFlags; ++i) {
                    try {
                        logger.flag(values);
                        ++flagged;
                    } catch (const std::exception& e) {
                        std::fprintf(stderr, "bench_window flagging: %s\n", e.what());
                    }
                }
                burst_seconds = seconds_since(start);
                burst_done = true;
            });
        }
        if (burst_done) runner.request_exit(0);
    };
    const int code = app.run();
    if (worker.joinable()) worker.join();
    std::error_code ec;
    uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
        if (entry.is_regular_file()) bytes += entry.file_size();
    std::filesystem::remove_all(dir, ec);
    if (code != 0 || flagged == 0) {
        bench::row("6 flagging", std::to_string(kFlags) + " flags of 1920x1080", "burst", "failed");
        return 1;
    }
    const auto summary = [](const std::vector<double>& v) {
        return bench::fmt("%.1f", bench::percentile(v, 0.5)) + " / " + bench::fmt("%.1f", bench::percentile(v, 0.99)) +
               " / " + bench::fmt("%.1f", bench::percentile(v, 1.0));
    };
    const std::string what = std::to_string(kFlags) + " flags of 1920x1080";
    bench::row("6 flagging", "no flagging (" + std::to_string(baseline.size()) + " frames at 60 Hz)",
               "frame ms p50 / p99 / max", summary(baseline));
    bench::row("6 flagging", what + " (" + std::to_string(burst.size()) + " frames)", "frame ms p50 / p99 / max",
               summary(burst));
    bench::row("6 flagging", what, "p99 frame ratio burst/baseline",
               bench::fmt("%.2f", bench::percentile(burst, 0.99) / bench::percentile(baseline, 0.99)));
    bench::row("6 flagging", "no flagging / " + what, "BlocksView::draw ms p99 / max",
               bench::fmt("%.2f", bench::percentile(baseline_draw, 0.99)) + " / " +
                   bench::fmt("%.2f", bench::percentile(baseline_draw, 1.0)) + "  vs  " +
                   bench::fmt("%.2f", bench::percentile(burst_draw, 0.99)) + " / " +
                   bench::fmt("%.2f", bench::percentile(burst_draw, 1.0)));
    bench::row("6 flagging", what, "rows/s written (MB written)",
               bench::fmt("%.2f", flagged / burst_seconds) + " (" + bench::fmt("%.0f", bytes / 1e6) + ")");
    return 0;
}

// The flags alone, no window: what one row costs on an otherwise idle machine.
int flag_only(int flags) {
    const imgr::ImageBuffer image = test_image(1920, 1080);
    char dir_template[] = "/tmp/imgr_bench_flags_XXXXXX";
    const char* dir = mkdtemp(dir_template);
    if (!dir) return 1;
    imgr::CSVLogger logger;
    logger.setup(std::vector<imgr::FlagField>{{"image", imgr::ComponentKind::Image}, {"strength", imgr::ComponentKind::Slider}},
                 dir);
    const auto start = bench::Clock::now();
    for (int i = 0; i < flags; ++i) logger.flag({image, 0.5});
    const double seconds = seconds_since(start);
    std::error_code ec;
    uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
        if (entry.is_regular_file()) bytes += entry.file_size();
    std::filesystem::remove_all(dir, ec);
    bench::row("6 flagging", std::to_string(flags) + " flags of 1920x1080, no window", "ms per row",
               bench::fmt("%.0f", seconds * 1000 / flags));
    bench::row("6 flagging", std::to_string(flags) + " flags of 1920x1080, no window", "MB per row",
               bench::fmt("%.2f", bytes / 1e6 / flags));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "flag-only") return flag_only(argc > 2 ? std::atoi(argv[2]) : 5);
    if (mode == "busy") return busy();
    if (mode == "timer") return timer();
    if (mode == "images") return images();
    if (mode == "flagging") return flagging(argc > 2 ? std::atoi(argv[2]) : 100);
    std::fprintf(stderr, "usage: bench_window busy | timer | images | flagging [FLAGS] | flag-only [FLAGS]\n"
                         "       (all but flag-only need an X display: xvfb-run -a)\n");
    return 2;
}
