// Reading and writing image files (PNG, JPEG, BMP, ... through stb_image; 8-bit
// grey, RGB and RGBA PNGs through libspng, 1.1-1.4x faster), behind size limits so
// that a hostile file cannot exhaust memory.
#pragma once
#include "imgr/model/file_write.h"
#include "imgr/model/image.h"
#include "imgr/model/io_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace imgr {

struct ImageLimits {
    int max_side = 16384;                       // pixels, either side
    size_t max_decoded_bytes = size_t(256) << 20;
};

// ok() and error as every I/O result (io_result.h); the image is empty on failure.
struct [[nodiscard]] ImageLoadResult : IoResult {
    ImageBuffer image;
};

// Decodes a file; the image's source is set to path. Grey, RGB and RGBA are kept as they are.
ImageLoadResult load_image_file(const std::string& path, const ImageLimits& limits = {});
ImageLoadResult load_image_memory(const uint8_t* bytes, size_t size, const ImageLimits& limits = {});

// PNG encoding (zlib's fastest level, see png_encoder.h); the channels are
// kept; float images are clamped to 0..1 and stored as 8 bits.
std::vector<uint8_t> encode_png(const ImageBuffer& image);

// The one PNG path of imgr (flagged images, screenshots, recorded frames):
// encode_png, then write_file_atomically, so a crash never leaves a
// half-written image under the final name. Flags keep the default (fsync'ed);
// screenshots and frames pass Durability::NoFsync.
IoResult save_png(const std::string& path, const ImageBuffer& image, Durability durability = Durability::Fsync);

}  // namespace imgr
