// The image canvas rendered by OpenGL (a hidden window under Xvfb) and read
// back: zoomed pixels are solid nearest-neighbour blocks, transparency shows a
// checkerboard, a one-channel image shows its colour map's colours, and a new
// value of the same size refills the texture it had instead of making another.
#include <doctest/doctest.h>
#include <imgr/model/color_map.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/widgets/image_canvas.h>

#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <vector>

using imgr::ImageBuffer;

namespace {

struct Rgb {
    int r, g, b;
};
Rgb pixel(const ImageBuffer& shot, float x, float y) {
    return {shot.sample((int)x, (int)y, 0), shot.sample((int)x, (int)y, 1), shot.sample((int)x, (int)y, 2)};
}
bool near(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// 4x4 pixels, each a different colour: (x * 60, y * 60, 200), opaque.
ImageBuffer tiles() {
    std::vector<uint8_t> px(4 * 4 * 3);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x) {
            uint8_t* p = &px[(size_t)(y * 4 + x) * 3];
            p[0] = (uint8_t)(x * 60);
            p[1] = (uint8_t)(y * 60);
            p[2] = 200;
        }
    return ImageBuffer(4, 4, 3, std::move(px));
}

// A hidden 200x120 window; draw(frame) draws into a full-window ImGui window
// without padding; check(shot, frame) sees frames from the third on.
void run_frames(imgr::GlTextureCache& cache, int frames, const std::function<void(int)>& draw,
                const std::function<void(const ImageBuffer&, int)>& check) {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 120;
    params.max_frames = frames;
    params.draw = [&](imgr::Runner& runner) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
        ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        draw(runner.frame_index());
        ImGui::End();
        ImGui::PopStyleVar(2);
    };
    params.after_render = [&](imgr::Runner& runner) {
        const int frame = runner.frame_index() - 1;
        if (frame >= 2) check(runner.capture(), frame);
        cache.end_frame();
        if (frame == frames - 1) cache.clear();
    };
    imgr::Runner runner(params);
    REQUIRE(runner.run() == 0);
}

imgr::ImageCanvasResult canvas(imgr::ImageViewport& viewport, imgr::TextureRef texture, const ImageBuffer& image,
                               bool checkerboard = false) {
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    return imgr::image_canvas("##c", viewport, {texture.id, image.width(), image.height(), nullptr, checkerboard},
                              ImVec2(200, 120));
}

}  // namespace

TEST_CASE("zoomed in every image pixel is a solid block of its own colour (nearest-neighbour)") {
    imgr::GlTextureCache cache;
    const ImageBuffer image = tiles();
    imgr::ImageViewport viewport{false, 20.0f, ImVec2(0.5f, 0.5f)};  // 20 screen pixels a pixel
    imgr::ImageTransform shown;
    int checked = 0;
    run_frames(
        cache, 4, [&](int) { shown = canvas(viewport, cache.texture_for(image), image).transform; },
        [&](const ImageBuffer& shot, int) {
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x) {
                    const Rgb expected{x * 60, y * 60, 200};
                    const ImVec2 corner = shown.to_screen(ImVec2((float)x, (float)y));
                    CAPTURE(x);
                    CAPTURE(y);
                    // Two pixels in from each edge of the block: linear filtering would blend there.
                    CHECK(near(pixel(shot, corner.x + 2, corner.y + 2), expected));
                    CHECK(near(pixel(shot, corner.x + 17, corner.y + 17), expected));
                    CHECK(near(pixel(shot, corner.x + 2, corner.y + 17), expected));
                    CHECK(near(pixel(shot, corner.x + 10, corner.y + 10), expected));
                }
            ++checked;
        });
    CHECK(checked == 2);
    CHECK(shown.scale == 20.0f);
}

TEST_CASE("a transparent image shows the checkerboard under it") {
    imgr::GlTextureCache cache;
    const ImageBuffer clear(40, 40, 4);  // zero-filled: fully transparent; 3 screen pixels a pixel: no grid
    imgr::ImageViewport viewport;
    int white = 0, grey = 0, other = 0;
    run_frames(
        cache, 3, [&](int) { canvas(viewport, cache.texture_for(clear), clear, true); },
        [&](const ImageBuffer& shot, int) {
            // The fitted image: 120x120 centred in the 200x120 canvas, x 40..160.
            for (int y = 4; y < 116; y += 3)
                for (int x = 44; x < 156; x += 3) {
                    const Rgb p = pixel(shot, (float)x, (float)y);
                    if (near(p, {255, 255, 255})) ++white;
                    else if (near(p, {204, 204, 204})) ++grey;
                    else ++other;
                }
        });
    CHECK(white > 100);
    CHECK(grey > 100);
    CHECK(other == 0);  // the transparent image adds nothing over the checkerboard
}

