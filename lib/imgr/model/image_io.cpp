#include "imgr/model/image_io.h"

#include <fcntl.h>
#include <stb_image.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace imgr {
namespace {

std::string check_limits(int width, int height, int channels, const ImageLimits& limits) {
    if (width <= 0 || height <= 0) return "the image has no pixels";
    if (width > limits.max_side || height > limits.max_side)
        return "the image is " + std::to_string(width) + "x" + std::to_string(height) + ", larger than the limit of " +
               std::to_string(limits.max_side) + " pixels a side";
    const size_t decoded = (size_t)width * height * (channels < 1 ? 4 : channels);
    if (decoded > limits.max_decoded_bytes)
        return "the image would take " + std::to_string(decoded >> 20) + " MB decoded, more than the limit of " +
               std::to_string(limits.max_decoded_bytes >> 20) + " MB";
    return "";
}

// stb's own PNG header check refuses a huge PNG with a bare "too large"
// before our limits see it; reading the declared size first lets the limits
// say what is wrong. Only the IHDR chunk, which must come first, is read.
bool png_declared_size(const uint8_t* bytes, size_t size, int& width, int& height) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (size < 24 || std::memcmp(bytes, signature, 8) != 0 || std::memcmp(bytes + 12, "IHDR", 4) != 0) return false;
    auto be32 = [&](size_t at) {
        const uint32_t v = (uint32_t)bytes[at] << 24 | (uint32_t)bytes[at + 1] << 16 | (uint32_t)bytes[at + 2] << 8 |
                           bytes[at + 3];
        return (int)std::min<uint32_t>(v, INT32_MAX);
    };
    width = be32(16);
    height = be32(20);
    return true;
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

bool write_all(int fd, const uint8_t* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= (size_t)n;
    }
    return true;
}

}  // namespace

ImageLoadResult load_image_memory(const uint8_t* bytes, size_t size, const ImageLimits& limits) {
    ImageLoadResult result;
    if (!bytes || size == 0) {
        result.error = "the file is empty";
        return result;
    }
    if (size > (size_t)INT32_MAX) {
        result.error = "the file is too large to decode";
        return result;
    }
    int width = 0, height = 0, channels = 0;
    // The header alone gives the size, so a huge image is refused before decoding.
    if (png_declared_size(bytes, size, width, height)) {
        // One channel is the least a PNG decodes to: only sure refusals here.
        if (std::string why = check_limits(width, height, 1, limits); !why.empty()) {
            result.error = why;
            return result;
        }
    }
    if (!stbi_info_from_memory(bytes, (int)size, &width, &height, &channels)) {
        result.error = std::string("not a readable image (") + stbi_failure_reason() + ")";
        return result;
    }
    if (std::string why = check_limits(width, height, channels, limits); !why.empty()) {
        result.error = why;
        return result;
    }
    const int wanted = channels == 2 ? 4 : (channels == 1 || channels == 3 || channels == 4 ? channels : 4);
    unsigned char* pixels = stbi_load_from_memory(bytes, (int)size, &width, &height, &channels, wanted);
    if (!pixels) {
        result.error = std::string("the image is corrupt (") + stbi_failure_reason() + ")";
        return result;
    }
    std::vector<uint8_t> data(pixels, pixels + (size_t)width * height * wanted);
    stbi_image_free(pixels);
    result.image = ImageBuffer(width, height, wanted, std::move(data));
    return result;
}

ImageLoadResult load_image_file(const std::string& path, const ImageLimits& limits) {
    ImageLoadResult result;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = "cannot open '" + path + "': " + std::strerror(errno);
        return result;
    }
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    result = load_image_memory(bytes.data(), bytes.size(), limits);
    if (!result.error.empty())
        result.error = "'" + path + "': " + result.error;
    else
        result.image.source = path;
    return result;
}

std::vector<uint8_t> encode_png(const ImageBuffer& image) {
    std::vector<uint8_t> out;
    if (image.empty() || image.pixel_count() == 0) return out;
    ImageBuffer source = image;
    if (image.type() != PixelType::U8) source = image.to_rgba8();
    stbi_write_png_to_func(append_bytes, &out, source.width(), source.height(), source.channels(), source.u8(),
                           source.width() * source.channels());
    return out;
}

std::string save_png(const std::string& path, const ImageBuffer& image) {
    const std::vector<uint8_t> png = encode_png(image);
    if (png.empty()) return "cannot encode an empty image as PNG";
    const std::string temporary = path + ".partial";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write '" + path + "': " + std::strerror(errno);
    const bool written = write_all(fd, png.data(), png.size()) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = written ? errno : saved_errno;
        ::unlink(temporary.c_str());
        return "cannot write '" + path + "': " + std::strerror(error);
    }
    return "";
}

}  // namespace imgr
