#include "imgr/platform/capture.h"

#include <glad/gl.h>
#include "imgr/model/png_encoder.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace imgr {

RgbImage read_framebuffer(int width, int height) {
    RgbImage image;
    image.width = width;
    image.height = height;
    std::vector<uint8_t> bottom_up((size_t)width * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // rows of 3-byte pixels are not 4-aligned
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
    // OpenGL's first row is the bottom one; PNG's is the top.
    image.pixels.resize(bottom_up.size());
    const size_t row = (size_t)width * 3;
    for (int y = 0; y < height; ++y)
        memcpy(&image.pixels[(size_t)y * row], &bottom_up[(size_t)(height - 1 - y) * row], row);
    return image;
}

std::string write_png(const std::string& path, const RgbImage& image) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::is_directory(parent, ec))
        return "cannot write '" + path + "': folder '" + parent.string() + "' does not exist";
    if (image.width <= 0 || image.height <= 0) return "cannot write '" + path + "': empty image";
    // The same fast encoder as flagged images: a recording writes a PNG per frame.
    const std::vector<uint8_t> png = encode_png8(image.pixels.data(), image.width, image.height, 3);
    if (png.empty()) return "cannot write '" + path + "': out of memory while encoding";
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return "cannot write '" + path + "': " + std::strerror(errno);
    const bool written = std::fwrite(png.data(), 1, png.size(), file) == png.size();
    const int write_errno = errno;
    if (std::fclose(file) != 0 || !written) {
        const int code = written ? errno : write_errno;
        return "cannot write '" + path + "': " + (code ? std::strerror(code) : "write failed");
    }
    return "";
}

}  // namespace imgr
