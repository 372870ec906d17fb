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

}  // namespace

void draw_slider(const ComponentContext& c) {
    const auto& props = std::get<SliderProps>(c.spec().props);
    if (c.value_changed() || c.cache.display.empty()) {
        char format[16];
        std::snprintf(format, sizeof format, "%%.%df", decimals_for(props));
        c.cache.display = format;
    }
    double value = std::get<double>(c.state.spec.value);
    ImGui::SetNextItemWidth(c.width);
    ImGui::BeginDisabled(!c.interactive);
    if (ImGui::SliderScalar("##value", ImGuiDataType_Double, &value, &props.minimum, &props.maximum,
                            c.cache.display.c_str()))
        c.user_set(value);
    c.cache.widget_min = ImGui::GetItemRectMin();
    c.cache.widget_max = ImGui::GetItemRectMax();
    if (ImGui::IsItemDeactivatedAfterEdit()) c.fire(Event::Release);
    ImGui::EndDisabled();
}

}  // namespace imgr
