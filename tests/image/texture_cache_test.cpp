// GlTextureCache on a real GL context (a hidden window under Xvfb): images
// are drawn with ImGui::Image and the frame read back shows their pixels;
// uploads happen once per image version; textures too big for the GPU are
// scaled down; unused textures are freed.
#include <doctest/doctest.h>
#include <imgr/platform/runner.h>
#include <imgr/model/brush_stroke.h>
#include <imgr/platform/texture_cache.h>

#include <glad/gl.h>
#include <imgui.h>

#include <cstdlib>
#include <functional>
#include <limits>
#include <vector>

using imgr::ImageBuffer;

namespace {

struct Rgb {
    int r, g, b;
};

Rgb pixel(const imgr::ImageBuffer& image, float x, float y) {
    return {image.sample((int)x, (int)y, 0), image.sample((int)x, (int)y, 1), image.sample((int)x, (int)y, 2)};
}

bool near(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

constexpr Rgb kRed{255, 0, 0}, kGreen{0, 255, 0}, kBlue{0, 0, 255};

// Left half pure red, right half pure green, opaque.
ImageBuffer red_green(int width, int height) {
    std::vector<uint8_t> pixels((size_t)width * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &pixels[((size_t)y * width + x) * 4];
            const bool left = x < width / 2;
            p[0] = left ? 255 : 0;
            p[1] = left ? 0 : 255;
            p[2] = 0;
            p[3] = 255;
        }
    return ImageBuffer(width, height, 4, std::move(pixels));
}

// Where the tests put an image: 100x50 at (40, 30) in a 200x120 window whose
// clear colour is blue, so the image's red and green stand out from it.
constexpr float kLeft = 40, kTop = 30, kWidth = 100, kHeight = 50;

void draw_image(const imgr::TextureRef& ref, ImVec2 at = {kLeft, kTop}, ImVec2 size = {kWidth, kHeight}) {
    REQUIRE(ref.id != nullptr);
    ImGui::SetCursorScreenPos(at);
    ImGui::Image(ref.id, size);
}

// Runs a hidden window for `frames` frames. draw(frame) draws into a
// full-window ImGui window without padding, border or background;
// check(runner, frame) sees each rendered frame. The cache's end_frame runs
// after every frame, and its textures are freed before the context goes.
void run_frames(imgr::GlTextureCache& cache, int frames, const std::function<void(int)>& draw,
                const std::function<void(imgr::Runner&, int)>& check = {}) {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 120;
    params.max_frames = frames;
    params.clear_color[0] = 0, params.clear_color[1] = 0, params.clear_color[2] = 1;
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
        if (check) check(runner, frame);
        cache.end_frame();
        if (frame == frames - 1) cache.clear();
    };
    imgr::Runner runner(params);
    REQUIRE(runner.run() == 0);
}

void check_red_green_at(const imgr::ImageBuffer& image, float left, float top, float width, float height) {
    const float middle = top + height / 2;
    // A few pixels in from each edge: linear filtering blends across the middle line.
    CHECK(near(pixel(image, left + 3, middle), kRed));
    CHECK(near(pixel(image, left + width / 2 - 6, middle), kRed));
    CHECK(near(pixel(image, left + width / 2 + 6, middle), kGreen));
    CHECK(near(pixel(image, left + width - 3, middle), kGreen));
    CHECK(near(pixel(image, left + 3, top + 2), kRed));
    CHECK(near(pixel(image, left + width - 3, top + height - 2), kGreen));
    // Just outside the image: the clear colour.
    CHECK(near(pixel(image, left - 3, middle), kBlue));
    CHECK(near(pixel(image, left + width + 3, middle), kBlue));
    CHECK(near(pixel(image, left + width / 4, top - 3), kBlue));
    CHECK(near(pixel(image, left + width / 4, top + height + 3), kBlue));
}

}  // namespace

