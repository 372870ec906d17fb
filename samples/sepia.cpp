// The seed's Blocks demo: a sepia filter with a strength slider, and a Flag
// button that saves input, strength and output with a CSVLogger.
#include <imgr/imgr.h>

#include <algorithm>

imgr::ImageBuffer sepia(const imgr::ImageBuffer& input, double strength) {
    if (input.empty()) return {};
    // strength * sepia matrix + (1 - strength) * identity
    const double sepia_matrix[3][3] = {{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}};
    double filter[3][3];
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) filter[r][c] = strength * sepia_matrix[r][c] + (1 - strength) * (r == c);

    const int w = input.width(), h = input.height();
    std::vector<float> out((size_t)w * h * 3);
    float brightest = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double rgb[3] = {(double)input.sample(x, y, 0), (double)input.sample(x, y, 1), (double)input.sample(x, y, 2)};
            float* pixel = &out[((size_t)y * w + x) * 3];
            for (int r = 0; r < 3; ++r) {
                pixel[r] = (float)(filter[r][0] * rgb[0] + filter[r][1] * rgb[1] + filter[r][2] * rgb[2]);
                brightest = std::max(brightest, pixel[r]);
            }
        }
    // sepia_img /= sepia_img.max()
    if (brightest > 0)
        for (float& v : out) v /= brightest;
    return imgr::ImageBuffer(w, h, 3, std::move(out));
}

int main(int argc, char** argv) {
    imgr::Blocks demo("Sepia");
    imgr::CSVLogger callback;
    imgr::Handle<imgr::ImageBuffer> img_input, img_output;
    imgr::Handle<double> strength;
    demo.row([&] {
        demo.column([&] {
            img_input = demo.add(imgr::Image("Input image"));
            strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
        });
        img_output = demo.add(imgr::Image("Output image"));
    });
    auto btn = demo.add(imgr::Button("Flag"));

    // This needs to be called at some point prior to the first call to callback.flag()
    callback.setup({img_input, strength, img_output}, "flagged_data_points");
    img_input.change(sepia, {img_input, strength}, img_output);
    strength.change(sepia, {img_input, strength}, img_output);
    // We can choose which components to flag -- in this case, we'll flag all of them
    btn.click([&](const imgr::Values& values) { callback.flag(values); }, {img_input, strength, img_output});
    return demo.launch(argc, argv);
}
