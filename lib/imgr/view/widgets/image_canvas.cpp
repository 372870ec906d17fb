#include "imgr/view/widgets/image_canvas.h"

#include <imgui_internal.h>  // GetItemID

#include <algorithm>
#include <cmath>

#include "imgr/model/pixel_values.h"

namespace imgr {

namespace {

constexpr float kWheelStep = 1.25f;    // zoom factor per wheel notch
constexpr float kMaxZoom = 256.0f;     // screen pixels per image pixel
constexpr float kGridFrom = 6.0f;      // a pixel grid from this many screen pixels a pixel
constexpr float kCheckerCell = 8.0f;   // screen pixels

float fit_scale(int width, int height, ImVec2 size) {
    return std::max(1e-6f, std::min(size.x / (float)width, size.y / (float)height));
}

// The visible part of the image: image rectangle within the clip rectangle.
bool visible_part(const ImageTransform& t, ImVec2& min, ImVec2& max) {
    const ImVec2 a = t.image_min(), b = t.image_max();
    min = ImVec2(std::max(a.x, t.clip_min.x), std::max(a.y, t.clip_min.y));
    max = ImVec2(std::min(b.x, t.clip_max.x), std::min(b.y, t.clip_max.y));
    return max.x > min.x && max.y > min.y;
}

void draw_checkerboard(ImDrawList* draw, ImVec2 min, ImVec2 max) {
    draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255));
    const ImU32 dark = IM_COL32(204, 204, 204, 255);
    // Cells are anchored to the screen, not the image: they never get large or tiny.
    const float x0 = std::floor(min.x / kCheckerCell) * kCheckerCell, y0 = std::floor(min.y / kCheckerCell) * kCheckerCell;
    for (float y = y0; y < max.y; y += kCheckerCell)
        for (float x = x0 + (std::fmod(std::fabs(y / kCheckerCell), 2.0f) >= 1.0f ? kCheckerCell : 0.0f); x < max.x;
             x += kCheckerCell * 2)
            draw->AddRectFilled(ImVec2(std::max(x, min.x), std::max(y, min.y)),
                                ImVec2(std::min(x + kCheckerCell, max.x), std::min(y + kCheckerCell, max.y)), dark);
}

// The first and one-past-last pixel index visible along one axis.
void visible_pixels(float origin, float scale, float clip_min, float clip_max, int count, int& first, int& last) {
    first = std::clamp((int)std::floor((clip_min - origin) / scale), 0, count);
    last = std::clamp((int)std::ceil((clip_max - origin) / scale), 0, count);
}

void draw_grid(ImDrawList* draw, const ImageTransform& t) {
    int x0, x1, y0, y1;
    visible_pixels(t.origin.x, t.scale, t.clip_min.x, t.clip_max.x, t.image_width, x0, x1);
    visible_pixels(t.origin.y, t.scale, t.clip_min.y, t.clip_max.y, t.image_height, y0, y1);
    const ImU32 color = IM_COL32(128, 128, 128, 110);
    const float top = t.origin.y + y0 * t.scale, bottom = t.origin.y + y1 * t.scale;
    const float left = t.origin.x + x0 * t.scale, right = t.origin.x + x1 * t.scale;
    for (int x = x0; x <= x1; ++x) {
        const float sx = std::floor(t.origin.x + x * t.scale) + 0.5f;
        draw->AddLine(ImVec2(sx, top), ImVec2(sx, bottom), color);
    }
    for (int y = y0; y <= y1; ++y) {
        const float sy = std::floor(t.origin.y + y * t.scale) + 0.5f;
        draw->AddLine(ImVec2(left, sy), ImVec2(right, sy), color);
    }
}