TEST_CASE("an image is drawn with its colours exactly where ImGui placed it") {
    imgr::GlTextureCache cache;
    const ImageBuffer image = red_green(64, 32);
    bool checked = false;
    run_frames(
        cache, 4, [&](int) { draw_image(cache.texture_for(image)); },
        [&](imgr::Runner& runner, int frame) {
            if (frame < 2) return;  // ImGui settles in two frames
            imgr::ImageBuffer shot = runner.capture();
            REQUIRE(shot.width() == 200);
            REQUIRE(shot.height() == 120);
            check_red_green_at(shot, kLeft, kTop, kWidth, kHeight);
            checked = true;
        });
    CHECK(checked);
}

TEST_CASE("drawing the same image for many frames uploads it once, also through copies") {
    imgr::GlTextureCache cache;
    const ImageBuffer image = red_green(64, 32);
    std::vector<ImTextureID> ids;
    run_frames(cache, 12, [&](int frame) {
        const ImageBuffer snapshot = image;  // a handler's copy shares pixels: same texture
        const imgr::TextureRef ref = cache.texture_for(frame % 2 ? snapshot : image);
        ids.push_back(ref.id);
        CHECK(ref.width == 64);
        CHECK(ref.height == 32);
        draw_image(ref);
    });
    REQUIRE(ids.size() == 12);
    for (ImTextureID id : ids) CHECK(id == ids.front());
    CHECK(cache.upload_count() == 1);
    CHECK(cache.texture_count() == 0);  // run_frames cleared it
}

TEST_CASE("a new version of an image uploads again and shows its new pixels") {
    imgr::GlTextureCache cache;
    ImageBuffer image = red_green(64, 32);
    size_t uploads_before_change = 0;
    bool checked_before = false, checked_after = false;
    run_frames(
        cache, 10,
        [&](int frame) {
            if (frame == 5) {
                uploads_before_change = cache.upload_count();
                // Paint the left half green too: the whole image turns green.
                uint8_t* pixels = image.mutable_u8();
                for (size_t i = 0; i < image.pixel_count(); ++i) pixels[i * 4] = 0, pixels[i * 4 + 1] = 255;
            }
            draw_image(cache.texture_for(image));
        },
        [&](imgr::Runner& runner, int frame) {
            const imgr::ImageBuffer shot = runner.capture();
            if (frame == 4) {
                CHECK(near(pixel(shot, kLeft + 10, kTop + 25), kRed));
                checked_before = true;
            }
            if (frame >= 6) {
                CHECK(near(pixel(shot, kLeft + 10, kTop + 25), kGreen));
                CHECK(near(pixel(shot, kLeft + 90, kTop + 25), kGreen));
                checked_after = true;
            }
        });
    CHECK(checked_before);
    CHECK(checked_after);
    CHECK(uploads_before_change == 1);
    CHECK(cache.upload_count() == 2);
}

TEST_CASE("grey, RGB and float images are converted: grey stays grey, floats are clamped") {
    imgr::GlTextureCache cache;
    const ImageBuffer grey(8, 8, 1, std::vector<uint8_t>(64, 128));
    std::vector<float> floats;
    for (int i = 0; i < 64; ++i) floats.insert(floats.end(), {7.0f, 0.5f, std::numeric_limits<float>::quiet_NaN()});
    const ImageBuffer float_rgb(8, 8, 3, std::move(floats));
    const ImageBuffer rgb(8, 8, 3, std::vector<uint8_t>(192, 255));
    bool checked = false;
    run_frames(
        cache, 4,
        [&](int) {
            draw_image(cache.texture_for(grey), {10, 10}, {40, 40});
            draw_image(cache.texture_for(float_rgb), {60, 10}, {40, 40});
            draw_image(cache.texture_for(rgb), {110, 10}, {40, 40});
        },
        [&](imgr::Runner& runner, int frame) {
            if (frame < 2) return;
            const imgr::ImageBuffer shot = runner.capture();
            CHECK(near(pixel(shot, 30, 30), {128, 128, 128}));
            CHECK(near(pixel(shot, 80, 30), {255, 128, 0}));  // 7 -> 255, 0.5 -> 128, NaN -> 0
            CHECK(near(pixel(shot, 130, 30), {255, 255, 255}));
            checked = true;
        });
    CHECK(checked);
    CHECK(cache.upload_count() == 3);
}

