// AnnotatedImage rendered by OpenGL in a hidden window (Xvfb): the box outline
// lands on the screen pixels the image->screen mapping gives for its edges,
// in its label's colour, and the image inside stays as it was.
#include <doctest/doctest.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/annotated_image_view.h>

#include <cstdlib>
#include <memory>

namespace {

struct Rgb {
    int r, g, b;
};

Rgb pixel(const imgr::ImageBuffer& image, int x, int y) {
    return {image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
}

int distance(Rgb a, Rgb b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

Rgb rgb_of(ImU32 c) { return {(int)(c >> IM_COL32_R_SHIFT) & 255, (int)(c >> IM_COL32_G_SHIFT) & 255, (int)(c >> IM_COL32_B_SHIFT) & 255}; }

// The pixel of column x0-2..x0+2 on row y closest to the colour: an outline is 2 pixels wide around its edge.
int closest_near(const imgr::ImageBuffer& image, float x, float y, Rgb want) {
    int best = 1 << 20;
    for (int dx = -2; dx <= 2; ++dx) best = std::min(best, distance(pixel(image, (int)x + dx, (int)y), want));
    return best;
}

}  // namespace

TEST_CASE("an AnnotatedImage box is drawn in its label's colour on the pixels of its edges") {
    imgr::AnnotatedImageValue value;
    value.image = imgr::ImageBuffer(100, 80, 3, std::vector<uint8_t>(100 * 80 * 3, 128));
    value.boxes = {{20, 20, 70, 60, "car", 1.0}};
    imgr::Blocks demo;
    auto shown = demo.add(imgr::AnnotatedImage("detections").value(value).box_labels(false).show_legend(false));
    imgr::BlocksView view(demo);
    std::unique_ptr<imgr::GlTextureCache> textures;

    imgr::RunnerParams params;
    params.headless = true;
    params.width = 600;
    params.height = 500;
    params.max_frames = 12;
    bool verified = false;
    params.draw = [&](imgr::Runner&) {
        if (!textures) textures = std::make_unique<imgr::GlTextureCache>();
        view.set_textures(textures.get());
        view.draw();
        textures->end_frame();
    };
    params.before_close = [&](imgr::Runner&) { textures.reset(); };
    params.after_render = [&](imgr::Runner& runner) {
        if (runner.frame_index() < 4 || verified) return;
        const imgr::ImageBuffer frame = runner.capture();
        const imgr::AnnotatedImageViewState* s = imgr::annotated_image_state(view.cache(shown.id()));
        REQUIRE(s != nullptr);
        const imgr::ImageToScreen& t = s->transform;
        REQUIRE(t.scale > 1.0f);
        const Rgb box = rgb_of(imgr::annotation_color(0)), grey{128, 128, 128};
        const ImVec2 left = t.to_screen(20, 40), right = t.to_screen(70, 40), top = t.to_screen(45, 20);
        CHECK(closest_near(frame, left.x, left.y, box) <= 6);
        CHECK(closest_near(frame, right.x, right.y, box) <= 6);
        int best_top = 1 << 20;
        for (int dy = -2; dy <= 2; ++dy) best_top = std::min(best_top, distance(pixel(frame, (int)top.x, (int)top.y + dy), box));
        CHECK(best_top <= 6);
        // Inside and outside the box, away from the outline: the image's grey.
        const ImVec2 inside = t.to_screen(45, 40), outside = t.to_screen(10, 40);
        CHECK(distance(pixel(frame, (int)inside.x, (int)inside.y), grey) <= 6);
        CHECK(distance(pixel(frame, (int)outside.x, (int)outside.y), grey) <= 6);
        verified = true;
        runner.request_exit(0);
    };
    imgr::Runner runner(params);
    CHECK(runner.run() == 0);
    CHECK(verified);
}
