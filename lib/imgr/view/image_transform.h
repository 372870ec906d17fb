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
    // A mouse position whose pixel_under() is `pixel`, exact at every zoom (the centre of its square).
    ImVec2 mouse_for(ImagePixel pixel) const {
        const ImVec2 s = to_screen(ImVec2((float)pixel.x + 0.5f, (float)pixel.y + 0.5f));
        return ImVec2(s.x - 0.5f, s.y - 0.5f);
    }
    bool visible(ImVec2 screen) const {
        return screen.x >= clip_min.x && screen.y >= clip_min.y && screen.x < clip_max.x && screen.y < clip_max.y;
    }
    // The image's rectangle on screen (it may extend beyond the clip rectangle when zoomed).
    ImVec2 image_min() const { return origin; }
    ImVec2 image_max() const { return to_screen(ImVec2((float)image_width, (float)image_height)); }
};

}  // namespace imgr
