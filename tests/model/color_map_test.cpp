// Colour maps and value ranges for one-channel images, and the pixel values
// the probe and select events report.
#include <doctest/doctest.h>
#include <imgr/model/color_map.h>
#include <imgr/model/pixel_values.h>

#include <cmath>
#include <limits>

using namespace imgr;

TEST_CASE("grey maps the range's ends to black and white and clamps beyond them") {
    const ImageBuffer image(4, 1, 1, std::vector<float>{-1.0f, 0.0f, 0.5f, 9.0f});
    const ImageBuffer shown = colorize(image, ColorMap::Grey, {0, 1});
    REQUIRE(shown.channels() == 4);
    CHECK(shown.sample(0, 0, 0) == 0);    // below the range: its low end
    CHECK(shown.sample(1, 0, 0) == 0);
    CHECK(std::abs(shown.sample(2, 0, 0) - 128) <= 1);
    CHECK(shown.sample(3, 0, 0) == 255);  // above: its high end
    CHECK(shown.sample(2, 0, 3) == 255);  // opaque
}

TEST_CASE("viridis runs from dark purple to yellow and turbo from dark blue through green to dark red") {
    const auto v0 = color_map_rgb(ColorMap::Viridis, 0), v1 = color_map_rgb(ColorMap::Viridis, 1);
    CHECK(std::abs(v0[0] - 68) <= 6);
    CHECK(v0[1] <= 8);
    CHECK(std::abs(v0[2] - 84) <= 6);
    CHECK(std::abs(v1[0] - 253) <= 6);
    CHECK(std::abs(v1[1] - 231) <= 6);
    CHECK(std::abs(v1[2] - 37) <= 8);
    const auto t0 = color_map_rgb(ColorMap::Turbo, 0.05), t_mid = color_map_rgb(ColorMap::Turbo, 0.5),
               t1 = color_map_rgb(ColorMap::Turbo, 0.95);
    CHECK(t0[2] > t0[0]);                               // blue end
    CHECK(t_mid[1] > t_mid[0]);                         // green middle
    CHECK(t_mid[1] > t_mid[2]);
    CHECK(t1[0] > t1[1]);                               // red end
    CHECK(t1[0] > t1[2]);
    CHECK(color_map_rgb(ColorMap::Turbo, std::nan("")) == color_map_rgb(ColorMap::Turbo, 0));
}

TEST_CASE("an automatic range spans the finite values of a float image - 8-bit images keep 0..255") {
    const ImageBuffer depth(3, 1, 1, std::vector<float>{2.0f, std::numeric_limits<float>::infinity(), -4.0f});
    CHECK(auto_value_range(depth) == ValueRange{-4, 2});
    const ImageBuffer constant(2, 1, 1, std::vector<float>{3.0f, 3.0f});
    CHECK(auto_value_range(constant) == ValueRange{3, 4});
    CHECK(auto_value_range(ImageBuffer(2, 2, 1)) == ValueRange{0, 255});
    const ImageBuffer shown = colorize(depth, ColorMap::Viridis, auto_value_range(depth));
    const auto low = color_map_rgb(ColorMap::Viridis, 0), high = color_map_rgb(ColorMap::Viridis, 1);
    CHECK(shown.sample(2, 0, 0) == low[0]);
    CHECK(shown.sample(0, 0, 1) == high[1]);
}

TEST_CASE("pixel values are raw: 0..255 for 8-bit, the floats for float images, with channel names") {
    std::vector<uint8_t> rgba{10, 20, 30, 40};
    const ImageBuffer u8(1, 1, 4, rgba);
    CHECK(pixel_values(u8, 0, 0) == Json::parse("[10,20,30,40]"));
    CHECK(pixel_values_text(u8, 0, 0) == "R 10  G 20  B 30  A 40");
    const ImageBuffer f(2, 1, 1, std::vector<float>{0.25f, -1.5f});
    CHECK(pixel_values(f, 1, 0) == Json::parse("[-1.5]"));
    CHECK(pixel_values_text(f, 0, 0) == "L 0.25");
    CHECK(pixel_values(f, 2, 0).is_null());  // outside
    CHECK(pixel_values_text(f, -1, 0).empty());
    CHECK(std::string(channel_name(2, 1)) == "A");
}
