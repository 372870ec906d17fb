// Button: as wide as its slot, coloured by variant (primary: the accent,
// stop: red, secondary: the theme's button grey).
#include "imgr/view/component_context.h"

namespace imgr {
namespace {

struct VariantColors {
    ImU32 normal, hovered, active, text;
};

bool variant_colors(ButtonVariant variant, VariantColors& out) {
    switch (variant) {
        case ButtonVariant::Primary:
            out = {IM_COL32(249, 115, 22, 255), IM_COL32(234, 88, 12, 255), IM_COL32(194, 65, 12, 255),
                   IM_COL32(255, 255, 255, 255)};
            return true;
        case ButtonVariant::Stop:
            out = {IM_COL32(239, 68, 68, 255), IM_COL32(220, 38, 38, 255), IM_COL32(185, 28, 28, 255),
                   IM_COL32(255, 255, 255, 255)};
            return true;
        case ButtonVariant::Secondary:
            return false;
    }
    return false;
}

}  // namespace

void draw_button(const ComponentContext& c) {
    const auto& props = std::get<ButtonProps>(c.spec().props);
    const bool busy = !props.busy_text.empty() && c.engine.busy(c.id);
    // An Interface's Submit becomes a red Stop while its function runs.
    const bool stop = c.engine.shows_stop(c.id);
    static const std::string kStop = "Stop";
    const std::string& text = stop ? kStop : busy ? props.busy_text : std::get<std::string>(c.state.spec.value);
    VariantColors colors;
    const bool colored = variant_colors(stop ? ButtonVariant::Stop : props.variant, colors);
    if (colored) {
        ImGui::PushStyleColor(ImGuiCol_Button, colors.normal);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors.hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors.active);
        ImGui::PushStyleColor(ImGuiCol_Text, colors.text);
        ImGui::PushStyleColor(ImGuiCol_Border, colors.normal);
    }
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const float scale = props.size == ButtonSize::Small ? 0.5f : 1.4f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding.x, padding.y * scale));
    ImGui::BeginDisabled(!c.interactive);
    if (ImGui::Button(text.empty() ? "##button" : text.c_str(), ImVec2(c.width, 0))) c.fire(Event::Click);
    c.target_widget();
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
    if (colored) ImGui::PopStyleColor(5);
}

void draw_color_picker(const ComponentContext& c) {
    Color value = std::get<Color>(c.state.spec.value);
    float rgba[4] = {value.r, value.g, value.b, value.a};
    ImGui::SetNextItemWidth(c.width);
    ImGui::BeginDisabled(!c.interactive);
    if (ImGui::ColorEdit4("##value", rgba, ImGuiColorEditFlags_AlphaPreviewHalf | ImGuiColorEditFlags_DisplayHex))
        c.user_set(Color{rgba[0], rgba[1], rgba[2], rgba[3]});
    c.target_widget();
    ImGui::EndDisabled();
}

}  // namespace imgr
