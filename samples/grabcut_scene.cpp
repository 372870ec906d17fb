#include "grabcut_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

imgr::ImageBuffer grabcut_scene(int width, int height) {
    imgr::ImageBuffer image(width, height, 3);
    uint8_t* p = image.mutable_u8();
    const float cx = width * 0.5f, cy = height * 0.52f, r = std::min(width, height) * 0.26f;
    const float horizon = height * 0.45f;
    uint32_t noise = 12345;  // a fixed linear congruential sequence: the same picture on every run
    auto grain = [&noise] {
        noise = noise * 1664525u + 1013904223u;
        return (int)(noise >> 28) - 8;  // -8..7
    };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x, p += 3) {
            float red, green, blue;
            if (y < horizon) {  // sky: lighter towards the horizon
                const float t = y / horizon;
                red = 90 + 100 * t, green = 150 + 70 * t, blue = 230;
            } else {  // ground: grass with stripes
                const float t = (y - horizon) / (height - horizon);
                const float stripe = 12 * std::sin(x * 0.09f + y * 0.05f);
                red = 70 + 30 * t + stripe, green = 120 - 20 * t + stripe, blue = 50;
            }
            // The ball's shadow on the ground.
            const float sx = (x - cx - r * 0.3f) / (r * 1.2f), sy = (y - cy - r * 0.95f) / (r * 0.25f);
            if (sx * sx + sy * sy < 1) red *= 0.55f, green *= 0.55f, blue *= 0.55f;
            // The ball, lit from the top left.
            const float dx = (x - cx) / r, dy = (y - cy) / r;
            if (dx * dx + dy * dy < 1) {
                const float light = std::clamp(0.55f + 0.45f * (-0.5f * dx - 0.6f * dy + 0.6f * std::sqrt(1 - dx * dx - dy * dy)), 0.2f, 1.0f);
                red = 250 * light, green = 130 * light, blue = 30 * light;
            }
            const int g = grain();
            p[0] = (uint8_t)std::clamp((int)red + g, 0, 255);
            p[1] = (uint8_t)std::clamp((int)green + g, 0, 255);
            p[2] = (uint8_t)std::clamp((int)blue + g, 0, 255);
        }
    return image;
}
