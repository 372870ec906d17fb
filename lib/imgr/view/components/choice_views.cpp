// The choice components: Radio, Dropdown (single and multiselect), Checkbox
// and CheckboxGroup. Choices flow onto new lines when the card is narrow.
#include <algorithm>

#include "imgr/view/component_context.h"

namespace imgr {
namespace {

// Starts the next inline item on this line when it fits, else on a new one.
void flow(float item_width, float line_start_x, float width, bool first) {
    if (first) return;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 1.5f;
    ImGui::SameLine(0, spacing);
    if (ImGui::GetCursorScreenPos().x + item_width > line_start_x + width) ImGui::NewLine();
}

float choice_width(const char* text) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
}

const StringList& choices_of(const ComponentContext& c) { return std::get<ChoiceProps>(c.spec().props).choices; }

}  // namespace

void draw_radio(const ComponentContext& c) {
    const std::string& value = std::get<std::string>(c.state.spec.value);
    const float start = ImGui::GetCursorScreenPos().x;
    ImGui::BeginDisabled(!c.interactive);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    bool first = true;
    int index = 0;
    for (const std::string& choice : choices_of(c)) {
        flow(choice_width(choice.c_str()), start, c.width, first);
        first = false;
        ImGui::PushID(index);
        if (ImGui::RadioButton(choice.c_str(), choice == value)) {
            c.user_set(choice);
            c.select_item(index, choice);
        }
        c.target_choice_box((size_t)index++);
        ImGui::PopID();
    }
    c.target_widget(top_left, ImGui::GetItemRectMax());
    ImGui::EndDisabled();
}

void draw_dropdown(const ComponentContext& c) {
    const auto& props = std::get<ChoiceProps>(c.spec().props);
    if (c.value_changed() || c.cache.display.empty()) {
        if (props.multiselect) {
            c.cache.display.clear();
            for (const std::string& s : std::get<StringList>(c.state.spec.value))
                c.cache.display += (c.cache.display.empty() ? "" : ", ") + s;
        } else {
            c.cache.display = std::get<std::string>(c.state.spec.value);
        }
    }
    ImGui::SetNextItemWidth(c.width);
    ImGui::BeginDisabled(!c.interactive);
    const bool open = ImGui::BeginCombo("##value", c.cache.display.c_str());
    c.target_widget();
    if (open) {
        int index = 0;
        for (const std::string& choice : props.choices) {
            ImGui::PushID(index++);
            if (props.multiselect) {
                StringList selected = std::get<StringList>(c.state.spec.value);
                auto it = std::find(selected.begin(), selected.end(), choice);
                const bool is_selected = it != selected.end();
                const bool clicked = ImGui::Selectable(choice.c_str(), is_selected, ImGuiSelectableFlags_DontClosePopups);
                c.target_choice((size_t)index - 1);
                if (clicked) {
                    if (is_selected) {
                        selected.erase(it);
                    } else {
                        // Keep the choices' order, whatever the clicking order.
                        StringList ordered;
                        for (const std::string& s : props.choices)
                            if (s == choice || std::find(selected.begin(), selected.end(), s) != selected.end())
                                ordered.push_back(s);
                        selected = std::move(ordered);
                    }
                    c.user_set(std::move(selected));
                    SelectData data;  // a click on a chosen item un-chooses it
                    data.index = index - 1;
                    data.value = choice;
                    data.selected = !is_selected;
                    c.engine.fire_select(c.id, std::move(data));
                }
            } else {
                const bool is_selected = choice == std::get<std::string>(c.state.spec.value);
                const bool clicked = ImGui::Selectable(choice.c_str(), is_selected);
                c.target_choice((size_t)index - 1);
                if (clicked) {
                    c.user_set(choice);
                    c.select_item(index - 1, choice);
                }
                if (is_selected) ImGui::SetItemDefaultFocus();
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

void draw_checkbox(const ComponentContext& c) {
    bool value = std::get<bool>(c.state.spec.value);
    ImGui::BeginDisabled(!c.interactive);
    const std::string& label = c.spec().common.label;
    if (ImGui::Checkbox(label.empty() ? "##value" : label.c_str(), &value)) c.user_set(value);
    c.target_widget();
    c.target_choice_box(0);
    ImGui::EndDisabled();
}

void draw_checkbox_group(const ComponentContext& c) {
    const auto& selected = std::get<StringList>(c.state.spec.value);
    const float start = ImGui::GetCursorScreenPos().x;
    ImGui::BeginDisabled(!c.interactive);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    bool first = true;
    int index = 0;
    int toggled = -1;
    for (const std::string& choice : choices_of(c)) {
        flow(choice_width(choice.c_str()), start, c.width, first);
        first = false;
        bool checked = std::find(selected.begin(), selected.end(), choice) != selected.end();
        ImGui::PushID(index);
        if (ImGui::Checkbox(choice.c_str(), &checked)) toggled = index;
        c.target_choice_box((size_t)index);
        ImGui::PopID();
        ++index;
    }
    c.target_widget(top_left, ImGui::GetItemRectMax());
    ImGui::EndDisabled();
    if (toggled >= 0) {
        // The new selection, in the choices' order.
        StringList next;
        const StringList& choices = choices_of(c);
        for (int i = 0; i < (int)choices.size(); ++i) {
            const bool was = std::find(selected.begin(), selected.end(), choices[i]) != selected.end();
            if (i == toggled ? !was : was) next.push_back(choices[i]);
        }
        c.user_set(std::move(next));
    }
}

}  // namespace imgr
