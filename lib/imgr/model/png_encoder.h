// PNG encoding of 8-bit pixels through zlib. A flag of a 1920x1080 image spent
// most of a second in stb_image_write's own deflate (whose compression level
// changes little of its speed); zlib at its fastest level, after PNG's "Up"
// filter, writes the same image several times faster and smaller.
#pragma once
#include <cstdint>
#include <vector>

namespace imgr {

// Grey (1), RGB (3) or RGBA (4) channels, rows tightly packed, top row first.
// Empty when the image has no pixels or zlib fails (out of memory).
std::vector<uint8_t> encode_png8(const uint8_t* pixels, int width, int height, int channels);

}  // namespace imgr
