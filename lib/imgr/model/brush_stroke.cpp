#include "imgr/model/brush_stroke.h"

#include <cmath>

namespace imgr {

PixelRect segment_bounds(const ImageBuffer& layer, float ax, float ay, float bx, float by, float size) {
    const float r = std::max(size, 1.0f) * 0.5f;
    PixelRect rect{(int)std::floor(std::min(ax, bx) - r), (int)std::floor(std::min(ay, by) - r),
                   (int)std::ceil(std::max(ax, bx) + r) + 1, (int)std::ceil(std::max(ay, by) + r) + 1};
    rect.x0 = std::max(rect.x0, 0), rect.y0 = std::max(rect.y0, 0);
    rect.x1 = std::min(rect.x1, layer.width()), rect.y1 = std::min(rect.y1, layer.height());
    return rect;
}

PixelRect paint_segment(ImageBuffer& layer, float ax, float ay, float bx, float by, const BrushDab& brush) {
    if (layer.empty() || layer.channels() != 4 || layer.type() != PixelType::U8) return {};
    const PixelRect bounds = segment_bounds(layer, ax, ay, bx, by, brush.size);
    if (bounds.empty()) return {};
    // A one-pixel brush still paints the pixel under the pointer: the radius covers its centre.
    const float r = std::max(brush.size * 0.5f, 0.5f), r2 = r * r;
    const float dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
    const uint8_t colour[4] = {(uint8_t)(brush.rgba >> 24), (uint8_t)(brush.rgba >> 16), (uint8_t)(brush.rgba >> 8),
                               (uint8_t)brush.rgba};
    const uint8_t clear[4] = {0, 0, 0, 0};
    const uint8_t* value = brush.erase ? clear : colour;
    uint8_t* pixels = layer.mutable_u8();
    PixelRect painted;
    for (int y = bounds.y0; y < bounds.y1; ++y)
        for (int x = bounds.x0; x < bounds.x1; ++x) {
            // Distance from the pixel's centre to the nearest point of the segment.
            const float px = (float)x + 0.5f - ax, py = (float)y + 0.5f - ay;
            const float t = length2 > 0 ? std::clamp((px * dx + py * dy) / length2, 0.0f, 1.0f) : 0.0f;
            const float ex = px - t * dx, ey = py - t * dy;
            if (ex * ex + ey * ey > r2) continue;
            std::copy_n(value, 4, pixels + ((size_t)y * layer.width() + x) * 4);
            painted.add({x, y, x + 1, y + 1});
        }
    return painted;
}

}  // namespace imgr
