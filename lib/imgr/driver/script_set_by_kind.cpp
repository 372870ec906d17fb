// `set "label" VALUE` as a person would do it, by the component's kind: drag a
// slider, click choices, open a dropdown and pick, type into a text field.
#include "imgr/driver/script_player.h"
#include "imgr/driver/script_player_pace.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>

#include "imgr/model/utf8.h"

namespace imgr {

using namespace script_pace;

namespace {

// What ImGui's text fields accept as typed characters (InputTextFilterCharacter).
bool typable(uint32_t cp, bool multiline) {
    if (cp == '\n') return multiline;
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use: ImGui drops them
    return cp <= IM_UNICODE_CODEPOINT_MAX;
}

// The text split into what can be typed, one string per character.
std::vector<std::string> typable_characters(const std::string& text, bool multiline, bool& dropped) {
    std::vector<std::string> out;
    dropped = false;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const Utf8Char c = utf8_decode(text, i);
        i += c.length ? c.length : 1;  // an invalid byte: U+FFFD, one byte at a time
        if (typable(c.codepoint, multiline))
            out.push_back(text.substr(start, i - start));
        else
            dropped = true;
    }
    return out;
}


ImGuiWindow* open_combo_list() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.Size == 0) return nullptr;
    ImGuiWindow* window = g.OpenPopupStack.back().Window;
    if (!window || !window->Active || window->Hidden) return nullptr;
    if (std::string_view(window->Name).rfind("##Combo_", 0) != 0) return nullptr;
    return window;
}

}  // namespace

