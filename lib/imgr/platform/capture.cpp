#include "imgr/platform/capture.h"

#include <glad/gl.h>

#include <cstring>
#include <vector>

namespace imgr {

ImageBuffer read_framebuffer(int width, int height) {
    if (width <= 0 || height <= 0) return {};
    const size_t row = (size_t)width * 3;
    std::vector<uint8_t> bottom_up(row * height);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // rows of 3-byte pixels are not 4-aligned
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
    // OpenGL's first row is the bottom one; an image's is the top.
    std::vector<uint8_t> pixels(bottom_up.size());
    for (int y = 0; y < height; ++y)
        std::memcpy(&pixels[(size_t)y * row], &bottom_up[(size_t)(height - 1 - y) * row], row);
    return ImageBuffer(width, height, 3, std::move(pixels));
}

}  // namespace imgr