TEST_CASE("a float one-channel image shows its colour map's colours from low to high") {
    imgr::GlTextureCache cache;
    const ImageBuffer depth(2, 1, 1, std::vector<float>{-3.0f, 5.0f});
    const ImageBuffer viridis = imgr::colorize(depth, imgr::ColorMap::Viridis, imgr::auto_value_range(depth));
    imgr::ImageViewport viewport;
    imgr::ImageTransform shown;
    bool checked = false;
    run_frames(
        cache, 3, [&](int) { shown = canvas(viewport, cache.texture_for(viridis), viridis).transform; },
        [&](const ImageBuffer& shot, int) {
            const ImVec2 low = shown.to_screen(ImVec2(0.5f, 0.5f)), high = shown.to_screen(ImVec2(1.5f, 0.5f));
            // viridis runs from dark purple to yellow
            const Rgb a = pixel(shot, low.x, low.y), b = pixel(shot, high.x, high.y);
            CHECK(near(a, {68, 1, 84}, 6));
            CHECK(near(b, {253, 231, 37}, 6));
            checked = true;
        });
    CHECK(checked);
}

TEST_CASE("a new value of the same size in a slot refills its texture and shows the new pixels") {
    imgr::GlTextureCache cache;
    ImageBuffer first = tiles();
    ImageBuffer second = tiles();
    second.mutable_u8()[2] = 10;  // a new version of the same size
    const ImageBuffer bigger(8, 8, 3);
    std::vector<ImTextureID> ids;
    imgr::ImageViewport viewport{false, 20.0f, ImVec2(0.5f, 0.5f)};
    imgr::ImageTransform shown;
    run_frames(
        cache, 8,
        [&](int frame) {
            const ImageBuffer& now = frame < 4 ? first : frame < 6 ? second : bigger;
            const imgr::TextureRef ref = cache.texture_for_slot(now, 7);
            ids.push_back(ref.id);
            shown = canvas(viewport, ref, now).transform;
        },
        [&](const ImageBuffer& shot, int frame) {
            if (frame != 5) return;
            const ImVec2 corner = shown.to_screen(ImVec2(0, 0));  // pixel (0, 0): blue 200 -> 10 in `second`
            CHECK(near(pixel(shot, corner.x + 10, corner.y + 10), {0, 0, 10}));
        });
    REQUIRE(ids.size() == 8);
    CHECK(ids[4] == ids[0]);       // same size: same texture name
    CHECK(ids[6] != ids[4]);       // another size: a new texture
    CHECK(cache.reuse_count() == 1);
    CHECK(cache.upload_count() == 3);
}

TEST_CASE("a texture another slot still shows is not refilled for a new value") {
    imgr::GlTextureCache cache;
    const ImageBuffer shared = tiles();
    ImageBuffer changed = tiles();
    changed.mutable_u8()[0] = 99;
    ImTextureID first = nullptr, other_slot = nullptr, after = nullptr;
    run_frames(
        cache, 4,
        [&](int frame) {
            if (frame == 0) {
                first = cache.texture_for_slot(shared, 1).id;
                other_slot = cache.texture_for_slot(shared, 2).id;  // an output showing the input's image
            } else {
                after = cache.texture_for_slot(changed, 1).id;
                CHECK(cache.texture_for_slot(shared, 2).id == first);
            }
        },
        [](const ImageBuffer&, int) {});
    CHECK(other_slot == first);
    CHECK(after != first);
    CHECK(cache.reuse_count() == 0);
}

TEST_CASE("a large image zoomed far out shows each screen pixel as the average of the pixels it covers") {
    // Grey noise: averaged over the 32x32 image pixels under a screen pixel it is an even
    // grey; sampled at a few points (a texture without smaller levels) it stays speckled.
    const int width = 4096, height = 1024;
    std::vector<uint8_t> px((size_t)width * height * 3);
    uint32_t state = 99;
    for (size_t i = 0; i < px.size(); i += 3) {
        state = state * 1664525u + 1013904223u;
        px[i] = px[i + 1] = px[i + 2] = (uint8_t)(state >> 24);
    }
    const ImageBuffer image(width, height, 3, std::move(px));
    imgr::GlTextureCache cache;
    imgr::ImageViewport viewport{false, 1.0f / 32, ImVec2(0.5f, 0.5f)};  // 128x32 on screen
    imgr::ImageTransform shown;
    int checked = 0;
    run_frames(
        cache, 4, [&](int) { shown = canvas(viewport, cache.texture_for(image), image).transform; },
        [&](const ImageBuffer& shot, int) {
            const ImVec2 a = shown.to_screen(ImVec2(0, 0)), b = shown.to_screen(ImVec2((float)width, (float)height));
            double sum = 0, squares = 0;
            int count = 0;
            for (int y = (int)a.y + 2; y < (int)b.y - 2; ++y)
                for (int x = (int)a.x + 2; x < (int)b.x - 2; ++x) {
                    const double v = shot.sample(x, y, 1);
                    sum += v;
                    squares += v * v;
                    ++count;
                }
            REQUIRE(count > 2000);
            const double mean = sum / count, spread = std::sqrt(squares / count - mean * mean);
            CAPTURE(mean);
            CHECK(std::abs(mean - 127.5) < 12);
            CHECK(spread < 12);  // 32x32 averaged: about 2.5; four pixels blended: about 40
            ++checked;
        });
    CHECK(checked == 2);
}
