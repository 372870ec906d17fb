// Issue 13's frame costs of image views in a window (under Xvfb, llvmpipe), median
// frame time with rendering finished (glFinish), 150 frames after 20 of warm-up:
//   1. An AnnotatedImage of 1,000 boxes against the same 1024x768 image with none.
//   2. An Image output given a new 1920x1080 image (same size) every frame against
//      the same window whose image does not change: texture refills
//      (glTexSubImage2D), not reallocations; the texture cache's counts are printed.
//   bench_image_views
#include "bench_common.h"

#include <imgr/engine/blocks.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <glad/gl.h>

#include <functional>
#include <memory>
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

struct Result {
    double median_ms = 0;
    size_t uploads = 0, reuses = 0;
};

// Draws `demo` in a 1400x1000 window; `each_frame` runs before every frame (the engine applies its updates).
Result run(imgr::Blocks& demo, const std::function<void(int)>& each_frame) {
    imgr::BlocksView view(demo);
    std::unique_ptr<imgr::GlTextureCache> textures;
    std::vector<double> times;
    bench::Clock::time_point last{};
    const int warmup = 20, frames = 150;
    Result result;
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 1400;
    params.height = 1000;
    params.continuous = true;
    params.headless_frame_interval = 0;
    params.max_frames = warmup + frames;
    params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
    params.before_frame = [&](imgr::Runner& runner) {
        each_frame(runner.frame_index());
        demo.engine().poll();
    };
    params.draw = [&](imgr::Runner& runner) {
        if (!textures) {
            textures = std::make_unique<imgr::GlTextureCache>();
            view.set_textures(textures.get());
        }
        const imgr::FontSet& fonts = runner.fonts();
        view.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
        view.draw();
    };
    params.after_render = [&](imgr::Runner& runner) {
        glFinish();
        const auto now = bench::Clock::now();
        if (runner.frame_index() > warmup) times.push_back(bench::ms_between(last, now));
        last = now;
    };
    params.before_close = [&](imgr::Runner&) {
        result.uploads = textures->upload_count();
        result.reuses = textures->reuse_count();
        view.set_textures(nullptr);
        textures.reset();
    };
    imgr::Runner runner(params);
    runner.run();
    result.median_ms = bench::percentile(times, 0.5);
    return result;
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
    Result bare, annotated;
    {
        imgr::Blocks demo("bench");
        demo.add(imgr::AnnotatedImage("boxes").height(40).value(boxes_over(picture, 0)));
        bare = run(demo, [](int) {});
    }
    {
        imgr::Blocks demo("bench");
        demo.add(imgr::AnnotatedImage("boxes").height(40).box_labels(false).value(boxes_over(picture, 1000)));
        annotated = run(demo, [](int) {});
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
    Result still, changing;
    {
        imgr::Blocks demo("bench");
        auto out = demo.add(imgr::Image("output").height(36));
        out.set(images[0]);
        still = run(demo, [](int) {});
    }
    {
        imgr::Blocks demo("bench");
        auto out = demo.add(imgr::Image("output").height(36));
        out.set(images[0]);
        changing = run(demo, [&](int frame) { out.set(images[(size_t)frame % images.size()]); });
    }
    bench::row("13 new output", "1920x1080 image, unchanged", "median frame ms", bench::fmt("%.2f", still.median_ms));
    bench::row("13 new output", "1920x1080 image, a new one every frame", "median frame ms",
               bench::fmt("%.2f", changing.median_ms));
    bench::row("13 new output", "new every frame / unchanged", "ratio", bench::fmt("%.2f", changing.median_ms / still.median_ms));
    bench::row("13 new output", "new every frame", "texture uploads / of them refills (glTexSubImage2D)",
               std::to_string(changing.uploads) + " / " + std::to_string(changing.reuses));
    return 0;
}
