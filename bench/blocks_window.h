// Draws a Blocks app's view in a window (under Xvfb: llvmpipe) for a fixed
// number of frames and reports the median frame time with rendering finished
// (glFinish), after a warm-up. The image and chat benchmarks share it.
#pragma once
#include "bench_common.h"

#include <imgr/engine/app/blocks.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <glad/gl.h>

#include <functional>
#include <memory>
#include <vector>

namespace bench {

struct WindowOptions {
    int width = 1400, height = 1000;
    int warmup = 20, frames = 150;
    std::function<void(int frame)> before_frame;  // before the engine's poll: set values as handlers would
    std::function<void(int frame)> after_draw;    // inside the frame, after the view drew (scroll, ...)
    // Before the engine's poll too, with the view: a person's pointer aimed at what it drew last.
    std::function<void(int frame, imgr::BlocksView& view)> input;
};

struct WindowResult {
    double median_ms = 0, p99_ms = 0;
    size_t painted_bytes = 0;        // what painted layers sent their textures during the measured frames
    size_t uploads = 0, reuses = 0;  // the texture cache's uploads, and of them refills in place
};

// One frame of a Blocks view in a runner's window: the texture cache is made on
// the first frame (a GL context exists only then) and the runner's fonts are used.
inline void draw_blocks_view(imgr::Runner& runner, imgr::BlocksView& view,
                             std::unique_ptr<imgr::GlTextureCache>& textures) {
    if (!textures) {
        textures = std::make_unique<imgr::GlTextureCache>();
        view.set_textures(textures.get());
    }
    const imgr::FontSet& fonts = runner.fonts();
    view.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
    view.draw();
}

inline WindowResult run_window(imgr::Blocks& demo, const WindowOptions& options) {
    imgr::BlocksView view(demo);
    std::unique_ptr<imgr::GlTextureCache> textures;
    std::vector<double> times;
    Clock::time_point last{};
    WindowResult result;
    imgr::RunnerParams params;
    params.headless = true;
    params.width = options.width;
    params.height = options.height;
    params.continuous = true;
    params.headless_frame_interval = 0;
    params.max_frames = options.warmup + options.frames;
    params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
    params.before_frame = [&](imgr::Runner& runner) {
        if (options.before_frame) options.before_frame(runner.frame_index());
        if (options.input) options.input(runner.frame_index(), view);
        demo.engine().poll();
    };
    params.draw = [&](imgr::Runner& runner) {
        draw_blocks_view(runner, view, textures);
        if (options.after_draw) options.after_draw(runner.frame_index());
    };
    params.after_render = [&](imgr::Runner& runner) {
        glFinish();  // the frame's drawing is done, not only queued
        const auto now = Clock::now();
        if (runner.frame_index() == options.warmup) result.painted_bytes = textures->painted_bytes();
        if (runner.frame_index() > options.warmup) times.push_back(ms_between(last, now));
        last = now;
    };
    params.before_close = [&](imgr::Runner&) {
        result.uploads = textures->upload_count();
        result.reuses = textures->reuse_count();
        result.painted_bytes = textures->painted_bytes() - result.painted_bytes;
        view.set_textures(nullptr);
        textures.reset();
    };
    imgr::Runner runner(params);
    runner.run();
    result.median_ms = percentile(times, 0.5);
    result.p99_ms = percentile(times, 0.99);
    return result;
}

}  // namespace bench