// --- set, by kind ---------------------------------------------------------------

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_steps(ComponentId id, const Value& value) {
    std::vector<StepFn> steps;
    if (!reachable(id)) {
        missed("it is not drawn where the pointer can go");
    } else {
        const ComponentState& state = engine().component(id);
        switch (state.spec.kind) {
            case ComponentKind::Slider: steps = set_slider(id, std::get<double>(value)); break;
            case ComponentKind::Number: steps = set_text(id, format_number(std::get<double>(value)), true); break;
            case ComponentKind::Textbox: steps = set_text(id, std::get<std::string>(value), false); break;
            case ComponentKind::Checkbox: steps = set_checkbox(id, std::get<bool>(value)); break;
            case ComponentKind::Radio:
            case ComponentKind::CheckboxGroup: steps = set_choices(id, value); break;
            case ComponentKind::Dropdown: steps = set_dropdown(id, value); break;
            default:
                // Colours, JSON, Markdown: the pointer shows where, the engine takes the value.
                steps.push_back(move_to([this, id] { return widget_center(id); }));
                steps.push_back(pause(kHoverPause));
                break;
        }
    }
    steps.push_back(finish_set(id, value));
    steps.push_back(pause(kAfterAction));
    steps.push_back(frames(1));  // what a click changed shows from the frame after it
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_slider(ComponentId id, double value) {
    const SliderProps props = std::get<SliderProps>(engine().component(id).spec.props);
    const double current = std::get<double>(engine().component(id).spec.value);
    if (!target(id).slider) {
        missed("the slider's grab was not drawn");
        return {};
    }
    auto at = [this, id](double v) {
        return [this, id, v] {
            const ComponentTargets& t = target(id);
            return ImVec2(t.slider_x(v), t.widget.center().y);
        };
    };
    // The grab glides as far as it goes, a little slower over long distances.
    const double fraction = props.maximum != props.minimum
                                ? std::fabs(value - current) / std::fabs(props.maximum - props.minimum)
                                : 0.0;
    // ImGui maps the pointer to a value through a float ratio, so the drag lands
    // within a rounding error of the value; the engine takes the exact value in
    // the frame the button is let go, so that release already sees it (a frame
    // still held would drag it back).
    auto release_at_value = [this, id, value]() {
        if (engine().set_from_user(id, value)) ++engine_sets_;
        mouse_down_ = false;
        return Step::Done;
    };
    return {move_to(at(current)), pause(kHoverPause), press(),
            move_to(at(value), 0.35 + 0.45 * std::min(1.0, fraction)), pause(kHoldPause), release_at_value};
}

// The choices that a set changes: the new one for a Radio or a single Dropdown,
// each that changes for a CheckboxGroup or a multiselect Dropdown.
static std::vector<size_t> choices_to_click(const ComponentSpec& spec, const Value& value) {
    const StringList& choices = std::get<ChoiceProps>(spec.props).choices;
    std::vector<size_t> clicks;
    if (auto* wanted = std::get_if<std::string>(&value)) {
        const auto it = std::find(choices.begin(), choices.end(), *wanted);
        if (it != choices.end() && *wanted != std::get<std::string>(spec.value)) clicks.push_back((size_t)(it - choices.begin()));
        return clicks;
    }
    const StringList& wanted = std::get<StringList>(value);
    const StringList& current = std::get<StringList>(spec.value);
    for (size_t i = 0; i < choices.size(); ++i) {
        const bool want = std::find(wanted.begin(), wanted.end(), choices[i]) != wanted.end();
        const bool have = std::find(current.begin(), current.end(), choices[i]) != current.end();
        if (want != have) clicks.push_back(i);
    }
    return clicks;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_choices(ComponentId id, const Value& value) {
    std::vector<StepFn> steps;
    for (size_t index : choices_to_click(engine().component(id).spec, value)) {
        if (index >= target(id).choices.size()) {  // not drawn: the engine takes the value
            missed("a choice was not drawn");
            return {};
        }
        for (StepFn& step : click_at([this, id, index] { return target(id).choices[index].center(); }))
            steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_checkbox(ComponentId id, bool value) {
    if (std::get<bool>(engine().component(id).spec.value) == value) return {};
    if (target(id).choices.empty()) {
        missed("the checkbox was not drawn");
        return {};
    }
    return click_at([this, id] { return target(id).choices[0].center(); });
}

// Opens the list, clicks the choices, and closes the list when it stays open.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_dropdown(ComponentId id, const Value& value) {
    const ComponentSpec& spec = engine().component(id).spec;
    const std::vector<size_t> clicks = choices_to_click(spec, value);
    if (clicks.empty()) return {};
    const bool multiselect = std::get<ChoiceProps>(spec.props).multiselect;
    std::vector<StepFn> steps = click_at([this, id] { return widget_center(id); });
    int waited = 0;
    steps.push_back([=, this]() mutable {
        if (!open_combo_list() || !ActionTargets::drawn_now(target(id).choices_frame)) {
            if (++waited < kPopupFrames) return Step::Continue;
            missed("the dropdown's list did not open");
            return Step::DoneNow;
        }
        insert_steps(pick_in_list(id, clicks, multiselect));
        return Step::DoneNow;
    });
    // A list still open (the choice was not found) is closed before the engine takes the value.
    steps.push_back([this, id]() {
        if (open_combo_list()) {
            missed("the dropdown's list stayed open");
            insert_steps(click_away(id));
        }
        return Step::DoneNow;
    });
    return steps;
}

// In an open list: each choice scrolled into the list's view, then clicked.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::pick_in_list(ComponentId id, const std::vector<size_t>& clicks,
                                                             bool multiselect) {
    auto choice = [this, id](size_t index) -> std::optional<TargetRect> {
        const ComponentTargets& t = target(id);
        if (!ActionTargets::drawn_now(t.choices_frame) || index >= t.choices.size()) return std::nullopt;
        return t.choices[index];
    };
    std::vector<StepFn> steps;
    for (size_t index : clicks) {
        int scrolls = 0;
        steps.push_back([this, choice, index, scrolls]() mutable {
            ImGuiWindow* list = open_combo_list();
            const std::optional<TargetRect> r = choice(index);
            if (!list || !r || ++scrolls > kPopupFrames) {
                missed("a choice in the dropdown's list was not drawn");
                return Step::DoneNow;
            }
            const ImRect clip = list->InnerClipRect;
            if (r->min.y >= clip.Min.y && r->max.y <= clip.Max.y) return Step::DoneNow;
            const float centre = (clip.Min.y + clip.Max.y) * 0.5f;
            ImGui::SetScrollY(list, std::clamp(list->Scroll.y + r->center().y - centre, 0.0f, list->ScrollMax.y));
            return Step::Done;  // the list is drawn scrolled in the next frame
        });
        const ImVec2 fallback = pointer_;
        for (StepFn& step : click_at([choice, index, fallback] {
                 const std::optional<TargetRect> r = choice(index);
                 return r ? r->center() : fallback;
             }))
            steps.push_back(std::move(step));
    }
    if (multiselect)
        for (StepFn& step : click_away(id)) steps.push_back(std::move(step));
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_text(ComponentId id, const std::string& text, bool is_number) {
    bool multiline = false;
    if (auto* props = std::get_if<TextboxProps>(&engine().component(id).spec.props))
        multiline = props->lines > 1 && !props->password;
    bool dropped = false;
    std::vector<std::string> characters = typable_characters(text, multiline, dropped);
    std::vector<StepFn> steps = click_at([this, id] { return widget_center(id); });
    steps.push_back([=, this]() {
        // Type only into a field that took the click; otherwise the engine takes the value.
        ImGuiContext& g = *GImGui;
        if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) {
            missed("the field did not take the click");
            return Step::DoneNow;
        }
        std::vector<StepFn> typing{key(ImGuiKey_A, true)};  // select all: the text replaces it
        if (text.empty())
            typing.push_back(key(ImGuiKey_Backspace, false));
        else
            typing.push_back(type(characters));
        typing.push_back(frames(1));  // ImGui shows text typed in a frame from the next one
        if (is_number) {
            typing.push_back(key(ImGuiKey_Enter, false));  // done: the field shows the number as kept
        } else if (dropped) {
            // Characters ImGui cannot type: leave the field, then the engine takes the exact text.
            for (StepFn& step : click_away(id)) typing.push_back(std::move(step));
        }
        insert_steps(std::move(typing));
        return Step::DoneNow;
    });
    return steps;
}

// The centres of a Radio's or CheckboxGroup's choices, laid out as the view
// flows them (choice_views.cpp); nothing when that does not end where the view's

}  // namespace imgr
