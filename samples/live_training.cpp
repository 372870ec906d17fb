// Live training: a small perceptron (samples/mlp.h, plain C++) learns two
// interleaved spirals while you watch. Train streams the loss curve and the
// decision boundary with co_yield; Stop ends the run at its next yield and
// leaves what it showed; Flag saves the run's settings, its last loss and the
// boundary as PNG. The sliders stay live while it trains (they set the next run).
#include <imgr/imgr.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

#include "mlp.h"

namespace {

constexpr int kPointsPerClass = 100;
constexpr int kImageSize = 128;
constexpr int kStepsPerUpdate = 20;  // the window shows the model every 20 steps
constexpr int kWarmupSteps = 200;    // the learning rate ramps up over the first steps
constexpr double kExtent = 1.2;      // the image spans [-1.2, 1.2]^2

struct Rgb {
    double r, g, b;
};
constexpr Rgb kBlue{59, 130, 246}, kOrange{249, 115, 22}, kWhite{255, 255, 255};
Rgb mix(Rgb a, Rgb b, double t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

// The plane coloured by the model's belief (pale blue to pale orange), with the points on top.
imgr::ImageBuffer draw_boundary(const mlp::Network& net, const std::vector<mlp::Point>& data) {
    imgr::ImageBuffer image(kImageSize, kImageSize, 3);
    uint8_t* pixels = image.mutable_u8();
    auto put = [&](int x, int y, Rgb c) {
        if (x < 0 || y < 0 || x >= kImageSize || y >= kImageSize) return;
        uint8_t* p = pixels + ((size_t)y * kImageSize + (size_t)x) * 3;
        p[0] = (uint8_t)c.r, p[1] = (uint8_t)c.g, p[2] = (uint8_t)c.b;
    };
    auto to_plane = [](int pixel) { return ((pixel + 0.5) / kImageSize * 2 - 1) * kExtent; };
    for (int y = 0; y < kImageSize; ++y)
        for (int x = 0; x < kImageSize; ++x)
            put(x, y, mix(mix(kBlue, kOrange, net.predict(to_plane(x), -to_plane(y))), kWhite, 0.55));
    for (const mlp::Point& point : data) {
        const int px = (int)std::lround((point.x / kExtent + 1) / 2 * kImageSize - 0.5);
        const int py = (int)std::lround((-point.y / kExtent + 1) / 2 * kImageSize - 0.5);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) put(px + dx, py + dy, point.label ? kOrange : kBlue);
    }
    return image;
}

double four_digits(double x) {
    if (x == 0 || !std::isfinite(x)) return x;
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(std::abs(x))));
    return std::round(x * scale) / scale;
}

// What each update shows: the loss curve so far, the boundary, the step, the loss and the phase.
using Shown = std::tuple<imgr::PlotValue, imgr::ImageBuffer, double, double, std::string>;

// Yields the whole curve each time (not only the new point): a value the
// window skips when updates come faster than frames loses nothing, since the
// next one holds every point.
imgr::Stream<Shown> train(double learning_rate, int hidden_units, double noise, int steps) {
    const std::vector<mlp::Point> data = mlp::two_spirals(kPointsPerClass, noise, 7);
    mlp::Network net(hidden_units, 1);
    imgr::PlotValue curve{"Training loss", "step", "loss", {{"loss", {}, {}}}};
    for (int step = 1; step <= steps; ++step) {
        const double warmup = std::min(1.0, (double)step / kWarmupSteps);
        const double loss = net.train_step(data, learning_rate * warmup);
        if (step % kStepsPerUpdate != 0 && step != steps) continue;
        curve.series[0].x.push_back(step);
        curve.series[0].y.push_back(loss);
        const std::string phase = step == steps ? "done" : step < kWarmupSteps ? "warm-up" : "training";
        co_yield {curve, draw_boundary(net, data), (double)step, four_digits(loss), phase};
    }
}

}  // namespace

int main(int argc, char** argv) {
    imgr::Blocks demo("Live training");
    imgr::CSVLogger callback;
    imgr::Handle<double> learning_rate, hidden_units, noise, steps, step, loss;
    imgr::Handle<std::string> train_btn, stop_btn, flag_btn, phase;
    imgr::Handle<imgr::ImageBuffer> boundary;
    imgr::Handle<imgr::PlotValue> curve;
    demo.add(imgr::Markdown("# Live training\nA two-layer perceptron learns two spirals. **Train** streams the "
                            "loss curve and the decision boundary; **Stop** keeps what is shown."));
    demo.row([&] {
        demo.column([&] {
            learning_rate = demo.add(imgr::Slider("Learning rate", 0.001, 0.05, 0.005).step(0.001));
            hidden_units = demo.add(imgr::Slider("Hidden units", 2, 64, 16).step(1));
            noise = demo.add(imgr::Slider("Noise", 0, 0.3, 0.05).step(0.01));
            steps = demo.add(imgr::Slider("Steps", 200, 5000, 3000).step(100));
            demo.row([&] {
                train_btn = demo.add(imgr::Button("Train").primary());
                stop_btn = demo.add(imgr::Button("Stop").stop());
            });
            // Outputs are read, not edited (the flag reads them too, which alone would make them editable).
            phase = demo.add(imgr::Textbox("Phase").interactive(false));
            demo.row([&] {
                step = demo.add(imgr::Number("Step").interactive(false));
                loss = demo.add(imgr::Number("Loss").interactive(false));
            });
            flag_btn = demo.add(imgr::Button("Flag"));
        });
        demo.column([&] {
            boundary = demo.add(imgr::Image("Decision boundary").interactive(false));
            curve = demo.add(imgr::Plot("Loss curve"));
        });
    });

    auto run = train_btn.click(train, {learning_rate, hidden_units, noise, steps}, {curve, boundary, step, loss, phase});
    stop_btn.click(nullptr, {}, {}, {.cancels = {run}});
    // A flagged run: its settings, how far it got, its loss and the boundary as PNG.
    callback.setup({learning_rate, hidden_units, noise, steps, step, loss, boundary}, "flagged_runs");
    demo.flag_button(flag_btn, callback, {learning_rate, hidden_units, noise, steps, step, loss, boundary});
    return demo.launch(argc, argv);
}
