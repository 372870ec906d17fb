// Inspecting pixels: wheel over an image to zoom at the cursor, drag to pan,
// read the values under the cursor below it, click a pixel to select it.
// The output is a one-channel float image (how fast brightness changes), shown
// through a colour map chosen under it; input and output share zoom and pan
// (zoom_link), so both are seen at the same spot.
#include <imgr/imgr.h>

#include <cmath>
#include <string>
#include <vector>

// Gradient magnitude of the brightness: raw floats, 0 in flat areas.
imgr::ImageBuffer edges(const imgr::ImageBuffer& image) {
    if (image.empty()) return {};
    const int w = image.width(), h = image.height();
    auto luma = [&](int x, int y) {
        x = std::clamp(x, 0, w - 1);
        y = std::clamp(y, 0, h - 1);
        return (0.299f * image.sample(x, y, 0) + 0.587f * image.sample(x, y, 1) + 0.114f * image.sample(x, y, 2)) / 255;
    };
    std::vector<float> out((size_t)w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float dx = luma(x + 1, y) - luma(x - 1, y), dy = luma(x, y + 1) - luma(x, y - 1);
            out[(size_t)y * w + x] = std::sqrt(dx * dx + dy * dy) * 0.5f;
        }
    return imgr::ImageBuffer(w, h, 1, std::move(out));
}

// What was clicked: the pixel in image coordinates, whatever the zoom, and its values.
std::string describe_pixel(imgr::SelectData at) {
    return std::to_string(at.x) + ", " + std::to_string(at.y) + ": " + at.value.dump();
}

int main(int argc, char** argv) {
    imgr::Blocks demo("Pixel probe");
    imgr::Handle<imgr::ImageBuffer> input, output;
    imgr::Handle<std::string> picked;
    demo.row([&] {
        input = demo.add(imgr::Image("Input").zoom_link("compare"));
        output = demo.add(imgr::Image("Edges").zoom_link("compare").color_map(imgr::ColorMap::Turbo));
    });
    picked = demo.add(imgr::Textbox("Selected pixel"));
    input.change(edges, {input}, output);
    input.select(describe_pixel, {}, picked);
    output.select(describe_pixel, {}, picked);
    return demo.launch(argc, argv);
}
