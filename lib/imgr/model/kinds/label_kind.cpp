// Label: a class name and optionally class -> confidence. Flagged as the
// class name, or as JSON with the confidences; compared by top class, then by
// the confidences the flag kept (within the tolerance).
#include "imgr/model/kinds/core_kinds.h"

#include <map>

namespace imgr::kinds {

namespace {

// A plain class name, or the JSON to_cell() writes with confidences.
ValueOrError label_from_cell(ComponentKind kind, const KindProps&, const std::string& cell) {
    if (cell.empty() || cell[0] != '{') return Value(LabelValue(cell));
    try {
        const Json j = cell_json(cell);
        LabelValue value;
        if (j.contains("confidences")) {
            for (const Json& c : j.at("confidences"))
                value.confidences.emplace_back(c.at("label").get<std::string>(), json_number(c.at("confidence")));
        }
        // to_json() writes the top class as "label": kept when it is not the confidences' own top
        // class (a handler's explicit label), so a value reads back as the one flagged.
        const std::string label = j.value("label", "");
        if (label != top_class(value)) value.label = label;
        return Value(std::move(value));
    } catch (const std::exception&) {
        return not_a_value(kind, cell);
    }
}

Comparison compare_labels(const Value& expected_value, const Value& actual_value, const CompareOptions& options) {
    const LabelValue& expected = std::get<LabelValue>(expected_value);
    const LabelValue& actual = std::get<LabelValue>(actual_value);
    const std::string top_before = top_class(expected), top_after = top_class(actual);
    if (top_before != top_after) return {false, quoted(top_before) + " -> " + quoted(top_after)};
    // Confidences are compared when the flag kept them (a plain class name flags none).
    if (expected.confidences.empty()) return {};
    std::map<std::string, double> after(actual.confidences.begin(), actual.confidences.end());
    for (const auto& [name, before] : expected.confidences) {
        const auto it = after.find(name);
        if (it == after.end()) return {false, "class " + quoted(name) + " is gone"};
        if (!numbers_close(before, it->second, options.tolerance))
            return {false, "confidence of " + quoted(name) + " " + format_number(before) + " -> " + format_number(it->second)};
    }
    if (after.size() != expected.confidences.size())
        return {false, std::to_string(expected.confidences.size()) + " classes -> " + std::to_string(after.size())};
    return {};
}

// A class name (the top class, as replay compares it first), or {"class": confidence, ...}:
// the same classes, each confidence within the tolerance.
Check expect_label(const Value& actual, const Json& expected, const CompareOptions& options) {
    const LabelValue& value = std::get<LabelValue>(actual);
    if (expected.is_string()) {
        const std::string shown_class = top_class(value);
        return verdict(compare_labels(Value(LabelValue(expected.get<std::string>())), Value(LabelValue(shown_class)), options),
                       expected, json_text(Json(shown_class)));
    }
    Json confidences = Json::object();
    for (const auto& [name, score] : value.confidences) confidences[name] = to_json(Value(score));
    if (expected.is_object()) {
        // Classes are names, so a class listed twice in the value cannot be matched by an object: it fails.
        bool same = expected.size() == value.confidences.size();
        for (const auto& [name, score] : value.confidences) {
            auto other = expected.find(name);
            same = same && other != expected.end() && number_matches(score, *other, options.tolerance);
        }
        return same ? Check() : mismatch(expected, json_text(confidences));
    }
    if (expected.is_null()) return value == LabelValue() ? Check() : mismatch(expected, json_text(to_json(actual)));
    return mismatch(expected, json_text(to_json(actual)),
                    "a Label is compared with a class name or with {\"class\": confidence, ...}");
}

}  // namespace

KindTraits label() {
    return {.name = "Label",
            .default_value = [](const KindProps&) { return Value(LabelValue{}); },
            .correctable = [](const KindProps&) { return true; },  // by choosing its top class
            .from_script = shows_handler_output,
            .from_cell = label_from_cell,
            .compare = compare_labels,
            .expect = expect_label};
}

}  // namespace imgr::kinds