// Each visible pixel's values written in it, once a pixel has room for them.
void draw_values(ImDrawList* draw, const ImageTransform& t, const ImageBuffer& image) {
    const int lines = std::min(image.channels(), 4);
    const float line_height = ImGui::GetTextLineHeight();
    const float widest = ImGui::CalcTextSize(image.type() == PixelType::U8 ? "255" : "-0.000").x;
    if (t.scale < line_height * (float)lines + 4 || t.scale < widest + 6) return;
    int x0, x1, y0, y1;
    visible_pixels(t.origin.x, t.scale, t.clip_min.x, t.clip_max.x, t.image_width, x0, x1);
    visible_pixels(t.origin.y, t.scale, t.clip_min.y, t.clip_max.y, t.image_height, y0, y1);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            // Dark text on light pixels, light on dark (luma of what is shown).
            const int luma = (image.sample(x, y, 0) * 299 + image.sample(x, y, 1) * 587 + image.sample(x, y, 2) * 114) / 1000;
            const ImU32 color = luma > 128 ? IM_COL32(0, 0, 0, 230) : IM_COL32(255, 255, 255, 230);
            const ImVec2 cell = t.to_screen(ImVec2((float)x, (float)y));
            float ty = cell.y + (t.scale - line_height * (float)lines) * 0.5f;
            for (int c = 0; c < lines; ++c, ty += line_height) {
                const std::string text = channel_value_text(image, x, y, c);
                const float tw = ImGui::CalcTextSize(text.c_str()).x;
                draw->AddText(ImVec2(cell.x + (t.scale - tw) * 0.5f, ty), color, text.c_str());
            }
        }
}

void handle_mouse(ImageViewport& viewport, const ImageTransform& t, ImageCanvasResult& result, bool paint) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) result.hovered = t.pixel_under(io.MousePos);
    if (hovered && io.MouseWheel != 0)
        zoom_at(viewport, t, ImVec2(io.MousePos.x + 0.5f, io.MousePos.y + 0.5f), std::pow(kWheelStep, io.MouseWheel));
    const bool panning = paint ? ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)
                               : ImGui::IsMouseDragging(ImGuiMouseButton_Left);
    if (ImGui::IsItemActive() && panning && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        if (viewport.fit) {  // a drag from the fitted view starts where it is
            viewport = {false, t.scale, ImVec2(0.5f, 0.5f)};
        }
        viewport.center.x = std::clamp(viewport.center.x - io.MouseDelta.x / (t.scale * (float)t.image_width), 0.0f, 1.0f);
        viewport.center.y = std::clamp(viewport.center.y - io.MouseDelta.y / (t.scale * (float)t.image_height), 0.0f, 1.0f);
    }
    if (paint) return;  // the left button's press and release are the caller's
    // A click is a press and release without a drag, at the pixel where it was pressed (as the
    // view was then). The second press of a double-click fits the view instead.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID id = ImGui::GetItemID();
    if (ImGui::IsItemActivated()) {
        const auto pressed = t.pixel_under(io.MouseClickedPos[0]);
        const bool double_click = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        storage->SetInt(id, pressed && !double_click ? 1 : 0);
        storage->SetInt(id + 1, pressed ? pressed->x : 0);
        storage->SetInt(id + 2, pressed ? pressed->y : 0);
        if (double_click) zoom_fit(viewport);
    }
    const float threshold = io.MouseDragThreshold;
    if (ImGui::IsItemDeactivated() && storage->GetInt(id) == 1 && io.MouseDragMaxDistanceSqr[0] < threshold * threshold)
        result.clicked = ImagePixel{storage->GetInt(id + 1), storage->GetInt(id + 2)};
}

}  // namespace

ImageTransform canvas_transform(const ImageViewport& viewport, int width, int height, ImVec2 canvas_min, ImVec2 size) {
    ImageTransform t;
    t.image_width = std::max(width, 1);
    t.image_height = std::max(height, 1);
    t.clip_min = canvas_min;
    t.clip_max = ImVec2(canvas_min.x + size.x, canvas_min.y + size.y);
    t.scale = viewport.fit ? fit_scale(t.image_width, t.image_height, size) : viewport.zoom;
    const ImVec2 center = viewport.fit ? ImVec2(0.5f, 0.5f) : viewport.center;
    t.origin = ImVec2(canvas_min.x + size.x * 0.5f - center.x * (float)t.image_width * t.scale,
                      canvas_min.y + size.y * 0.5f - center.y * (float)t.image_height * t.scale);
    if (viewport.fit) t.origin = ImVec2(std::floor(t.origin.x), std::floor(t.origin.y));  // crisp edges
    return t;
}

