#include "imgr/driver/value_from_json.h"

#include <algorithm>

namespace imgr {

namespace {

std::string show(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string needs(ComponentKind kind, const std::string& what, const Json& got) {
    return std::string(kind_name(kind)) + " needs " + what + ", got " + show(got);
}

std::string choice_list(const StringList& choices) {
    if (choices.empty()) return "(it has none)";
    std::string list;
    for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + show(Json(choice));
    return list;
}

bool is_choice(const StringList& choices, const std::string& s) {
    return std::find(choices.begin(), choices.end(), s) != choices.end();
}

std::string not_a_choice(const std::string& s, const StringList& choices) {
    return show(Json(s)) + " is not one of the choices: " + choice_list(choices);
}

SetValueResult one_choice(ComponentKind kind, const StringList& choices, const Json& json) {
    if (json.is_null()) return Value(std::string());
    if (!json.is_string()) return needs(kind, "one of its choices as a string (" + choice_list(choices) + ")", json);
    const auto& s = json.get_ref<const std::string&>();
    if (!is_choice(choices, s)) return not_a_choice(s, choices);
    return Value(s);
}

SetValueResult many_choices(ComponentKind kind, const StringList& choices, const Json& json) {
    const bool strings = json.is_array() && std::all_of(json.begin(), json.end(), [](const Json& j) { return j.is_string(); });
    if (!strings) return needs(kind, "an array of strings", json);
    StringList chosen;
    for (const Json& item : json) {
        const auto& s = item.get_ref<const std::string&>();
        if (!is_choice(choices, s)) return not_a_choice(s, choices);
        // A box is either ticked or not: a repeat is a typo, not a second tick.
        if (is_choice(chosen, s)) return show(item) + " is listed twice";
        chosen.push_back(s);
    }
    return Value(std::move(chosen));
}

}  // namespace

SetValueResult value_for_set(ComponentKind kind, const KindProps& props, const Json& json) {
    static const ChoiceProps no_choices;
    const auto* found = std::get_if<ChoiceProps>(&props);
    const ChoiceProps& choice = found ? *found : no_choices;
    switch (kind) {
        case ComponentKind::Number:
        case ComponentKind::Slider:
            if (!json.is_number()) return needs(kind, "a number", json);
            return Value(json.get<double>());
        case ComponentKind::Radio: return one_choice(kind, choice.choices, json);
        case ComponentKind::Dropdown:
            return choice.multiselect ? many_choices(kind, choice.choices, json) : one_choice(kind, choice.choices, json);
        case ComponentKind::CheckboxGroup: return many_choices(kind, choice.choices, json);
        case ComponentKind::Checkbox:
            if (!json.is_boolean()) return needs(kind, "true or false", json);
            return Value(json.get<bool>());
        case ComponentKind::Textbox:
        case ComponentKind::Markdown:
            if (!json.is_string()) return needs(kind, "a string", json);
            return Value(json.get<std::string>());
        case ComponentKind::ColorPicker: {
            std::optional<Color> color;
            if (json.is_string()) color = color_from_hex(json.get_ref<const std::string&>());
            if (!color) return needs(kind, "a colour \"#rrggbb\"", json);
            return Value(*color);
        }
        case ComponentKind::Json: return Value(std::in_place_type<Json>, json);
        case ComponentKind::Image: return std::string("use upload for images");
        case ComponentKind::Audio: return std::string("use upload for audio");
        case ComponentKind::Video: return std::string("use upload for videos (and click \"label\" at T to seek)");
        case ComponentKind::Button: return std::string("Button is not settable: use click");
        case ComponentKind::Label:
        case ComponentKind::Plot:
        case ComponentKind::Dataframe:
        case ComponentKind::Chatbot:
        case ComponentKind::AnnotatedImage:
        case ComponentKind::ImageSlider:
        case ComponentKind::Gallery:
            return std::string(kind_name(kind)) + " is not settable: it shows what handlers return";
    }
    return std::string(kind_name(kind)) + " is not settable";
}

}  // namespace imgr
