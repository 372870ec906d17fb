#include "imgr/view/components/image_slider_view.h"

#include <algorithm>

namespace imgr {

namespace {

ImageSliderViewState& state_of(const ComponentContext& c) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<ImageSliderViewState>();
    return *std::static_pointer_cast<ImageSliderViewState>(c.cache.widget_state);
}

// The part of an image from u0 to u1 (shares of its width), over the same part of the screen rectangle.
void draw_part(const ComponentContext& c, const ImageBuffer& image, ImVec2 min, ImVec2 max, float u0, float u1) {
    if (u1 <= u0 || image.empty()) return;
    TextureRef texture = c.textures ? c.textures->texture_for(image) : TextureRef{};
    if (!texture.id) return;
    const float w = max.x - min.x;
    ImGui::GetWindowDrawList()->AddImage(texture.id, ImVec2(min.x + w * u0, min.y), ImVec2(min.x + w * u1, max.y),
                                         ImVec2(u0, 0), ImVec2(u1, 1));
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
    ImGui::InvisibleButton("##slider_images", box);
    const bool active = ImGui::IsItemActive();
    c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
    // Both images share the first one's size (the second is stretched onto it when they differ).
    const ImageBuffer& shape = value.before.empty() ? value.after : value.before;
    if (shape.empty() || shape.pixel_count() == 0) {
        const char* text = "No images";
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetWindowDrawList()->AddText(ImVec2(top_left.x + (box.x - size.x) * 0.5f, top_left.y + (box.y - size.y) * 0.5f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
        return;
    }
    s.transform = fit_in_box(top_left, box, shape.width(), shape.height());
    const ImVec2 min = s.transform.to_screen(0, 0), max = s.transform.to_screen(shape.width(), shape.height());
    if (active) s.position = std::clamp((double)s.transform.to_image(ImGui::GetIO().MousePos).x / shape.width(), 0.0, 1.0);
    s.dragging = active;
    const float split = (float)s.position;
    draw_part(c, value.before, min, max, 0.0f, split);
    draw_part(c, value.after, min, max, split, 1.0f);
    s.divider_x = s.transform.to_screen(s.position * shape.width(), 0).x;
    draw_divider(s.divider_x, min, max, active);
    if (ImGui::IsItemHovered() || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (value.before.width() != value.after.width() || value.before.height() != value.after.height())
        ImGui::TextDisabled("the two images differ in size: the second is stretched onto the first");
}

}  // namespace imgr
