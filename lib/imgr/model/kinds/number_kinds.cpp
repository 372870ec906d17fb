// Number and Slider: a double. A script sets a JSON number (clamping and
// snapping are the engine's, coerce_value.h); compared within the tolerance.
#include "imgr/model/kinds/core_kinds.h"

#include <cmath>

namespace imgr::kinds {

namespace {

ValueOrError number_from_script(ComponentKind kind, const KindProps&, const Json& json) {
    if (!json.is_number()) return needs(kind, "a number", json);
    return Value(json.get<double>());
}

// The cell format_number() wrote: shortest form, "nan", "inf", "-inf".
ValueOrError number_from_cell(ComponentKind kind, const KindProps&, const std::string& cell) {
    try {
        size_t used = 0;
        const double number = std::stod(cell, &used);
        if (used == cell.size()) return Value(number);
    } catch (const std::exception&) {
    }
    return "'" + cell + "' is not a value a " + kind_name(kind) + " can take";
}

Comparison compare_numbers(const Value& expected, const Value& actual, const CompareOptions& options) {
    const double x = std::get<double>(expected), y = std::get<double>(actual);
    if (numbers_close(x, y, options.tolerance)) return {};
    return {false, format_number(x) + " -> " + format_number(y)};
}

Check expect_number(const Value& actual, const Json& expected, const CompareOptions& options) {
    const double d = std::get<double>(actual);
    if (expected.is_number())
        return verdict(compare_numbers(Value(expected.get<double>()), actual, options), expected, format_number(d));
    if (number_matches(d, expected, options.tolerance)) return Check();
    const bool names_non_finite = expected.is_string() && (expected.get_ref<const std::string&>() == "nan" ||
                                                           expected.get_ref<const std::string&>() == "inf" ||
                                                           expected.get_ref<const std::string&>() == "-inf");
    return mismatch(expected, format_number(d),
                    names_non_finite ? nullptr : "a number is written without quotes; only \"nan\", \"inf\", \"-inf\" are quoted");
}

}  // namespace

KindTraits number() {
    return {.name = "Number",
            .default_value = [](const KindProps&) { return Value(0.0); },
            .from_script = number_from_script,
            .from_cell = number_from_cell,
            .compare = compare_numbers,
            .expect = expect_number};
}

KindTraits slider() {
    KindTraits traits = number();
    traits.name = "Slider";
    traits.default_value = [](const KindProps& props) {
        const auto* slider = std::get_if<SliderProps>(&props);
        return Value(slider ? slider->minimum : 0.0);
    };
    return traits;
}

}  // namespace imgr::kinds
