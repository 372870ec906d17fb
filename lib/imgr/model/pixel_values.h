// One pixel's raw values, for the probe under an image and for select events:
// 0..255 for 8-bit images, the stored floats for float images, each with its
// channel's name.
#pragma once
#include "imgr/model/value.h"

#include <string>

namespace imgr {

// "L" for one channel; "L", "A" for two; "R", "G", "B" (and "A") for three and four.
const char* channel_name(int channels, int channel);

// The raw values of pixel (x, y) as a JSON array of numbers; null outside the image.
Json pixel_values(const ImageBuffer& image, int x, int y);

// "R 200  G 30  B 40" (8-bit) or "L 0.5213" (float, 4 significant digits); "" outside.
std::string pixel_values_text(const ImageBuffer& image, int x, int y);

// One channel's value as drawn inside a zoomed pixel: "200", "0.521".
std::string channel_value_text(const ImageBuffer& image, int x, int y, int channel);

}  // namespace imgr
