#include "imgr/model/color_map.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace imgr {

namespace {

uint8_t to_byte(double v) { return (uint8_t)std::lround(std::clamp(v, 0.0, 1.0) * 255.0); }

// Polynomial fits of the published maps (viridis: Matt Zucker's degree-6 fit of
// matplotlib's table; turbo: Google's degree-5 approximation), so no table is copied.
std::array<uint8_t, 3> viridis(double t) {
    static constexpr double c[7][3] = {{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                                       {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                                       {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                                       {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                                       {6.228269936347081, 14.17993336680509, 56.69055260068105},
                                       {4.776384997670288, -13.74514537774601, -65.35303263337234},
                                       {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
    std::array<uint8_t, 3> rgb{};
    for (int k = 0; k < 3; ++k) {
        double v = c[6][k];
        for (int i = 5; i >= 0; --i) v = c[i][k] + t * v;
        rgb[(size_t)k] = to_byte(v);
    }
    return rgb;
}

std::array<uint8_t, 3> turbo(double t) {
    static constexpr double c[3][6] = {{0.13572138, 4.61539260, -42.66032258, 132.13108234, -152.94239396, 59.28637943},
                                       {0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604},
                                       {0.10667330, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973}};
    std::array<uint8_t, 3> rgb{};
    for (int k = 0; k < 3; ++k) {
        double v = c[k][5];
        for (int i = 4; i >= 0; --i) v = c[k][i] + t * v;
        rgb[(size_t)k] = to_byte(v);
    }
    return rgb;
}

double raw_value(const ImageBuffer& image, size_t pixel) {
    const size_t i = pixel * (size_t)image.channels();
    return image.type() == PixelType::U8 ? (double)image.u8()[i] : (double)image.f32()[i];
}

}  // namespace

const char* color_map_name(ColorMap map) {
    switch (map) {
        case ColorMap::Grey: return "grey";
        case ColorMap::Viridis: return "viridis";
        case ColorMap::Turbo: return "turbo";
    }
    return "grey";
}

std::array<uint8_t, 3> color_map_rgb(ColorMap map, double t) {
    t = std::isnan(t) ? 0.0 : std::clamp(t, 0.0, 1.0);
    switch (map) {
        case ColorMap::Grey: {
            const uint8_t v = to_byte(t);
            return {v, v, v};
        }
        case ColorMap::Viridis: return viridis(t);
        case ColorMap::Turbo: return turbo(t);
    }
    return {0, 0, 0};
}

ValueRange auto_value_range(const ImageBuffer& image) {
    if (image.empty() || image.type() == PixelType::U8) return {0, 255};
    double low = std::numeric_limits<double>::infinity(), high = -low;
    const float* f = image.f32();
    const size_t n = image.pixel_count(), step = (size_t)image.channels();
    for (size_t i = 0; i < n; ++i) {
        const double v = f[i * step];
        if (!std::isfinite(v)) continue;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (!(low <= high)) return {0, 1};
    if (high == low) high = low + 1;  // a constant image shows as map(0), not a division by zero
    return {low, high};
}

ImageBuffer colorize(const ImageBuffer& image, ColorMap map, ValueRange range) {
    if (image.empty()) return {};
    // A 256-entry table: mapping a value is a lookup, so 64 M pixels stay well under a second.
    std::array<std::array<uint8_t, 3>, 256> table;
    for (int i = 0; i < 256; ++i) table[(size_t)i] = color_map_rgb(map, i / 255.0);
    const double span = range.high - range.low;
    const double scale = span != 0 ? 255.0 / span : 0.0;
    const size_t n = image.pixel_count();
    std::vector<uint8_t> out(n * 4);
    for (size_t p = 0; p < n; ++p) {
        const double v = raw_value(image, p);
        const double index = std::isnan(v) ? 0.0 : std::clamp((v - range.low) * scale, 0.0, 255.0);
        const auto& rgb = table[(size_t)std::lround(index)];
        uint8_t* o = &out[p * 4];
        o[0] = rgb[0];
        o[1] = rgb[1];
        o[2] = rgb[2];
        o[3] = 255;
    }
    return ImageBuffer(image.width(), image.height(), 4, std::move(out));
}

}  // namespace imgr
