// ComponentContext's target_* calls: a drawing function registers what a
// person can act on (action_targets.h) in one line after the ImGui item.
#include <algorithm>

#include "imgr/view/component_context.h"

namespace imgr {

void ComponentContext::target_widget() const { target_widget(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void ComponentContext::target_widget(ImVec2 min, ImVec2 max) const { targets.widget = {min, max}; }

void ComponentContext::target_choice(size_t index) const {
    target_choice(index, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// ImGui draws a radio button's circle and a checkbox's square at the left of
// the item, as tall as the item: where a person aims.
void ComponentContext::target_choice_box(size_t index) const {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    target_choice(index, min, ImVec2(std::min(max.x, min.x + (max.y - min.y)), max.y));
}

void ComponentContext::target_choice(size_t index, ImVec2 min, ImVec2 max) const {
    const int frame = ImGui::GetFrameCount();
    if (targets.choices_frame != frame) {
        targets.choices.clear();
        targets.choices_frame = frame;
    }
    if (targets.choices.size() <= index) targets.choices.resize(index + 1);
    targets.choices[index] = {min, max};
}

void ComponentContext::target_slider(double minimum, double maximum) const {
    target_widget();
    targets.slider = ComponentTargets::SliderRange{minimum, maximum};
}

void ComponentContext::target_image(const ImageTransform& transform) const {
    targets.image = transform;
    targets.image_frame = ImGui::GetFrameCount();
}

void ComponentContext::select_pixel(int x, int y, Json pixel_values) const {
    SelectData data;
    data.x = x;
    data.y = y;
    data.value = std::move(pixel_values);
    ++targets.fired;
    engine.fire_select(id, std::move(data));
}

void ComponentContext::select_item(int index, Json value, int column) const {
    SelectData data;
    data.index = index;
    data.column = column;
    data.value = std::move(value);
    ++targets.fired;
    engine.fire_select(id, std::move(data));
}

}  // namespace imgr