void zoom_at(ImageViewport& viewport, const ImageTransform& t, ImVec2 screen_point, float factor) {
    const float canvas_w = t.clip_max.x - t.clip_min.x, canvas_h = t.clip_max.y - t.clip_min.y;
    const float smallest = std::min(1.0f, fit_scale(t.image_width, t.image_height, ImVec2(canvas_w, canvas_h))) * 0.5f;
    const float zoom = std::clamp(t.scale * factor, smallest, kMaxZoom);
    // The image point under screen_point stays there: solve the new centre for it.
    const ImVec2 p = t.to_image(screen_point);
    const ImVec2 canvas_center(t.clip_min.x + canvas_w * 0.5f, t.clip_min.y + canvas_h * 0.5f);
    viewport.fit = false;
    viewport.zoom = zoom;
    viewport.center = ImVec2((p.x - (screen_point.x - canvas_center.x) / zoom) / (float)t.image_width,
                             (p.y - (screen_point.y - canvas_center.y) / zoom) / (float)t.image_height);
}

void zoom_actual_size(ImageViewport& viewport, const ImageTransform& t) {
    const ImVec2 canvas_center((t.clip_min.x + t.clip_max.x) * 0.5f, (t.clip_min.y + t.clip_max.y) * 0.5f);
    const ImVec2 p = t.to_image(canvas_center);
    viewport.fit = false;
    viewport.zoom = 1.0f;
    viewport.center = ImVec2(std::clamp(p.x / (float)t.image_width, 0.0f, 1.0f),
                             std::clamp(p.y / (float)t.image_height, 0.0f, 1.0f));
}

ImageCanvasResult image_canvas(const char* id, ImageViewport& viewport, const ImageCanvasImage& image, ImVec2 size) {
    size = ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size, image.paint ? ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                                                       ImGuiButtonFlags_MouseButtonMiddle
                                                 : ImGuiButtonFlags_MouseButtonLeft);
    ImageCanvasResult result;
    handle_mouse(viewport, canvas_transform(viewport, image.width, image.height, min, size), result, image.paint);
    // Drawn with this frame's input applied, so a zoom shows at once.
    const ImageTransform t = canvas_transform(viewport, image.width, image.height, min, size);
    result.transform = t;
    if (result.hovered) result.hovered = t.pixel_under(ImGui::GetIO().MousePos);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(t.clip_min, t.clip_max, true);
    ImVec2 vmin, vmax;
    if (visible_part(t, vmin, vmax)) {
        if (image.checkerboard) draw_checkerboard(draw, vmin, vmax);
        if (image.texture) {
            // Only the visible part: vertices stay near the screen however far one zooms.
            const float iw = (float)t.image_width * t.scale, ih = (float)t.image_height * t.scale;
            const ImVec2 uv0((vmin.x - t.origin.x) / iw, (vmin.y - t.origin.y) / ih);
            const ImVec2 uv1((vmax.x - t.origin.x) / iw, (vmax.y - t.origin.y) / ih);
            draw->AddImage(image.texture, vmin, vmax, uv0, uv1);
        }
        if (t.scale >= kGridFrom) draw_grid(draw, t);
        if (image.values && !image.values->empty()) draw_values(draw, t, *image.values);
    }
    draw->PopClipRect();
    draw->AddRect(ImVec2(t.clip_min.x - 1, t.clip_min.y - 1), ImVec2(t.clip_max.x + 1, t.clip_max.y + 1),
                  ImGui::GetColorU32(ImGuiCol_Border));
    return result;
}

ImageOverlay::ImageOverlay(const ImageTransform& transform) : transform_(transform), draw_(ImGui::GetWindowDrawList()) {
    draw_->PushClipRect(transform_.clip_min, transform_.clip_max, true);
}
ImageOverlay::~ImageOverlay() { draw_->PopClipRect(); }

void ImageOverlay::rect(ImVec2 a, ImVec2 b, ImU32 color, float thickness) const {
    draw_->AddRect(to_screen(a), to_screen(b), color, 0, 0, thickness);
}
void ImageOverlay::rect_filled(ImVec2 a, ImVec2 b, ImU32 color) const {
    draw_->AddRectFilled(to_screen(a), to_screen(b), color);
}
void ImageOverlay::line(ImVec2 a, ImVec2 b, ImU32 color, float thickness) const {
    draw_->AddLine(to_screen(a), to_screen(b), color, thickness);
}
void ImageOverlay::text(ImVec2 at, ImU32 color, const char* text) const { draw_->AddText(to_screen(at), color, text); }
void ImageOverlay::image(ImTextureID texture, ImU32 tint) const {
    draw_->AddImage(texture, transform_.image_min(), transform_.image_max(), ImVec2(0, 0), ImVec2(1, 1), tint);
}

}  // namespace imgr
