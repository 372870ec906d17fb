// Streaming handlers (issue 14), headless, frames paced at 60 Hz:
//   load     a stream yielding 100,000 small updates a second: the UI frame's CPU time
//            (p50 / p99) against the same window with nothing running, in the same run,
//            and the process's resident memory over the run (start / max / end)
//   latency  a value yielded at a random moment: time until the frame that draws it ends
//   stop     a stream yielding every 5 ms stopped at a random frame: frames after the
//            stop's frame in which the output still changed (must be 0), and the stop's cost
// bench_stream [--seconds S]   (S seconds for each load window; default 10)
#include "bench_common.h"

#include <imgr/engine/app/blocks.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <random>
#include <thread>
#include <unistd.h>

namespace {

constexpr auto kPeriod = std::chrono::microseconds(16667);

double rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1e6;
}

// Busy-waits: sleeping cannot pace 10 µs apart.
void spin_until(bench::Clock::time_point t) {
    while (bench::Clock::now() < t) {
    }
}

struct StreamApp {
    bench::HeadlessContext context{ImVec2(1280, 800)};
    imgr::Blocks blocks{"stream"};
    imgr::Handle<double> out;
    imgr::Handle<std::string> go, stop;
    std::unique_ptr<imgr::BlocksView> view;
    int listener = -1;

    template <class F>
    explicit StreamApp(F stream) {
        context.make_current();
        imgr::apply_light_theme();
        // A screen of a usual demo around the streamed number.
        for (int i = 0; i < 8; ++i)
            blocks.row([&] {
                blocks.add(imgr::Slider("s" + std::to_string(i), 0, 1, 0.5));
                blocks.add(imgr::Textbox("t" + std::to_string(i)));
            });
        go = blocks.add(imgr::Button("Go"));
        stop = blocks.add(imgr::Button("Stop"));
        out = blocks.add(imgr::Number("out"));
        auto run = go.click(stream, {}, out);
        stop.click(nullptr, {}, {}, {.cancels = {run}});
        view = std::make_unique<imgr::BlocksView>(blocks);
        for (int i = 0; i < 3; ++i) frame();
    }
    // One frame's CPU time, ms (the runner polls the engine inside draw()).
    double frame() {
        const auto start = bench::Clock::now();
        context.frame([&] { view->draw(); });
        return bench::ms_between(start, bench::Clock::now());
    }
    bool shows(double value) const { return view->cache(out.id()).text == imgr::format_number(value); }
};

struct Window {
    std::vector<double> frame_ms;
    double rss_start = 0, rss_max = 0, rss_end = 0;
};

Window paced_frames(StreamApp& app, double seconds) {
    Window w;
    w.rss_start = w.rss_max = rss_mb();
    auto next = bench::Clock::now();
    const auto end = next + std::chrono::duration_cast<bench::Clock::duration>(std::chrono::duration<double>(seconds));
    for (int f = 0; bench::Clock::now() < end; ++f) {
        std::this_thread::sleep_until(next += kPeriod);
        w.frame_ms.push_back(app.frame());
        if (f % 60 == 0) w.rss_max = std::max(w.rss_max, rss_mb());
    }
    w.rss_end = rss_mb();
    w.rss_max = std::max(w.rss_max, w.rss_end);
    return w;
}

void load(double seconds) {
    auto yielded = std::make_shared<std::atomic<long>>(0);
    StreamApp app([yielded]() -> imgr::Stream<double> {
        auto next = bench::Clock::now();
        for (long i = 1;; ++i) {
            spin_until(next += std::chrono::microseconds(10));  // 100,000 a second
            yielded->store(i, std::memory_order_relaxed);
            co_yield (double)i;
        }
    });
    const Window quiet = paced_frames(app, seconds);
    app.blocks.engine().fire(app.go.id(), imgr::Event::Click);
    const Window busy = paced_frames(app, seconds);
    const long count = yielded->load();
    app.blocks.engine().fire(app.stop.id(), imgr::Event::Click);
    const double p99_quiet = bench::percentile(quiet.frame_ms, 0.99), p99_busy = bench::percentile(busy.frame_ms, 0.99);
    const std::string what = "100,000 yields/s, " + bench::fmt("%.0f", seconds) + " s";
    bench::row("14 stream load", what, "yields per second achieved", bench::fmt("%.0f", (double)count / seconds));
    bench::row("14 stream load", what, "frame ms p50 / p99, quiet window",
               bench::fmt("%.3f", bench::percentile(quiet.frame_ms, 0.5)) + " / " + bench::fmt("%.3f", p99_quiet));
    bench::row("14 stream load", what, "frame ms p50 / p99, while streaming",
               bench::fmt("%.3f", bench::percentile(busy.frame_ms, 0.5)) + " / " + bench::fmt("%.3f", p99_busy));
    bench::row("14 stream load", what, "frame p99 ratio streaming / quiet", bench::fmt("%.2f", p99_busy / p99_quiet));
    bench::row("14 stream load", what, "RSS MB while streaming: start / max / end",
               bench::fmt("%.1f", busy.rss_start) + " / " + bench::fmt("%.1f", busy.rss_max) + " / " +
                   bench::fmt("%.1f", busy.rss_end));
}