TEST_CASE("an image wider than GL_MAX_TEXTURE_SIZE gets a texture within the limit, without GL errors") {
    imgr::GlTextureCache cache;
    int gpu_max = 0;
    imgr::TextureRef ref;
    bool checked = false;
    ImageBuffer wide;  // made on the first frame, when the limit can be asked
    run_frames(
        cache, 4,
        [&](int frame) {
            if (frame == 0) {
                glGetIntegerv(GL_MAX_TEXTURE_SIZE, &gpu_max);
                REQUIRE(gpu_max > 0);
                wide = red_green(gpu_max + 1, 2);
                while (glGetError() != GL_NO_ERROR) {
                }
            }
            ref = cache.texture_for(wide);
            if (frame == 0) {
                CHECK(glGetError() == GL_NO_ERROR);
                REQUIRE(ref.id != nullptr);
                CHECK(cache.max_texture_side() == gpu_max);
                CHECK(ref.width <= gpu_max);
                CHECK(ref.width >= gpu_max - 1);
                CHECK(ref.height == 2);
                // What the GPU holds is what the reference says.
                GLint bound = 0, stored_width = 0, stored_height = 0;
                glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
                glBindTexture(GL_TEXTURE_2D, (GLuint)(intptr_t)ref.id);
                glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &stored_width);
                glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &stored_height);
                glBindTexture(GL_TEXTURE_2D, (GLuint)bound);
                CHECK(stored_width == ref.width);
                CHECK(stored_height == ref.height);
            }
            draw_image(ref);
        },
        [&](imgr::Runner& runner, int frame) {
            if (frame < 2) return;
            check_red_green_at(runner.capture(), kLeft, kTop, kWidth, kHeight);
            CHECK(glGetError() == GL_NO_ERROR);
            checked = true;
        });
    CHECK(checked);
    CHECK(cache.upload_count() == 1);
}

TEST_CASE("a smaller max_side option scales textures down and they still show the image") {
    imgr::TextureCacheOptions options;
    options.max_side = 16;
    imgr::GlTextureCache cache(options);
    const ImageBuffer image = red_green(64, 32);
    bool checked = false;
    run_frames(
        cache, 4,
        [&](int) {
            const imgr::TextureRef ref = cache.texture_for(image);
            CHECK(ref.width == 16);
            CHECK(ref.height == 8);
            draw_image(ref);
        },
        [&](imgr::Runner& runner, int frame) {
            if (frame < 2) return;
            check_red_green_at(runner.capture(), kLeft, kTop, kWidth, kHeight);
            checked = true;
        });
    CHECK(checked);
}

TEST_CASE("textures unused for keep_unused_frames frames are freed, and drawing again re-uploads") {
    imgr::TextureCacheOptions options;
    options.keep_unused_frames = 3;
    imgr::GlTextureCache cache(options);
    const ImageBuffer image = red_green(16, 8);
    GLuint first_name = 0;
    std::vector<size_t> counts;
    bool first_deleted = false;
    // Drawn on frame 0, hidden on frames 1..6, drawn again on frame 7.
    run_frames(
        cache, 9,
        [&](int frame) {
            if (frame == 0) first_name = (GLuint)(intptr_t)cache.texture_for(image).id;
            if (frame == 7) draw_image(cache.texture_for(image));
        },
        [&](imgr::Runner&, int frame) {
            counts.push_back(cache.texture_count());
            if (frame == 6) first_deleted = !glIsTexture(first_name);
        });
    // end_frame runs after each check: frame 0 used it, frames 1, 2, 3 did not,
    // so it goes at the end of frame 3 (seen as gone from frame 4 on).
    CHECK(counts == std::vector<size_t>{1, 1, 1, 1, 0, 0, 0, 1, 1});
    CHECK(first_deleted);
    CHECK(cache.upload_count() == 2);
}

