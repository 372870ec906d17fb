// ImageBuffer: copies share pixels until one side writes, and version()
// tells a texture cache exactly when the pixels may have changed.
#include <doctest/doctest.h>
#include <imgr/model/image.h>

#include <stdexcept>
#include <vector>

using imgr::ImageBuffer;
using imgr::PixelType;

TEST_CASE("a copy shares the pixels and the version") {
    const ImageBuffer original(4, 3, 3, std::vector<uint8_t>(36, 7));
    const ImageBuffer copy = original;
    CHECK(copy.same_pixels(original));
    CHECK(copy.u8() == original.u8());
    CHECK(copy.version() == original.version());
    CHECK(copy == original);
}

TEST_CASE("writing to a shared copy copies first: the original keeps its pixels and version") {
    const ImageBuffer original(4, 3, 3, std::vector<uint8_t>(36, 7));
    const uint64_t original_version = original.version();
    ImageBuffer copy = original;
    uint8_t* pixels = copy.mutable_u8();
    pixels[0] = 200;
    CHECK(pixels != original.u8());
    CHECK_FALSE(copy.same_pixels(original));
    CHECK(copy.version() != original_version);
    CHECK(original.version() == original_version);
    CHECK(original.u8()[0] == 7);
    CHECK(copy.u8()[0] == 200);
    CHECK_FALSE(copy == original);
}

TEST_CASE("writing to an unshared image works in place but still bumps the version") {
    ImageBuffer image(2, 2, 1, PixelType::F32);
    const float* before = image.f32();
    const uint64_t version = image.version();
    image.mutable_f32()[3] = 0.25f;
    CHECK(image.f32() == before);
    CHECK(image.version() != version);
    CHECK(image.f32()[3] == 0.25f);
}

TEST_CASE("every new image has its own version, and no image has version 0") {
    const ImageBuffer a(1, 1, 1), b(1, 1, 1);
    CHECK(a.version() != 0);
    CHECK(a.version() != b.version());
    CHECK(ImageBuffer().version() == 0);
    CHECK(ImageBuffer().empty());
}

TEST_CASE("to_rgba8 repeats grey in r, g and b, adds opaque alpha, and shares RGBA8 pixels as they are") {
    const ImageBuffer grey(2, 1, 1, std::vector<uint8_t>{10, 250});
    const ImageBuffer rgba = grey.to_rgba8();
    REQUIRE(rgba.channels() == 4);
    CHECK(std::vector<uint8_t>(rgba.u8(), rgba.u8() + 8) == std::vector<uint8_t>{10, 10, 10, 255, 250, 250, 250, 255});

    const ImageBuffer rgb(1, 1, 3, std::vector<uint8_t>{1, 2, 3});
    const ImageBuffer from_rgb = rgb.to_rgba8();
    CHECK(std::vector<uint8_t>(from_rgb.u8(), from_rgb.u8() + 4) == std::vector<uint8_t>{1, 2, 3, 255});

    const ImageBuffer already(1, 1, 4, std::vector<uint8_t>{1, 2, 3, 4});
    CHECK(already.to_rgba8().same_pixels(already));
}

TEST_CASE("the pixel count must match the shape, and only 1, 3 or 4 channels exist") {
    CHECK_THROWS_AS(ImageBuffer(2, 2, 3, std::vector<uint8_t>(11)), std::invalid_argument);
    CHECK_THROWS_AS(ImageBuffer(2, 2, 2, std::vector<uint8_t>(8)), std::invalid_argument);
    CHECK_THROWS_AS(ImageBuffer(-1, 2, 1, std::vector<float>()), std::invalid_argument);
}
