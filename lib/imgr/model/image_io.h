// Reading and writing image files (PNG, JPEG, BMP, ... through stb_image),
// behind size limits so that a hostile file cannot exhaust memory.
#pragma once
#include "imgr/model/image.h"

#include <cstdint>
#include <string>
#include <vector>

namespace imgr {

struct ImageLimits {
    int max_side = 16384;                       // pixels, either side
    size_t max_decoded_bytes = size_t(256) << 20;
};

struct ImageLoadResult {
    ImageBuffer image;   // empty on failure
    std::string error;   // "" on success, else one line saying what is wrong
    explicit operator bool() const { return error.empty(); }
};

// Decodes a file; the image's source is set to path. Grey, RGB and RGBA are kept as they are.
ImageLoadResult load_image_file(const std::string& path, const ImageLimits& limits = {});
ImageLoadResult load_image_memory(const uint8_t* bytes, size_t size, const ImageLimits& limits = {});

// PNG encoding (zlib's fastest level, see png_encoder.h); the channels are
// kept; float images are clamped to 0..1 and stored as 8 bits.
std::vector<uint8_t> encode_png(const ImageBuffer& image);

// Writes a PNG durably: a temporary file beside it, fsync, then rename, so a
// crash never leaves a half-written image under the final name. Returns "" or the reason.
std::string save_png(const std::string& path, const ImageBuffer& image);

}  // namespace imgr
