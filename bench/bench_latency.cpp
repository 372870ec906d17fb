// Benchmark 2, latency: from a slider change (a simulated click on the
// slider, through ImGui's input path) to the frame that draws the handler's
// output, with a trivial handler and with one that takes 30 ms. Headless.
//
// Two ways of pacing frames:
//   60 Hz     frames every 16.7 ms, as a vsynced window while something moves:
//             counts frames from the input frame to the frame showing the output.
//   flat out  frames back to back, as the runner draws while a run is pending
//             when nothing throttles it (no vsync, e.g. under Xvfb): the time
//             from input to a drawn result, without a vsync's wait.
#include "bench_common.h"

#include <imgr/engine/app/blocks.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <thread>

namespace {

struct Trial {
    int frames = 0;     // frames after the input frame until the output is drawn (1: the next frame)
    double ms = 0;      // input frame start to the end of the frame that draws the output
};

class LatencyApp {
public:
    explicit LatencyApp(int handler_ms) {
        context_.make_current();
        imgr::apply_light_theme();
        slider_ = blocks_.add(imgr::Slider("strength", 0, 100, 0));
        output_ = blocks_.add(imgr::Number("output"));
        slider_.change([handler_ms](double v) {
            if (handler_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(handler_ms));
            return v;
        }, {slider_}, output_);
        view_ = std::make_unique<imgr::BlocksView>(blocks_);
        for (int i = 0; i < 3; ++i) frame();  // lay out: the slider's rectangle is known after this
    }
    void frame() { context_.frame([&] { view_->draw(); }); }

    // One change: press on the slider at fraction x of its width, then draw
    // until the output field shows the slider's new value.
    Trial run(double x, bool paced) {
        const auto& cache = view_->targets().component(slider_.id());
        ImGuiIO& io = ImGui::GetIO();
        const float y = (cache.widget.min.y + cache.widget.max.y) / 2;
        context_.make_current();
        io.MousePos = ImVec2(cache.widget.min.x + (float)x * (cache.widget.max.x - cache.widget.min.x), y);
        frame();  // hover first, as a real click does
        constexpr auto kPeriod = std::chrono::microseconds(16667);
        auto next = bench::Clock::now();
        if (paced) std::this_thread::sleep_until(next += kPeriod);
        const auto start = bench::Clock::now();
        io.MouseDown[0] = true;
        frame();  // the input frame: the slider takes the value, change fires
        io.MouseDown[0] = false;
        const double wanted = slider_.value();
        const std::string shown = imgr::format_number(wanted);
        Trial trial;
        const int limit = paced ? 600 : 2000000;
        for (int f = 1; f <= limit; ++f) {
            if (paced) std::this_thread::sleep_until(next += kPeriod);
            else if (bench::ms_between(start, bench::Clock::now()) > 5000) break;
            frame();
            if (view_->cache(output_.id()).text == shown) {
                trial.frames = f;
                trial.ms = bench::ms_between(start, bench::Clock::now());
                break;
            }
        }
        // Let the engine settle so that trials do not overlap.
        for (int i = 0; i < 200 && !blocks_.engine().idle(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            frame();
        }
        frame();
        return trial;
    }

private:
    bench::HeadlessContext context_{ImVec2(800, 600)};
    imgr::Blocks blocks_{"latency"};
    imgr::Handle<double> slider_, output_;
    std::unique_ptr<imgr::BlocksView> view_;
};

}  // namespace

int main() {
    for (int handler_ms : {0, 30}) {
        LatencyApp app(handler_ms);
        const std::string what = handler_ms == 0 ? "trivial handler" : "30 ms handler";
        for (bool paced : {true, false}) {
            std::vector<double> frames, ms;
            const int trials = handler_ms == 0 ? 40 : 15;
            int missed = 0;
            for (int t = 0; t < trials; ++t) {
                // A different place each time, so the value always changes.
                const Trial trial = app.run(0.1 + 0.8 * (double)((t * 7) % trials) / trials, paced);
                if (trial.frames == 0) {
                    ++missed;
                    continue;
                }
                frames.push_back(trial.frames);
                ms.push_back(trial.ms);
            }
            if (missed) std::fprintf(stderr, "bench_latency: %d trials never showed the output\n", missed);
            const std::string pacing = paced ? "60 Hz frames" : "flat out";
            if (paced)
                bench::row("2 latency", what + ", " + pacing, "frames after the input frame (median / max)",
                           bench::fmt("%.0f", bench::percentile(frames, 0.5)) + " / " +
                               bench::fmt("%.0f", bench::percentile(frames, 1.0)));
            bench::row("2 latency", what + ", " + pacing, "input to output drawn, ms (median / max)",
                       bench::fmt("%.2f", bench::percentile(ms, 0.5)) + " / " +
                           bench::fmt("%.2f", bench::percentile(ms, 1.0)));
        }
    }
    return 0;
}
