// ImageTransform: where an image canvas drew its image in the last frame, as
// plain data (no ImGui state): image pixel coordinates <-> screen coordinates,
// and the rectangle the image is clipped to. Overlays (boxes, masks, a divider)
// are drawn through it, the script player aims through it (`click "x" at X Y`),
// and clicks are mapped back through it.
//
// Conventions. Image coordinates: pixel (x, y) covers [x, x+1) x [y, y+1), so its
// centre is (x + 0.5, y + 0.5). Screen coordinates are ImGui's: a mouse position m
// names the screen pixel whose centre is m + 0.5 — the pixel under the mouse is the
// one drawn at m + 0.5, which is what pixel_under() returns at every zoom.
#pragma once
#include <imgui.h>

#include <cmath>
#include <optional>

namespace imgr {

struct ImagePixel {
    int x = 0, y = 0;
    bool operator==(const ImagePixel&) const = default;
};

struct ImageTransform {
    ImVec2 origin{0, 0};          // screen position of the image's top-left corner (pixel (0,0)'s corner)
    float scale = 1;              // screen pixels per image pixel
    ImVec2 clip_min{0, 0}, clip_max{0, 0};  // the canvas on screen: nothing of the image is drawn outside
    int image_width = 0, image_height = 0;

    ImVec2 to_screen(ImVec2 image) const { return ImVec2(origin.x + image.x * scale, origin.y + image.y * scale); }
    ImVec2 to_image(ImVec2 screen) const { return ImVec2((screen.x - origin.x) / scale, (screen.y - origin.y) / scale); }
    // The image pixel shown under the mouse at `mouse`; none outside the image or outside the clip rectangle.
    std::optional<ImagePixel> pixel_under(ImVec2 mouse) const {
        if (!visible(mouse)) return std::nullopt;
        const ImVec2 p = to_image(ImVec2(mouse.x + 0.5f, mouse.y + 0.5f));
        const int x = (int)std::floor(p.x), y = (int)std::floor(p.y);
        if (x < 0 || y < 0 || x >= image_width || y >= image_height) return std::nullopt;
        return ImagePixel{x, y};
    }
    // A mouse position (whole numbers: ImGui floors the mouse) nearest the pixel's centre whose
    // pixel_under() is `pixel`. Exact from 1 screen pixel a pixel up; below that a screen pixel
    // covers several image pixels and the nearest one it shows is aimed at (check with pixel_under).
    ImVec2 mouse_for(ImagePixel pixel) const {
        return ImVec2(whole_mouse(origin.x, pixel.x), whole_mouse(origin.y, pixel.y));
    }
    bool visible(ImVec2 screen) const {
        return screen.x >= clip_min.x && screen.y >= clip_min.y && screen.x < clip_max.x && screen.y < clip_max.y;
    }
    // The image's rectangle on screen (it may extend beyond the clip rectangle when zoomed).
    ImVec2 image_min() const { return origin; }
    ImVec2 image_max() const { return to_screen(ImVec2((float)image_width, (float)image_height)); }

private:
    float whole_mouse(float start, int index) const {
        const auto index_at = [&](float m) { return (int)std::floor((m + 0.5f - start) / scale); };
        float m = std::round(start + ((float)index + 0.5f) * scale - 0.5f);
        if (index_at(m) > index) m -= 1;  // rounding crossed the pixel's far edge
        else if (index_at(m) < index) m += 1;
        return m;
    }
};

}  // namespace imgr
