// The one mapping between image pixels and the screen for components that draw
// over an image (AnnotatedImage's boxes and masks and their hit-tests, the
// ImageSlider's divider): a zoom/pan canvas replaces how it is computed, and
// everything drawn over the image follows.
#pragma once
#include <imgui.h>

#include <algorithm>

namespace imgr {

struct ImageToScreen {
    ImVec2 origin{0, 0};  // screen position of the image's top-left corner (pixel (0, 0)'s corner)
    float scale = 1.0f;   // screen pixels per image pixel

    ImVec2 to_screen(double x, double y) const {
        return ImVec2(origin.x + (float)x * scale, origin.y + (float)y * scale);
    }
    ImVec2 to_image(ImVec2 screen) const {
        return ImVec2((screen.x - origin.x) / scale, (screen.y - origin.y) / scale);
    }
};

// The image zoomed to fit a box and centred in it, its aspect kept (as Image shows it).
inline ImageToScreen fit_in_box(ImVec2 box_min, ImVec2 box_size, int width, int height) {
    const float scale = std::min(box_size.x / (float)std::max(width, 1), box_size.y / (float)std::max(height, 1));
    const ImVec2 shown((float)width * scale, (float)height * scale);
    return {ImVec2(box_min.x + (box_size.x - shown.x) * 0.5f, box_min.y + (box_size.y - shown.y) * 0.5f), scale};
}

}  // namespace imgr
