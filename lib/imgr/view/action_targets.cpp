#include "imgr/view/action_targets.h"

#include <algorithm>

namespace imgr {

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
