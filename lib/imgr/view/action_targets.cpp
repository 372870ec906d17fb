#include "imgr/view/action_targets.h"

#include <imgui_internal.h>  // SliderBehavior: ImGui's own grab placement

#include <algorithm>

namespace imgr {

// ImGui places the grab in SliderBehavior; asking it with an id that is never
// active gives its placement for any value, whatever the style's sizes.
float ComponentTargets::slider_x(double value) const {
    static const ImGuiID probe = ImHashStr("imgr slider target probe");
    const SliderRange range = slider.value_or(SliderRange{});
    ImRect grab;
    ImGui::SliderBehavior(ImRect(widget.min, widget.max), probe, ImGuiDataType_Double, &value, &range.minimum,
                          &range.maximum, "", 0, &grab);
    return (grab.Min.x + grab.Max.x) * 0.5f;
}

void ActionTargets::begin_frame(size_t components, size_t nodes) {
    components_.resize(components);
    headers_.resize(nodes);
}

void ActionTargets::header_from_last_item(NodeId node, bool open, float right_edge) {
    HeaderTarget& header = headers_.at((size_t)node);
    header.frame = ImGui::GetFrameCount();
    header.rect = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    header.rect.max.x = std::min(header.rect.max.x, right_edge);  // a header ImGui stretches past its column
    header.open = open;
}

}  // namespace imgr
