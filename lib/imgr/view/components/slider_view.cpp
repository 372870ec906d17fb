// Slider: dragging fires input and change with each new value (the engine
// keeps only the latest pending run), and release when let go.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgr/view/component_context.h"

namespace imgr {
namespace {

// Enough decimals to show the step (0.25 -> 2), or three significant digits of the range.
int decimals_for(const SliderProps& props) {
    if (props.step > 0) {
        const std::string step = format_number(props.step);
        const auto dot = step.find('.');
        return dot == std::string::npos || step.find('e') != std::string::npos ? 0 : (int)(step.size() - dot - 1);
    }
    const double range = std::fabs(props.maximum - props.minimum);
    if (!(range > 0)) return 2;
    return std::clamp(2 - (int)std::floor(std::log10(range)), 0, 6);
}

// The value's text and the widest one the range allows, formatted when the
// value or the properties change rather than every frame (two snprintf calls
// per slider per frame were a tenth of a large demo's frame).
struct SliderText {
    char value[64] = "";
    char widest[64] = "";
};

}  // namespace

void draw_slider(const ComponentContext& c) {
    const auto& props = std::get<SliderProps>(c.spec().props);
    double value = std::get<double>(c.state.spec.value);
    auto text = std::static_pointer_cast<SliderText>(c.cache.widget_state);
    if (!text || c.value_changed() || c.cache.display.empty()) {
        char format[16];
        std::snprintf(format, sizeof format, "%%.%df", decimals_for(props));
        c.cache.display = format;
        if (!text) c.cache.widget_state = text = std::make_shared<SliderText>();
        std::snprintf(text->value, sizeof text->value, format, value);
        std::snprintf(text->widest, sizeof text->widest, format,
                      std::fabs(props.minimum) > std::fabs(props.maximum) ? props.minimum : props.maximum);
    }
    // The value sits beside the track, as in Gradio, where the grab cannot cover it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float value_width = ImGui::CalcTextSize(text->widest).x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::max(1.0f, c.width - value_width - style.ItemInnerSpacing.x));
    ImGui::BeginDisabled(!c.interactive);
    if (ImGui::SliderScalar("##value", ImGuiDataType_Double, &value, &props.minimum, &props.maximum, ""))
        c.user_set(value);
    c.target_slider(props.minimum, props.maximum);
    if (ImGui::IsItemDeactivatedAfterEdit()) c.fire(Event::Release);
    ImGui::EndDisabled();
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    const float text_width = ImGui::CalcTextSize(text->value).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + value_width - text_width - style.FramePadding.x);  // right-aligned
    ImGui::TextUnformatted(text->value);
}

}  // namespace imgr
