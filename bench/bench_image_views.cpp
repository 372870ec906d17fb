// Issue 13's frame costs of image views in a window (under Xvfb, llvmpipe), median
// frame time with rendering finished (glFinish), 150 frames after 20 of warm-up:
//   1. An AnnotatedImage of 1,000 boxes against the same 1024x768 image with none.
//   2. An Image output given a new 1920x1080 image (same size) every frame against
//      the same window whose image does not change: texture refills
//      (glTexSubImage2D), not reallocations; the texture cache's counts are printed.
//   bench_image_views
#include "bench_common.h"
#include "blocks_window.h"

#include <imgr/engine/app/blocks.h>

#include <vector>

namespace {

imgr::ImageBuffer noise(int width, int height, uint32_t seed) {
    std::vector<uint8_t> px((size_t)width * height * 3);
    uint32_t state = seed;
    for (uint8_t& p : px) {
        state = state * 1664525u + 1013904223u;
        p = (uint8_t)(state >> 24);
    }
    return imgr::ImageBuffer(width, height, 3, std::move(px));
}

imgr::AnnotatedImageValue boxes_over(const imgr::ImageBuffer& image, int count) {
    imgr::AnnotatedImageValue value{image, {}, {}};
    uint32_t state = 7;
    auto next = [&] { return (state = state * 1664525u + 1013904223u) >> 8; };
    const char* labels[] = {"cat", "dog", "car", "person", "tree", "sign", "bike", "bus"};
    for (int i = 0; i < count; ++i) {
        const double x = next() % (image.width() - 40), y = next() % (image.height() - 40);
        value.boxes.push_back({x, y, x + 10 + next() % 30, y + 10 + next() % 30, labels[i % 8], (next() % 100) / 100.0});
    }
    return value;
}

}  // namespace

int main() {
    const imgr::ImageBuffer picture = noise(1024, 768, 1);
    bench::WindowResult bare, annotated;
    {
        imgr::Blocks demo("bench");
        demo.add(imgr::AnnotatedImage("boxes").height(40).value(boxes_over(picture, 0)));
        bare = bench::run_window(demo, {});
    }
    {
        imgr::Blocks demo("bench");
        demo.add(imgr::AnnotatedImage("boxes").height(40).box_labels(false).value(boxes_over(picture, 1000)));
        annotated = bench::run_window(demo, {});
    }
    bench::row("13 annotated", "1024x768, no boxes", "median frame ms", bench::fmt("%.2f", bare.median_ms));
    bench::row("13 annotated", "1024x768, 1,000 boxes", "median frame ms", bench::fmt("%.2f", annotated.median_ms));
    bench::row("13 annotated", "1,000 boxes / none", "ratio", bench::fmt("%.2f", annotated.median_ms / bare.median_ms));

    // Sixteen different 1080p images made (and converted for textures, as the engine does off the UI
    // thread) up front, shown in turn: a new output each frame then costs what the window does with it.
    std::vector<imgr::ImageBuffer> images;
    for (uint32_t i = 0; i < 16; ++i) {
        images.push_back(noise(1920, 1080, 10 + i));
        images.back().prepare_rgba8();
    }
    bench::WindowResult still, changing;
    {
        imgr::Blocks demo("bench");
        auto out = demo.add(imgr::Image("output").height(36));
        out.set(images[0]);
        still = bench::run_window(demo, {});
    }
    {
        imgr::Blocks demo("bench");
        auto out = demo.add(imgr::Image("output").height(36));
        out.set(images[0]);
        changing = bench::run_window(demo, {.before_frame = [&](int frame) { out.set(images[(size_t)frame % images.size()]); }});
    }
    bench::row("13 new output", "1920x1080 image, unchanged", "median frame ms", bench::fmt("%.2f", still.median_ms));
    bench::row("13 new output", "1920x1080 image, a new one every frame", "median frame ms",
               bench::fmt("%.2f", changing.median_ms));
    bench::row("13 new output", "new every frame / unchanged", "ratio", bench::fmt("%.2f", changing.median_ms / still.median_ms));
    bench::row("13 new output", "new every frame", "texture uploads / of them refills (glTexSubImage2D)",
               std::to_string(changing.uploads) + " / " + std::to_string(changing.reuses));
    return 0;
}
