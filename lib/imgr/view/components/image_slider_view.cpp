#include "imgr/view/components/image_slider_view.h"

#include <algorithm>
#include <string>

#include "imgr/model/pixel_values.h"

namespace imgr {

namespace {

ImageSliderViewState& state_of(const ComponentContext& c) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<ImageSliderViewState>();
    return *std::static_pointer_cast<ImageSliderViewState>(c.cache.widget_state);
}

void draw_divider(float x, ImVec2 min, ImVec2 max, bool active) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(255, 255, 255, 230), active ? 3.0f : 2.0f);
    // A round handle with arrows says "drag me sideways".
    const ImVec2 mid(x, (min.y + max.y) * 0.5f);
    const float r = em * 0.8f;
    draw->AddCircleFilled(mid, r, IM_COL32(255, 255, 255, 240), 24);
    draw->AddCircle(mid, r, IM_COL32(80, 80, 80, 200), 24, 1.5f);
    const float a = r * 0.45f;
    draw->AddTriangleFilled(ImVec2(mid.x - a * 1.6f, mid.y), ImVec2(mid.x - a * 0.5f, mid.y - a), ImVec2(mid.x - a * 0.5f, mid.y + a),
                            IM_COL32(60, 60, 60, 255));
    draw->AddTriangleFilled(ImVec2(mid.x + a * 1.6f, mid.y), ImVec2(mid.x + a * 0.5f, mid.y + a), ImVec2(mid.x + a * 0.5f, mid.y - a),
                            IM_COL32(60, 60, 60, 255));
}

}  // namespace

const ImageSliderViewState* image_slider_state(const ComponentCache& cache) {
    return static_cast<const ImageSliderViewState*>(cache.widget_state.get());
}

void draw_image_slider(const ComponentContext& c) {
    const auto& props = std::get<ImageSliderProps>(c.spec().props);
    const auto& value = std::get<ImageSliderValue>(c.state.spec.value);
    ImageSliderViewState& s = state_of(c);
    if (!s.position_initialised) s.position = std::clamp(props.position, 0.0, 1.0), s.position_initialised = true;
    const ImVec2 box(c.width, props.height * ImGui::GetFontSize());
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    // Both images share the first one's size (the second is stretched onto it when they differ).
    const ImageBuffer& shape = value.before.empty() ? value.after : value.before;
    if (shape.empty() || shape.pixel_count() == 0) {
        ImGui::Dummy(box);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
        const char* text = "No images";
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetWindowDrawList()->AddText(ImVec2(top_left.x + (box.x - size.x) * 0.5f, top_left.y + (box.y - size.y) * 0.5f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
        s.drawn = false;
        return;
    }
    // The divider's handle is submitted before the canvas so that it takes the mouse first:
    // dragging at the divider moves it, dragging elsewhere pans, the wheel zooms (as on an Image).
    bool active = false, over_divider = false;
    if (s.drawn) {
        const float grab = ImGui::GetFontSize();
        ImGui::SetCursorScreenPos(ImVec2(std::clamp(s.divider_x - grab, top_left.x, top_left.x + box.x - grab * 2), top_left.y));
        ImGui::InvisibleButton("##divider", ImVec2(grab * 2, box.y));
        active = ImGui::IsItemActive();
        over_divider = ImGui::IsItemHovered();
        ImGui::SetCursorScreenPos(top_left);
    }
    const ImageBuffer& after = value.after.empty() ? value.before : value.after;
    const TextureRef after_texture = c.textures ? c.textures->texture_for(after) : TextureRef{};
    const ImageCanvasResult r = image_canvas("##slider_images", s.viewport,
                                             {after_texture.id, shape.width(), shape.height(), &after, false}, box);
    c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
    c.target_image(r.transform);
    s.drawn = true;
    s.transform = {r.transform.origin, r.transform.scale};
    if (active) s.position = std::clamp((double)s.transform.to_image(ImGui::GetIO().MousePos).x / shape.width(), 0.0, 1.0);
    s.dragging = active;
    {
        // `before` over the left part, clipped to the canvas as the canvas clips `after`.
        ImageOverlay overlay(r.transform);
        const TextureRef before_texture = c.textures && !value.before.empty() ? c.textures->texture_for(value.before) : TextureRef{};
        const float split = (float)s.position;
        if (before_texture.id && split > 0)
            overlay.draw_list()->AddImage(before_texture.id, s.transform.to_screen(0, 0),
                                          s.transform.to_screen(split * shape.width(), shape.height()), ImVec2(0, 0),
                                          ImVec2(split, 1));
        s.divider_x = s.transform.to_screen(s.position * shape.width(), 0).x;
        const ImVec2 min(s.divider_x, std::max(r.transform.clip_min.y, s.transform.to_screen(0, 0).y));
        const ImVec2 max(s.divider_x, std::min(r.transform.clip_max.y, s.transform.to_screen(0, shape.height()).y));
        draw_divider(s.divider_x, min, max, active);
    }
    if (over_divider || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (r.clicked && r.clicked->x < after.width() && r.clicked->y < after.height())
        c.select_pixel(r.clicked->x, r.clicked->y, pixel_values(after, r.clicked->x, r.clicked->y));
    // The probe names both images' values at the pixel, which is what a before/after comparison asks.
    std::string probe = " ";
    if (r.hovered) {
        const int x = r.hovered->x, y = r.hovered->y;
        probe = std::to_string(x) + ", " + std::to_string(y);
        auto values = [&](const ImageBuffer& image) {
            return x < image.width() && y < image.height() ? pixel_values_text(image, x, y) : std::string("-");
        };
        if (!value.before.empty()) probe += "   before " + values(value.before);
        if (!value.after.empty()) probe += "   after " + values(value.after);
    }
    if (ImGui::SmallButton("Fit")) zoom_fit(s.viewport);
    ImGui::SameLine();
    if (ImGui::SmallButton("1:1")) zoom_actual_size(s.viewport, r.transform);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", probe.c_str());
    if (value.before.width() != value.after.width() || value.before.height() != value.after.height())
        ImGui::TextDisabled("the two images differ in size: the second is stretched onto the first");
}

}  // namespace imgr
