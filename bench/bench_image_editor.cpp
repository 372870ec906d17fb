// Painting on a large image (issue 23): an ImageEditor on a 4096x4096 picture in
// a window (under Xvfb: llvmpipe), the pointer sweeping across the canvas every
// frame, once only hovering (the brush preview) and once painting with the left
// button held; at fit and at 4x zoom. Figures: p99 frame time of each, painting
// against hovering (goal <= 1.2x), the bytes the layer's texture got per stroke
// frame (the rectangles painted: glTexSubImage2D), and the memory the undo
// history keeps for 50 strokes across the picture.
//
//   bench_image_editor [SIDE]     SIDE: the picture's side (default 4096)
#include "blocks_window.h"

#include <imgr/model/edit_history.h>
#include <imgr/view/components/image_editor_view.h>

#include <cmath>
#include <cstdlib>
#include <string>

namespace {

imgr::ImageBuffer noise(int side) {
    std::vector<uint8_t> px((size_t)side * side * 3);
    uint32_t state = 12345;
    for (uint8_t& p : px) {
        state = state * 1664525u + 1013904223u;
        p = (uint8_t)(state >> 24);
    }
    return imgr::ImageBuffer(side, side, 3, std::move(px));
}

// `zoom` 0: fitted; else screen pixels per image pixel, centred.
bench::WindowResult sweep(const imgr::ImageBuffer& picture, float zoom, bool paint, int frames) {
    imgr::Blocks demo;
    auto editor = demo.add(imgr::ImageEditor("picture").brush_size(24).height(40).background(picture));
    bench::WindowOptions options{.width = 1280, .height = 900, .frames = frames};
    options.input = [&](int frame, imgr::BlocksView& view) {
        if (frame < 3) return;  // the view has drawn (and recorded its targets) by then
        const auto& target = view.targets().component(editor.id());
        if (!target.image) return;
        if (frame == 3 && zoom > 0)  // zoomed in once, as a person's wheel would leave it
            imgr::image_editor_state(view.cache(editor.id()))->own = {false, zoom, ImVec2(0.5f, 0.5f)};
        // Back and forth across the visible canvas, a few screen pixels a frame.
        const imgr::ImageTransform& t = *target.image;
        const float w = t.clip_max.x - t.clip_min.x, h = t.clip_max.y - t.clip_min.y, phase = (float)frame * 0.02f;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(t.clip_min.x + w * (0.5f + 0.4f * std::sin(phase)), t.clip_min.y + h * (0.5f + 0.3f * std::sin(phase * 1.7f)));
        io.MouseDown[0] = paint && frame > options.warmup / 2;
    };
    return bench::run_window(demo, options);
}

}  // namespace

int main(int argc, char** argv) {
    const int side = argc > 1 ? std::atoi(argv[1]) : 4096;
    const int frames = 200;
    const imgr::ImageBuffer picture = noise(side);
    const std::string what = std::to_string(side) + "x" + std::to_string(side);
    for (float zoom : {0.0f, 4.0f}) {
        const std::string at = zoom > 0 ? " at 4x" : " at fit";
        const bench::WindowResult hover = sweep(picture, zoom, false, frames);
        const bench::WindowResult paint = sweep(picture, zoom, true, frames);
        bench::row("image editor", what + at + ", pointer moving", "p99 frame ms", bench::fmt("%.2f", hover.p99_ms));
        bench::row("image editor", what + at + ", painting", "p99 frame ms", bench::fmt("%.2f", paint.p99_ms));
        bench::row("image editor", what + at + ", painting / moving", "p99 ratio", bench::fmt("%.2f", paint.p99_ms / hover.p99_ms));
        bench::row("image editor", what + at + ", painting / moving", "median ratio", bench::fmt("%.2f", paint.median_ms / hover.median_ms));
        bench::row("image editor", what + at + ", painting", "texture bytes a frame", bench::fmt("%.0f", (double)paint.painted_bytes / frames));
    }
    // The undo history of 50 strokes, each a diagonal across the whole picture with a 24-pixel brush,
    // each in a colour of its own (a stroke that changes nothing is no step).
    imgr::EditHistory history;
    std::vector<imgr::ImageBuffer> layers{imgr::ImageBuffer(side, side, 4)};
    for (int i = 0; i < 50; ++i) {
        history.begin(layers[0], 0);
        const float y = (float)side * (i % 10) / 10.0f;
        const imgr::PixelRect r = imgr::paint_segment(layers[0], 0, y, (float)side, (float)side - y, {.size = 24, .rgba = ((uint32_t)(i * 5 + 1) << 24) | 0xff});
        history.commit(layers[0], r);
    }
    bench::row("image editor", "50 strokes across " + what + " (24 px brush)", "undo steps kept",
               std::to_string(history.steps()));
    bench::row("image editor", "50 strokes across " + what + " (24 px brush)", "undo memory MiB",
               bench::fmt("%.1f", (double)history.bytes() / (1 << 20)));
    return 0;
}
