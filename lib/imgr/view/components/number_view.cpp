// Number: a text field that accepts only numbers, with - and + step buttons.
// Typing keeps the old value until the text parses; out-of-range entries are
// clamped and the person is told.
#include <imgui_internal.h>  // GetActiveID: not to overwrite what is being typed
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdlib>

#include "imgr/model/decimal_step.h"
#include "imgr/view/component_context.h"

namespace imgr {

void ComponentContext::show_hint(std::string text, bool is_error, double seconds) const {
    cache.hint = std::move(text);
    cache.hint_is_error = is_error;
    cache.hint_until = ImGui::GetTime() + seconds;
}

namespace {

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

// Sets the value, telling the person when the component clamped it.
void set_number(const ComponentContext& c, double wanted) {
    c.user_set(wanted);
    const double kept = std::get<double>(c.state.spec.value);
    if (kept != wanted && !(std::isnan(kept) && std::isnan(wanted))) {
        const auto& props = std::get<NumberProps>(c.spec().props);
        const bool precision_only = (!props.minimum || wanted >= *props.minimum) && (!props.maximum || wanted <= *props.maximum);
        if (!precision_only)
            c.show_hint("clamped to " + format_number(kept) + (props.minimum && kept == *props.minimum ? " (minimum)" : " (maximum)"),
                        false);
    }
}

}  // namespace

void draw_number(const ComponentContext& c) {
    const double value = std::get<double>(c.state.spec.value);
    const auto& props = std::get<NumberProps>(c.spec().props);
    const bool editing = ImGui::GetActiveID() == ImGui::GetID("##value");
    if (c.value_changed() && !editing) c.cache.text = format_number(value);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::GetFrameHeight();
    const bool with_steps = c.interactive && props.step > 0;
    const float field = with_steps ? c.width - 2 * (button + style.ItemInnerSpacing.x) : c.width;
    ImGui::SetNextItemWidth(field);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_AutoSelectAll;
    if (!c.interactive) flags |= ImGuiInputTextFlags_ReadOnly;
    if (ImGui::InputText("##value", &c.cache.text, flags)) {
        if (auto parsed = parse_number(c.cache.text)) set_number(c, *parsed);
    }
    c.target_widget();
    if (ImGui::IsItemDeactivated()) {
        if (!parse_number(c.cache.text))
            c.show_hint("'" + c.cache.text + "' is not a number; kept " + format_number(std::get<double>(c.state.spec.value)), true);
        c.cache.text = format_number(std::get<double>(c.state.spec.value));
    }
    if (with_steps) {
        // A step is counted in decimal, as a person counts: 0.1 + 0.2 gives 0.3, not 0.30000000000000004.
        bool stepped = false;
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        if (ImGui::Button("-", ImVec2(button, button))) {
            set_number(c, snap_to_step(value - props.step, value, props.step));
            stepped = true;
        }
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        if (ImGui::Button("+", ImVec2(button, button))) {
            set_number(c, snap_to_step(value + props.step, value, props.step));
            stepped = true;
        }
        // Only on a step: formatting the number every frame cost a string per Number per frame.
        if (stepped && !editing) c.cache.text = format_number(std::get<double>(c.state.spec.value));
    }
}

}  // namespace imgr
