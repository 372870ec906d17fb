// Radio, Dropdown, CheckboxGroup and Checkbox: choosing. A single choice is a
// string (compared as text), several a StringList in the order chosen
// (compared exactly), a Checkbox a bool. A script's choice must be one of the
// choices; a flagged one is read back as it was, offered or not.
#include "imgr/model/kinds/core_kinds.h"

#include <algorithm>

namespace imgr::kinds {

namespace {

const StringList& choices_of(const KindProps& props) {
    static const StringList none;
    const auto* choice = std::get_if<ChoiceProps>(&props);
    return choice ? choice->choices : none;
}

bool multiselect(const KindProps& props) {
    const auto* choice = std::get_if<ChoiceProps>(&props);
    return choice && choice->multiselect;
}

std::string choice_list(const StringList& choices) {
    if (choices.empty()) return "(it has none)";
    std::string list;
    for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + json_text(Json(choice));
    return list;
}

bool is_choice(const StringList& choices, const std::string& s) {
    return std::find(choices.begin(), choices.end(), s) != choices.end();
}

std::string not_a_choice(const std::string& s, const StringList& choices) {
    return json_text(Json(s)) + " is not one of the choices: " + choice_list(choices);
}

ValueOrError one_choice(ComponentKind kind, const KindProps& props, const Json& json) {
    const StringList& choices = choices_of(props);
    if (json.is_null()) return Value(std::string());
    if (!json.is_string()) return needs(kind, "one of its choices as a string (" + choice_list(choices) + ")", json);
    const auto& s = json.get_ref<const std::string&>();
    if (!is_choice(choices, s)) return not_a_choice(s, choices);
    return Value(s);
}

ValueOrError many_choices(ComponentKind kind, const KindProps& props, const Json& json) {
    const StringList& choices = choices_of(props);
    const bool strings = json.is_array() && std::all_of(json.begin(), json.end(), [](const Json& j) { return j.is_string(); });
    if (!strings) return needs(kind, "an array of strings", json);
    StringList chosen;
    for (const Json& item : json) {
        const auto& s = item.get_ref<const std::string&>();
        if (!is_choice(choices, s)) return not_a_choice(s, choices);
        // A box is either ticked or not: a repeat is a typo, not a second tick.
        if (is_choice(chosen, s)) return json_text(item) + " is listed twice";
        chosen.push_back(s);
    }
    return Value(std::move(chosen));
}

// Flagged as the JSON array to_cell() writes.
ValueOrError list_from_cell(ComponentKind kind, const KindProps&, const std::string& cell) {
    try {
        return Value(cell_json(cell).get<StringList>());
    } catch (const std::exception&) {
        return not_a_value(kind, cell);
    }
}

// A single choice: a flagged cell that is not one of the app's choices cannot
// be a value this component holds (a folder from another version of the app).
ValueOrError choice_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell) {
    const StringList& choices = choices_of(props);
    if (!choices.empty() && !is_choice(choices, cell))
        return not_a_value(kind, cell) + ": it is not one of the choices (" + choice_list(choices) + ")";
    return Value(cell);
}

Comparison compare_lists(const Value& expected, const Value& actual, const CompareOptions&) {
    if (expected == actual) return {};
    return differs(expected, actual);
}

Check expect_list(const Value& actual, const Json& expected, const CompareOptions& options) {
    const std::string got = json_text(Json(std::get<StringList>(actual)));
    const bool of_strings =
        expected.is_array() && std::all_of(expected.begin(), expected.end(), [](const Json& j) { return j.is_string(); });
    if (!of_strings) return mismatch(expected, got, "a list of choices is an array of strings: [\"a\", \"b\"]");
    return verdict(compare_lists(Value(expected.get<StringList>()), actual, options), expected, got);
}

Value empty_list(const KindProps&) { return StringList{}; }

}  // namespace

KindTraits radio() {
    return {.name = "Radio",
            .default_value = [](const KindProps&) { return Value(std::string()); },
            .from_script = one_choice,
            .from_cell = choice_from_cell,
            .compare = compare_text,
            .expect = expect_text};
}

KindTraits checkbox_group() {
    return {.name = "CheckboxGroup",
            .default_value = empty_list,
            .from_script = many_choices,
            .from_cell = list_from_cell,
            .compare = compare_lists,
            .expect = expect_list};
}

// One choice, or (multiselect) several: the value type follows the props, so each answer asks them.
KindTraits dropdown() {
    return {.name = "Dropdown",
            .default_value = [](const KindProps& props) { return multiselect(props) ? Value(StringList{}) : Value(std::string()); },
            .correctable = [](const KindProps& props) { return !multiselect(props); },  // one choice
            .from_script = [](ComponentKind kind, const KindProps& props, const Json& json) {
                return multiselect(props) ? many_choices(kind, props, json) : one_choice(kind, props, json);
            },
            .from_cell = [](ComponentKind kind, const KindProps& props, const std::string& cell) {
                return multiselect(props) ? list_from_cell(kind, props, cell) : choice_from_cell(kind, props, cell);
            },
            .compare = [](const Value& expected, const Value& actual, const CompareOptions& options) {
                return std::holds_alternative<StringList>(expected) ? compare_lists(expected, actual, options)
                                                                    : compare_text(expected, actual, options);
            },
            .expect = [](const Value& actual, const Json& expected, const CompareOptions& options) {
                return std::holds_alternative<StringList>(actual) ? expect_list(actual, expected, options)
                                                                  : expect_text(actual, expected, options);
            }};
}

KindTraits checkbox() {
    return {.name = "Checkbox",
            .default_value = [](const KindProps&) { return Value(false); },
            .from_script = [](ComponentKind kind, const KindProps&, const Json& json) {
                if (!json.is_boolean()) return ValueOrError(needs(kind, "true or false", json));
                return ValueOrError(Value(json.get<bool>()));
            },
            .from_cell = [](ComponentKind, const KindProps&, const std::string& cell) { return ValueOrError(Value(cell == "true")); },
            .compare = [](const Value& expected, const Value& actual, const CompareOptions&) {
                return expected == actual ? Comparison{} : differs(expected, actual);
            },
            .expect = [](const Value& actual, const Json& expected, const CompareOptions&) {
                const bool b = std::get<bool>(actual);
                if (!expected.is_boolean()) return Check(mismatch(expected, b ? "true" : "false", "true or false, without quotes"));
                return expected.get<bool>() == b ? Check() : Check(mismatch(expected, b ? "true" : "false"));
            }};
}

}  // namespace imgr::kinds