void latency() {
    constexpr int kValues = 120;
    auto yielded_at = std::make_shared<std::vector<std::atomic<int64_t>>>(kValues + 1);
    StreamApp app([yielded_at]() -> imgr::Stream<double> {
        std::mt19937 rng(5);
        std::uniform_int_distribution<int> pause_us(5000, 60000);  // at random moments, not on frame edges
        for (int i = 1; i <= kValues; ++i) {
            std::this_thread::sleep_for(std::chrono::microseconds(pause_us(rng)));
            (*yielded_at)[(size_t)i] = bench::Clock::now().time_since_epoch().count();
            co_yield (double)i;
        }
    });
    app.blocks.engine().fire(app.go.id(), imgr::Event::Click);
    std::vector<double> ms, frames_late;
    int last_seen = 0;
    auto next = bench::Clock::now();
    while (last_seen < kValues) {
        std::this_thread::sleep_until(next += kPeriod);
        app.frame();
        const int shown = (int)app.out.value();
        if (shown != last_seen && app.shows(shown)) {
            const auto at = bench::Clock::time_point(bench::Clock::duration((*yielded_at)[(size_t)shown].load()));
            const double late = bench::ms_between(at, bench::Clock::now());
            ms.push_back(late);
            frames_late.push_back(late / 16.667);
            last_seen = shown;
        }
    }
    bench::row("14 yield to pixels", "values yielded at random moments, 60 Hz frames",
               "yield to the end of the frame drawing it, ms (median / p90 / max)",
               bench::fmt("%.2f", bench::percentile(ms, 0.5)) + " / " + bench::fmt("%.2f", bench::percentile(ms, 0.9)) +
                   " / " + bench::fmt("%.2f", bench::percentile(ms, 1.0)));
    bench::row("14 yield to pixels", "values yielded at random moments, 60 Hz frames",
               "in frame intervals (median)", bench::fmt("%.2f", bench::percentile(frames_late, 0.5)));
}

void stop_to_quiet() {
    std::mt19937 rng(9);
    std::vector<double> changed_after, stop_ms;
    for (int trial = 0; trial < 20; ++trial) {
        StreamApp app([]() -> imgr::Stream<double> {
            for (int i = 1;; ++i) {
                co_yield (double)i;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        app.blocks.engine().fire(app.go.id(), imgr::Event::Click);
        auto next = bench::Clock::now();
        const int stop_frame = 10 + (int)(rng() % 30);
        for (int f = 0; f < stop_frame; ++f) {
            std::this_thread::sleep_until(next += kPeriod);
            app.frame();
        }
        const auto start = bench::Clock::now();
        app.blocks.engine().fire(app.stop.id(), imgr::Event::Click);  // as the Stop button's click does in a frame
        stop_ms.push_back(bench::ms_between(start, bench::Clock::now()));
        const double at_stop = app.out.value();
        int changed = 0;
        for (int f = 0; f < 30; ++f) {
            std::this_thread::sleep_until(next += kPeriod);
            app.frame();
            if (app.out.value() != at_stop) ++changed;
        }
        changed_after.push_back(changed);
    }
    bench::row("14 stop to quiet", "a stream yielding every 5 ms, 20 stops at random frames",
               "frames after the stop that still changed the output (max)", bench::fmt("%.0f", bench::percentile(changed_after, 1.0)));
    bench::row("14 stop to quiet", "a stream yielding every 5 ms, 20 stops at random frames",
               "the stop itself, ms on the UI thread (max)", bench::fmt("%.3f", bench::percentile(stop_ms, 1.0)));
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 10;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atof(argv[i + 1]);
    load(seconds);
    latency();
    stop_to_quiet();
    return 0;
}
