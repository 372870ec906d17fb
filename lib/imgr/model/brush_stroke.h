// Painting a round brush into an RGBA8 layer, in image pixels: the pixels
// whose centre lies within half the brush's size of the segment a person's
// pointer moved along. Hard edges (a scribble's pixels are fully one colour),
// so a layer's colours stay exact labels for the handler that reads them.
#pragma once
#include "imgr/model/image.h"

#include <algorithm>
#include <cstdint>

namespace imgr {

// A rectangle of pixels, x0..x1 and y0..y1 exclusive at the far end; empty when x1 <= x0 or y1 <= y0.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    size_t pixel_count() const { return empty() ? 0 : (size_t)(x1 - x0) * (size_t)(y1 - y0); }
    void add(const PixelRect& r) {
        if (r.empty()) return;
        if (empty()) { *this = r; return; }
        x0 = std::min(x0, r.x0), y0 = std::min(y0, r.y0), x1 = std::max(x1, r.x1), y1 = std::max(y1, r.y1);
    }
    bool operator==(const PixelRect&) const = default;
};

struct BrushDab {
    float size = 8;              // diameter in image pixels (at least one pixel is painted)
    uint32_t rgba = 0xff0000ff;  // 0xRRGGBBAA written as is; ignored when erasing
    bool erase = false;          // pixels become transparent
};

// Paints the segment from (ax, ay) to (bx, by) (image coordinates; a pixel's centre is x + 0.5)
// into `layer` (RGBA8; copied first when its pixels are shared). Returns the pixels it covered,
// clipped to the layer: what a texture needs to upload again.
PixelRect paint_segment(ImageBuffer& layer, float ax, float ay, float bx, float by, const BrushDab& brush);

// The rectangle paint_segment() would cover, without painting (for saving what it will change).
PixelRect segment_bounds(const ImageBuffer& layer, float ax, float ay, float bx, float by, float size);

}  // namespace imgr