TEST_CASE("over the memory budget, the least recently used texture not drawn this frame goes first") {
    const size_t one = 16 * 8 * 4;
    imgr::TextureCacheOptions options;
    options.max_bytes = 2 * one;
    imgr::GlTextureCache cache(options);
    const ImageBuffer a = red_green(16, 8), b = red_green(16, 8), c = red_green(16, 8);
    std::vector<ImTextureID> ids_of_a;
    size_t count_after_frame_2 = 0, count_in_busy_frame = 0;
    run_frames(cache, 5, [&](int frame) {
        if (frame == 0) ids_of_a.push_back(cache.texture_for(a).id);
        if (frame == 1) cache.texture_for(b);
        if (frame == 2) {
            cache.texture_for(c);  // a is the oldest: it makes room
            count_after_frame_2 = cache.texture_count();
            CHECK(cache.texture_bytes() <= options.max_bytes);
        }
        if (frame == 3) {
            // All three in one frame: none may be freed while this frame's draw data uses it.
            for (const ImageBuffer* image : {&a, &b, &c}) draw_image(cache.texture_for(*image), {10, 10}, {8, 8});
            count_in_busy_frame = cache.texture_count();
        }
    });
    CHECK(count_after_frame_2 == 2);
    CHECK(count_in_busy_frame == 3);
    // Frame 3 re-uploads a (evicting b), then b (evicting c), then c (nothing
    // left to evict): a budget smaller than one frame's images thrashes, but
    // never breaks the frame.
    CHECK(cache.upload_count() == 6);
}

TEST_CASE("a cache that outlives its window forgets its textures without touching GL") {
    imgr::GlTextureCache cache;
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 100;
    params.height = 80;
    params.max_frames = 2;
    const ImageBuffer image = red_green(8, 8);
    params.draw = [&](imgr::Runner&) { cache.texture_for(image); };
    imgr::Runner runner(params);
    REQUIRE(runner.run() == 0);
    CHECK(cache.texture_count() == 1);
    cache.clear();  // no context any more: only the bookkeeping goes
    CHECK(cache.texture_count() == 0);
    CHECK(cache.texture_bytes() == 0);
    CHECK(cache.texture_for(image).id == nullptr);
}

TEST_CASE("a painted layer's texture gets only the rectangle said to have changed") {
    imgr::GlTextureCache cache;
    ImageBuffer layer = red_green(64, 32);
    const int key = 0;
    size_t whole_bytes = 0;
    bool checked = false;
    run_frames(
        cache, 8,
        [&](int frame) {
            imgr::PixelRect dirty;
            if (frame == 4) {
                whole_bytes = cache.painted_bytes();
                // Two red blocks turn blue; only the first is reported. The texture must show just that one:
                // proof that nothing but the rectangle went up.
                uint8_t* p = layer.mutable_u8();
                for (int y = 4; y < 12; ++y)
                    for (int x = 0; x < 64; ++x)
                        if (x < 8 || (x >= 16 && x < 24)) p[(y * 64 + x) * 4] = 0, p[(y * 64 + x) * 4 + 2] = 255;
                dirty = {0, 4, 8, 12};
            }
            draw_image(cache.texture_for_painting(&key, layer, dirty));
        },
        [&](imgr::Runner& runner, int frame) {
            if (frame < 6) return;
            const ImageBuffer shot = runner.capture();
            // Layer pixel (x, y) is at screen (40 + x * 100/64, 30 + y * 50/32): its centre.
            auto at = [&](int x, int y) { return pixel(shot, kLeft + (x + 0.5f) * kWidth / 64, kTop + (y + 0.5f) * kHeight / 32); };
            CHECK(near(at(4, 8), kBlue));
            CHECK(near(at(20, 8), kRed));   // changed but not reported: still the old pixels
            CHECK(near(at(4, 20), kRed));
            CHECK(near(at(50, 8), kGreen));
            checked = true;
        });
    CHECK(checked);
    CHECK(whole_bytes == 64 * 32 * 4);
    CHECK(cache.painted_bytes() == whole_bytes + 8 * 8 * 4);
}
