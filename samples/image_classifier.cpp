// An image "classifier" with flagging options and a JSONLogger. The model is
// a stand-in that says so: it scores brightness and colourfulness from pixel
// statistics, so the demo runs anywhere without weights. `--model v2` is a
// "retrained" model that weighs colour more: replaying what v1's users flagged
// (`--replay flagged`, or the Replay panel) shows which answers it changes.
#include <imgr/imgr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {
double colorful_weight = 1.5;  // v1; v2 trusts colour more
}  // namespace

imgr::LabelValue classify(const imgr::ImageBuffer& image) {
    if (image.empty()) throw imgr::Error("Drop an image on the input first");
    double brightness = 0, saturation = 0;
    const int w = image.width(), h = image.height();
    // Every pixel of small images, a grid of about 256x256 samples of large ones.
    const int step = std::max(1, std::max(w, h) / 256);
    int samples = 0;
    for (int y = 0; y < h; y += step)
        for (int x = 0; x < w; x += step) {
            const double r = image.sample(x, y, 0) / 255.0, g = image.sample(x, y, 1) / 255.0,
                         b = image.sample(x, y, 2) / 255.0;
            const double hi = std::max({r, g, b}), lo = std::min({r, g, b});
            brightness += 0.299 * r + 0.587 * g + 0.114 * b;
            saturation += hi > 0 ? (hi - lo) / hi : 0;
            ++samples;
        }
    brightness /= samples;
    saturation /= samples;
    // Scores, normalised to sum to 1 like a softmax output.
    double bright = brightness, dark = 1 - brightness, colorful = saturation * colorful_weight;
    const double sum = bright + dark + colorful;
    return imgr::LabelValue({{"bright", bright / sum}, {"dark", dark / sum}, {"colorful", colorful / sum}});
}

int main(int argc, char** argv) {
    // `--model v1|v2` is this sample's own option; the rest go to launch().
    std::vector<char*> args;
    std::string model = "v1";
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            model = argv[++i];
            continue;
        }
        args.push_back(argv[i]);
    }
    if (model != "v1" && model != "v2") {
        std::fprintf(stderr, "image_classifier: --model is v1 or v2, not '%s'\n", model.c_str());
        return 2;
    }
    if (model == "v2") colorful_weight = 2.5;
    imgr::Interface demo(classify, {imgr::Image("image")}, {imgr::Label("label")},
                         {.title = "Image classifier (a stand-in model, " + model + ")",
                          .description = "Scores **bright**, **dark** and **colorful** from simple pixel statistics. "
                                         "Flag the images it gets wrong.",
                          .examples = {{"test_card.png"}},  // beside the executable (samples/CMakeLists.txt)
                          .flagging_mode = imgr::FlaggingMode::Manual,
                          .flagging_options = {"wrong", "unsure"},
                          .flagging_callback = std::make_shared<imgr::JSONLogger>(),
                          .show_flagged = true,            // the Flagged panel, and the Replay panel beside it
                          .flagging_note = true,           // why it is wrong, in the `note` key
                          .flagging_corrections = true,    // the right class, in `label (corrected)`
                          // What was flagged in earlier sessions comes back as examples to check again.
                          .examples_from_flagged = "flagged"});
    return demo.launch((int)args.size(), args.data());
}
