// Number and Slider: a double. A script sets a JSON number (clamping and
// snapping are the engine's, coerce_value.h); compared within the tolerance.
#include "imgr/model/kinds/core_kinds.h"

#include "imgr/model/decimal_step.h"

#include <algorithm>
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
    return not_a_value(kind, cell);
}

// Clamped to minimum and maximum, rounded to the precision.
Value coerce_number(const KindProps& props, Value value) {
    auto* d = std::get_if<double>(&value);
    const auto* number = std::get_if<NumberProps>(&props);
    if (!d || !number) return value;
    if (number->minimum && *d < *number->minimum) *d = *number->minimum;
    if (number->maximum && *d > *number->maximum) *d = *number->maximum;
    if (number->precision >= 0 && std::isfinite(*d)) {
        const double factor = std::pow(10.0, number->precision);
        *d = std::round(*d * factor) / factor;
    }
    return value;
}

// Clamped to the range and snapped to the step; NaN becomes the minimum.
Value coerce_slider(const KindProps& props, Value value) {
    auto* d = std::get_if<double>(&value);
    const auto* slider = std::get_if<SliderProps>(&props);
    if (!d || !slider) return value;
    const double low = std::min(slider->minimum, slider->maximum), high = std::max(slider->minimum, slider->maximum);
    if (std::isnan(*d)) *d = slider->minimum;
    *d = std::clamp(*d, low, high);
    if (slider->step > 0) *d = std::min(snap_to_step(*d, slider->minimum, slider->step), high);
    return value;
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
            .coerce = coerce_number,
            .correctable = [](const KindProps&) { return true; },
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
    traits.coerce = coerce_slider;
    traits.correctable = nullptr;
    return traits;
}

}  // namespace imgr::kinds
