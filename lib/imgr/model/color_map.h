// Colour maps for one-channel images (depth, heat maps, logits): a value
// range maps each raw value to 0..1, a colour map turns that into RGB. The
// view shows the colourised image; the raw values stay in the ImageBuffer
// (the probe and every handler read those).
#pragma once
#include "imgr/model/image.h"

#include <array>
#include <cstdint>

namespace imgr {

enum class ColorMap { Grey, Viridis, Turbo };
const char* color_map_name(ColorMap map);  // "grey", "viridis", "turbo"

struct ValueRange {
    double low = 0, high = 1;
    bool operator==(const ValueRange&) const = default;
};

// The colour of t in 0..1 (clamped; NaN is t = 0).
std::array<uint8_t, 3> color_map_rgb(ColorMap map, double t);

// The finite values' smallest and largest (channel 0). U8 images give 0..255
// whatever their pixels, so that grey stays grey; F32 images their data's range
// (0..1 when empty or constant-free of finite values; a constant c gives c..c+1).
ValueRange auto_value_range(const ImageBuffer& one_channel);

// RGBA8 of channel 0 through the range and the map: low -> map(0), high -> map(1),
// alpha 255. Used once per new value (or new map or range), never per frame.
ImageBuffer colorize(const ImageBuffer& one_channel, ColorMap map, ValueRange range);

}  // namespace imgr
