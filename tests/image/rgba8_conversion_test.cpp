// The fast RGBA8 conversion gives the same bytes as the per-channel sample()
// definition it replaced, on every pixel layout and on hostile float values,
// and the RGBA8 form kept with an image follows its pixels.
#include <doctest/doctest.h>
#include <imgr/model/image.h>
#include <imgr/model/rgba8_conversion.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <thread>
#include <vector>

using imgr::ImageBuffer;
using imgr::PixelType;

namespace {

// The definition to_rgba8 had before it was vectorised, kept here as the reference.
uint8_t reference_to_u8(float v) {
    if (!(v > 0.0f)) return 0;  // NaN too
    if (v >= 1.0f) return 255;
    return (uint8_t)std::lround(v * 255.0f);
}

std::vector<uint8_t> reference_rgba8(const ImageBuffer& image) {
    const int n = image.channels();
    std::vector<uint8_t> out(image.pixel_count() * 4);
    for (size_t i = 0; i < image.pixel_count(); ++i)
        for (int c = 0; c < 4; ++c) {
            uint8_t v = 255;
            if (c < 3 || n == 4) {
                const size_t at = i * n + (n == 1 ? 0 : c);
                v = image.type() == PixelType::U8 ? image.u8()[at] : reference_to_u8(image.f32()[at]);
            }
            out[i * 4 + c] = v;
        }
    return out;
}

std::vector<uint8_t> bytes_of(const ImageBuffer& rgba) {
    REQUIRE(rgba.channels() == 4);
    REQUIRE(rgba.type() == PixelType::U8);
    return std::vector<uint8_t>(rgba.u8(), rgba.u8() + rgba.pixel_count() * 4);
}

// Floats that a handler may well return: out of range, NaN, infinities,
// denormals, and values a hair either side of every rounding boundary.
std::vector<float> hostile_floats() {
    std::vector<float> values = {0.0f, -0.0f, 1.0f, 0.5f, -1.0f, 2.0f, 1e30f, -1e30f,
                                 std::numeric_limits<float>::quiet_NaN(), -std::numeric_limits<float>::quiet_NaN(),
                                 std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                                 std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(),
                                 std::nextafter(1.0f, 0.0f), std::nextafter(0.0f, 1.0f)};
    for (int k = 0; k < 256; ++k) {
        float boundary = (k + 0.5f) / 255.0f;
        for (int step = 0; step < 64; ++step) boundary = std::nextafter(boundary, 0.0f);
        for (int step = 0; step < 128; ++step, boundary = std::nextafter(boundary, 2.0f)) values.push_back(boundary);
    }
    std::mt19937 random(7);
    for (int i = 0; i < 200000; ++i) {
        const uint32_t bits = random();
        float v;
        std::memcpy(&v, &bits, sizeof v);  // any bit pattern, NaN payloads included
        values.push_back(v);
        values.push_back(std::uniform_real_distribution<float>(-0.1f, 1.1f)(random));
    }
    return values;
}

}  // namespace

TEST_CASE("float_to_u8 rounds exactly as lround, and clamps NaN, infinities and out-of-range values") {
    for (float v : hostile_floats()) {
        CAPTURE(v);
        REQUIRE(imgr::float_to_u8(v) == reference_to_u8(v));
    }
}

TEST_CASE("to_rgba8 gives the same bytes as the per-channel definition, for every pixel type and channel count") {
    const std::vector<float> floats = hostile_floats();
    // 1500 pixels a row: more than one conversion block, and a partial last one.
    const int width = 1500, height = 3;
    for (int channels : {1, 3, 4}) {
        CAPTURE(channels);
        const size_t count = (size_t)width * height * channels;
        std::vector<float> f(count);
        std::vector<uint8_t> u(count);
        for (size_t i = 0; i < count; ++i) {
            f[i] = floats[(i * 7919) % floats.size()];
            u[i] = (uint8_t)(i * 31 + i / 7);
        }
        const ImageBuffer float_image(width, height, channels, f);
        const ImageBuffer byte_image(width, height, channels, u);
        CHECK(bytes_of(float_image.to_rgba8()) == reference_rgba8(float_image));
        CHECK(bytes_of(byte_image.to_rgba8()) == reference_rgba8(byte_image));
    }
}

TEST_CASE("to_rgba8 converts once: later calls and copies share the result, which keeps the copy's source") {
    ImageBuffer image(3, 2, 3, std::vector<float>(18, 0.25f));
    image.source = "out.png";
    CHECK_FALSE(image.rgba8_ready());
    const ImageBuffer first = image.to_rgba8();
    CHECK(image.rgba8_ready());
    const ImageBuffer copy = image;
    CHECK(copy.rgba8_ready());
    CHECK(copy.to_rgba8().same_pixels(first));
    CHECK(first.source == "out.png");
    CHECK(ImageBuffer(1, 1, 4).rgba8_ready());  // already RGBA8
}

TEST_CASE("prepare_rgba8 converts ahead, so that to_rgba8 later finds it") {
    const ImageBuffer image(2, 2, 1, std::vector<uint8_t>{0, 1, 2, 3});
    image.prepare_rgba8();
    CHECK(image.rgba8_ready());
    CHECK(bytes_of(image.to_rgba8()) == reference_rgba8(image));
}

TEST_CASE("writing pixels drops the kept RGBA8 form, whether the storage was shared or not") {
    ImageBuffer alone(1, 1, 3, std::vector<float>{0, 0, 0});
    (void)alone.to_rgba8();
    alone.mutable_f32()[0] = 1.0f;  // in place: the only holder
    CHECK_FALSE(alone.rgba8_ready());
    CHECK(alone.to_rgba8().u8()[0] == 255);

    const ImageBuffer original(1, 1, 3, std::vector<uint8_t>{10, 20, 30});
    const ImageBuffer original_rgba = original.to_rgba8();
    ImageBuffer changed = original;
    changed.mutable_u8()[0] = 99;  // copied first
    CHECK(changed.to_rgba8().u8()[0] == 99);
    CHECK(original.to_rgba8().u8()[0] == 10);
    CHECK(original.to_rgba8().same_pixels(original_rgba));
}

TEST_CASE("writing to a to_rgba8 result copies it: the kept form stays as it was") {
    const ImageBuffer image(1, 1, 1, std::vector<uint8_t>{40});
    ImageBuffer rgba = image.to_rgba8();
    rgba.mutable_u8()[0] = 200;
    CHECK(image.to_rgba8().u8()[0] == 40);
}

TEST_CASE("threads asking for the RGBA8 form at once all get the one result") {
    const ImageBuffer image(256, 256, 3, std::vector<float>(256 * 256 * 3, 0.5f));
    std::vector<ImageBuffer> results(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i) threads.emplace_back([&, i] { results[i] = image.to_rgba8(); });
    for (std::thread& t : threads) t.join();
    for (const ImageBuffer& r : results) CHECK(r.same_pixels(results[0]));
    CHECK(bytes_of(results[0]) == reference_rgba8(image));
}
