// Textbox: single line (Enter submits) or several lines (Ctrl+Enter submits,
// Enter types a line break); growing from `lines` up to `max_lines`.
#include <imgui_internal.h>  // GetActiveID: not to overwrite what is being typed
#include <imgui_stdlib.h>

#include <algorithm>

#include "imgr/view/component_context.h"

namespace imgr {
namespace {
bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
}
}  // namespace

void draw_textbox(const ComponentContext& c) {
    const auto& props = std::get<TextboxProps>(c.spec().props);
    const std::string& value = std::get<std::string>(c.state.spec.value);
    const bool editing = ImGui::GetActiveID() == ImGui::GetID("##value");
    if (c.value_changed() && !editing) c.cache.text = value;

    ImGuiInputTextFlags flags = 0;
    if (!c.interactive) flags |= ImGuiInputTextFlags_ReadOnly;
    if (props.password) flags |= ImGuiInputTextFlags_Password;
    bool edited = false;
    if (props.lines <= 1 || props.password) {
        ImGui::SetNextItemWidth(c.width);
        edited = ImGui::InputTextWithHint("##value", props.placeholder.c_str(), &c.cache.text, flags);
        c.target_widget();
        if (edited) c.user_set(c.cache.text);
        if (ImGui::IsItemDeactivated() && enter_pressed() && c.interactive) c.fire(Event::Submit);
        return;
    }
    const int shown_lines = std::clamp((int)std::count(c.cache.text.begin(), c.cache.text.end(), '\n') + 1,
                                       props.lines, std::max(props.lines, props.max_lines));
    const float height = ImGui::GetTextLineHeight() * (float)shown_lines + ImGui::GetStyle().FramePadding.y * 2;
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    edited = ImGui::InputTextMultiline("##value", &c.cache.text, ImVec2(c.width, height), flags);
    c.target_widget();
    const bool active = ImGui::IsItemActive();
    if (edited) c.user_set(c.cache.text);
    // Ctrl+Enter also ends the editing, so the field is no longer active in that frame.
    if ((active || ImGui::IsItemDeactivated()) && ImGui::GetIO().KeyCtrl && enter_pressed() && c.interactive)
        c.fire(Event::Submit);
    if (c.cache.text.empty() && !props.placeholder.empty() && !active) {
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(top_left.x + padding.x, top_left.y + padding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), props.placeholder.c_str());
    }
}

}  // namespace imgr
