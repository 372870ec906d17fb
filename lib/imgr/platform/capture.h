// Capture: reads the rendered frame back from OpenGL and writes it as PNG.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace imgr {

struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // RGB, rows top to bottom
};

// Reads the bound read framebuffer (call after rendering, before the swap).
RgbImage read_framebuffer(int width, int height);

// Writes the image as PNG; returns "" or a message saying why it could not.
std::string write_png(const std::string& path, const RgbImage& image);

}  // namespace imgr
