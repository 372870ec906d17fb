// A Blocks app for replay's process tests: an image filter with a strength
// and a caption that becomes a Label, flagged by a button. `--model v2` makes
// both results differ (a new model), `--no-replay-with` leaves out
// demo.replay_with (an app that never said what its rows replay).
#include <imgr/imgr.h>

#include <cstring>
#include <vector>

namespace {
bool g_v2 = false;

imgr::ImageBuffer darken(const imgr::ImageBuffer& image, double strength) {
    if (image.empty()) return {};
    const imgr::ImageBuffer rgb = image.to_rgba8();
    imgr::ImageBuffer out(rgb.width(), rgb.height(), 3);
    const double keep = 1.0 - strength * (g_v2 ? 0.9 : 0.5);
    for (size_t i = 0; i < rgb.pixel_count(); ++i)
        for (int c = 0; c < 3; ++c) out.mutable_u8()[i * 3 + c] = (uint8_t)(rgb.u8()[i * 4 + c] * keep);
    return out;
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> args;
    bool replay_with = true;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            g_v2 = std::strcmp(argv[++i], "v2") == 0;
        } else if (std::strcmp(argv[i], "--no-replay-with") == 0) {
            replay_with = false;
        } else {
            args.push_back(argv[i]);
        }
    }
    imgr::Blocks demo("Replay test");
    imgr::CSVLogger callback;
    auto input = demo.add(imgr::Image("Input image"));
    auto strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
    auto output = demo.add(imgr::Image("Output image"));
    auto flag = demo.add(imgr::Button("Flag"));
    callback.setup({input, strength, output}, "flagged_replay_test");
    auto run = strength.change(darken, {input, strength}, output);
    input.change(darken, {input, strength}, output);
    demo.flag_button(flag, callback, {input, strength, output});
    if (replay_with) demo.replay_with(run, {input, strength, output});
    return demo.launch((int)args.size(), args.data());
}
