// The CPU side of the texture cache: box-filtered scaling of images too big
// for the GPU, and a cache asked for a texture without any GL context.
#include <doctest/doctest.h>
#include <imgr/platform/texture_cache.h>

#include <vector>

using imgr::ImageBuffer;

namespace {
std::vector<uint8_t> pixel(const ImageBuffer& image, int x, int y) {
    const uint8_t* p = image.u8() + ((size_t)y * image.width() + x) * 4;
    return {p[0], p[1], p[2], p[3]};
}
}  // namespace

TEST_CASE("an image that fits is returned as it is") {
    const ImageBuffer image(30, 20, 4);
    CHECK(imgr::downscale_to_fit(image, 30).same_pixels(image));
}

TEST_CASE("the longer side becomes the limit and the aspect ratio is kept") {
    const ImageBuffer wide = imgr::downscale_to_fit(ImageBuffer(1000, 250, 4), 100);
    CHECK(wide.width() == 100);
    CHECK(wide.height() == 25);
    const ImageBuffer tall = imgr::downscale_to_fit(ImageBuffer(3, 3001, 1), 1000);
    CHECK(tall.height() == 1000);
    CHECK(tall.width() == 1);
    CHECK(tall.channels() == 4);
    const ImageBuffer sliver = imgr::downscale_to_fit(ImageBuffer(5000, 1, 3), 64);  // never 0 pixels high
    CHECK(sliver.width() == 64);
    CHECK(sliver.height() == 1);
}

TEST_CASE("each target pixel is the average of the block it covers") {
    // 4x2 -> 2x1: the left block is 0,100 / 20,80 (mean 50), the right block all 200.
    std::vector<uint8_t> grey = {0, 100, 200, 200, 20, 80, 200, 200};
    const ImageBuffer image(4, 2, 1, std::move(grey));
    const ImageBuffer small = imgr::downscale_to_fit(image, 2);
    REQUIRE(small.width() == 2);
    REQUIRE(small.height() == 1);
    CHECK(pixel(small, 0, 0) == std::vector<uint8_t>{50, 50, 50, 255});
    CHECK(pixel(small, 1, 0) == std::vector<uint8_t>{200, 200, 200, 255});
}

TEST_CASE("transparent pixels do not bleed their colour into opaque neighbours") {
    // Opaque red beside transparent black: the average is red at half alpha, not dark red.
    const ImageBuffer image(2, 1, 4, std::vector<uint8_t>{255, 0, 0, 255, 0, 0, 0, 0});
    CHECK(pixel(imgr::downscale_to_fit(image, 1), 0, 0) == std::vector<uint8_t>{255, 0, 0, 128});
    // A block with no opacity at all keeps its plain average colour.
    const ImageBuffer clear(2, 1, 4, std::vector<uint8_t>{100, 0, 0, 0, 200, 0, 0, 0});
    CHECK(pixel(imgr::downscale_to_fit(clear, 1), 0, 0) == std::vector<uint8_t>{150, 0, 0, 0});
}

TEST_CASE("float images are clamped while being scaled") {
    const ImageBuffer image(2, 1, 1, std::vector<float>{2.0f, 0.0f});
    CHECK(pixel(imgr::downscale_to_fit(image, 1), 0, 0) == std::vector<uint8_t>{128, 128, 128, 255});
}

TEST_CASE("without a GL context the cache gives no texture and uploads nothing") {
    imgr::GlTextureCache cache;
    const imgr::TextureRef ref = cache.texture_for(ImageBuffer(8, 8, 3));
    CHECK(ref.id == nullptr);
    CHECK(cache.upload_count() == 0);
    CHECK(cache.texture_count() == 0);
    cache.end_frame();
    CHECK(cache.texture_for(ImageBuffer()).id == nullptr);
}
