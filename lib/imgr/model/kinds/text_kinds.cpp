// Textbox, Markdown and Button: a string. Text compares exactly, with a short
// character diff; every kind whose value is a string (the single choices too)
// compares with compare_text. Also the helpers the units share.
#include "imgr/model/kinds/core_kinds.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <stdexcept>

namespace imgr::kinds {

std::string json_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

double json_number(const Json& j) {
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) return std::stod(j.get<std::string>());
    throw std::invalid_argument("not a number");
}

std::string needs(ComponentKind kind, const std::string& what, const Json& got) {
    return std::string(kind_name(kind)) + " needs " + what + ", got " + json_text(got);
}

std::string not_a_value(ComponentKind kind, const std::string& cell) {
    return "'" + printable(shortened(cell)) + "' is not a value a " + kind_name(kind) + " can take";
}

Json cell_json(const std::string& cell) {
    check_json_nesting(cell);
    return Json::parse(cell);
}

ValueOrError shows_handler_output(ComponentKind kind, const KindProps&, const Json&) {
    return std::string(kind_name(kind)) + " is not settable: it shows what handlers return";
}

Comparison compare_text(const Value& expected, const Value& actual, const CompareOptions&) {
    const std::string& x = std::get<std::string>(expected);
    const std::string& y = std::get<std::string>(actual);
    if (x == y) return {};
    return {false, text_diff(x, y)};
}

Check expect_text(const Value& actual, const Json& expected, const CompareOptions& options) {
    const std::string got = json_text(Json(std::get<std::string>(actual)));
    if (!expected.is_string()) return mismatch(expected, got, "text is a JSON string, in double quotes");
    return verdict(compare_text(Value(expected.get<std::string>()), actual, options), expected, got);
}

ValueOrError text_from_cell(ComponentKind, const KindProps&, const std::string& cell) { return Value(cell); }

Comparison compare_as_json(const Value& expected, const Value& actual, const CompareOptions& options) {
    const std::string d = json_difference(to_json(expected), to_json(actual), options.tolerance);
    return {d.empty(), d};
}

Check expect_as_json(const Value& actual, const Json& expected, const CompareOptions& options) {
    const Json json = to_json(actual);
    return json_difference(expected, json, options.tolerance).empty() ? Check() : mismatch(expected, show_expected(json));
}

namespace {

Value empty_text(const KindProps&) { return std::string(); }

ValueOrError text_from_script(ComponentKind kind, const KindProps&, const Json& json) {
    if (!json.is_string()) return needs(kind, "a string", json);
    return Value(json.get<std::string>());
}

}  // namespace

KindTraits textbox() {
    return {.name = "Textbox",
            .default_value = empty_text,
            .correctable = [](const KindProps&) { return true; },
            .from_script = text_from_script,
            .from_cell = text_from_cell,
            .compare = compare_text,
            .expect = expect_text};
}

KindTraits markdown() {
    KindTraits traits = textbox();
    traits.name = "Markdown";
    traits.correctable = nullptr;
    return traits;
}

// A Button's value is its text; a script clicks it rather than setting it.
KindTraits button() {
    KindTraits traits = textbox();
    traits.name = "Button";
    traits.correctable = nullptr;
    traits.from_script = [](ComponentKind, const KindProps&, const Json&) {
        return ValueOrError(std::string("Button is not settable: use click"));
    };
    return traits;
}

}  // namespace imgr::kinds
