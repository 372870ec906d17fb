// ColorPicker: RGBA 0..1, written "#rrggbb" (or "#rrggbbaa") and compared at
// 8 bits a channel, as it is flagged.
#include "imgr/model/kinds/core_kinds.h"

namespace imgr::kinds {

namespace {

ValueOrError color_from_script(ComponentKind kind, const KindProps&, const Json& json) {
    std::optional<Color> color;
    if (json.is_string()) color = color_from_hex(json.get_ref<const std::string&>());
    if (!color) return needs(kind, "a colour \"#rrggbb\"", json);
    return Value(*color);
}

ValueOrError color_from_cell(ComponentKind kind, const KindProps&, const std::string& cell) {
    if (auto color = color_from_hex(cell)) return Value(*color);
    return not_a_value(kind, cell);
}

Comparison compare_colors(const Value& expected, const Value& actual, const CompareOptions&) {
    const std::string before = color_to_hex(std::get<Color>(expected)), after = color_to_hex(std::get<Color>(actual));
    if (before == after) return {};
    return {false, before + " -> " + after};
}

Check expect_color(const Value& actual, const Json& expected, const CompareOptions& options) {
    const std::string got = json_text(Json(color_to_hex(std::get<Color>(actual))));
    std::optional<Color> wanted;
    if (expected.is_string()) wanted = color_from_hex(expected.get_ref<const std::string&>());
    if (!wanted) return mismatch(expected, got, "a colour is compared with \"#rrggbb\"");
    return verdict(compare_colors(Value(*wanted), actual, options), expected, got);
}

}  // namespace

KindTraits color_picker() {
    return {.name = "ColorPicker",
            .default_value = [](const KindProps&) { return Value(Color{}); },
            .from_script = color_from_script,
            .from_cell = color_from_cell,
            .compare = compare_colors,
            .expect = expect_color};
}

}  // namespace imgr::kinds
