// Panning and zooming a large image in the image canvas (issue 13): frame time
// of the canvas (zoom and pan changing every frame, grid and values drawn when
// zoomed in) against a plain ImGui::Image of the same texture in the same
// window, and against the canvas with a 256x256 image. The texture is uploaded
// once; a frame costs drawing only. Two zoom gestures: from the whole image (fit)
// into single pixels, where both images cover the same screen area, and the same
// absolute zooms (1/8 to 8) for both, where the small image covers far fewer
// screen pixels when zoomed out. Run under Xvfb with -noreset (several windows):
//
//   bench_image_canvas [SIDE]     SIDE: the large image's side (default 4096; 8192 needs ~0.5 GB)
#include "bench_common.h"

#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/widgets/image_canvas.h>

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace {

imgr::ImageBuffer noise(int side) {
    std::vector<uint8_t> px((size_t)side * side * 4);
    uint32_t state = 12345;
    for (size_t i = 0; i < px.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        px[i] = i % 4 == 3 ? 255 : (uint8_t)(state >> 24);  // opaque: the Image view then draws no checkerboard
    }
    return imgr::ImageBuffer(side, side, 4, std::move(px));
}

enum class Mode { FitToPixels, AbsoluteZoom, PlainImage };

// Median frame time (ms, rendering finished) over `frames` frames after a warm-up,
// each case in a window of its own: drawn in turn in one window, a case's frame
// time was seen to depend on which case came before it.
double frame_ms(const imgr::ImageBuffer& image, Mode mode, int frames) {
    imgr::GlTextureCache cache;
    imgr::ImageViewport viewport;
    std::vector<double> times;
    bench::Clock::time_point last{};
    const int warmup = 10;
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 1280;
    params.height = 800;
    params.continuous = true;
    params.headless_frame_interval = 0;
    params.max_frames = warmup + frames;
    params.draw = [&](imgr::Runner& runner) {
        const int frame = runner.frame_index();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
        const imgr::TextureRef texture = cache.texture_for(image);
        const ImVec2 size(1200, 720);
        if (mode == Mode::PlainImage) {
            ImGui::Image(texture.id, size);
        } else {
            // A person zooming in and out at a wandering point, then panning: the view changes every frame.
            const float t = (float)frame * 0.05f;
            const float wave = 0.5f + 0.5f * std::sin(t);
            viewport.fit = false;
            if (mode == Mode::AbsoluteZoom) {
                viewport.zoom = std::pow(2.0f, 6.0f * wave - 3.0f);  // 1/8 .. 8 screen px a pixel
            } else {
                const float fit = std::min(size.x / image.width(), size.y / image.height());
                viewport.zoom = fit * std::pow(8.0f / fit, wave);  // whole image .. 8 screen px a pixel
            }
            viewport.center = ImVec2(0.5f + 0.3f * std::cos(t * 0.7f), 0.5f + 0.3f * std::sin(t * 0.9f));
            imgr::image_canvas("##canvas", viewport, {texture.id, image.width(), image.height(), &image, false}, size);
        }
        ImGui::End();
    };
    params.after_render = [&](imgr::Runner& runner) {
        glFinish();  // the frame's drawing is done, not only queued
        const auto now = bench::Clock::now();
        if (runner.frame_index() > warmup) times.push_back(bench::ms_between(last, now));
        last = now;
    };
    params.before_close = [&](imgr::Runner&) { cache.clear(); };
    imgr::Runner runner(params);
    runner.run();
    return bench::percentile(times, 0.5);
}

// A drifting machine (other work starting or stopping) biases whichever case runs
// later; measured in the order a b b a, each case's figure is the mean of its two.
std::pair<double, double> abba(const imgr::ImageBuffer& a, const imgr::ImageBuffer& b, Mode mode, int frames) {
    const double a1 = frame_ms(a, mode, frames), b1 = frame_ms(b, mode, frames);
    const double b2 = frame_ms(b, mode, frames), a2 = frame_ms(a, mode, frames);
    return {(a1 + a2) / 2, (b1 + b2) / 2};
}

}  // namespace

int main(int argc, char** argv) {
    const int side = argc > 1 ? std::atoi(argv[1]) : 4096;
    const int frames = 200;
    const imgr::ImageBuffer large = noise(side), small = noise(256);
    const double plain = frame_ms(large, Mode::PlainImage, frames);
    const auto [canvas, canvas_small] = abba(large, small, Mode::FitToPixels, frames);
    const auto [absolute, absolute_small] = abba(large, small, Mode::AbsoluteZoom, frames);
    const std::string what = std::to_string(side) + "x" + std::to_string(side);
    bench::row("image canvas", what + " plain ImGui::Image", "median frame ms", std::to_string(plain));
    bench::row("image canvas", what + " canvas, fit..8 px zoom+pan every frame", "median frame ms", std::to_string(canvas));
    bench::row("image canvas", "256x256 canvas, fit..8 px zoom+pan every frame", "median frame ms", std::to_string(canvas_small));
    bench::row("image canvas", what + " canvas, 1/8..8 px zoom+pan every frame", "median frame ms", std::to_string(absolute));
    bench::row("image canvas", "256x256 canvas, 1/8..8 px zoom+pan every frame", "median frame ms", std::to_string(absolute_small));
    bench::row("image canvas", what + " canvas / plain image", "ratio", std::to_string(canvas / plain));
    bench::row("image canvas", what + " / 256x256 canvas, fit..8 px (same screen area)", "ratio", std::to_string(canvas / canvas_small));
    bench::row("image canvas", what + " / 256x256 canvas, 1/8..8 px (small image covers less)", "ratio", std::to_string(absolute / absolute_small));
    return 0;
}
