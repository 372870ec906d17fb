#include "imgr/model/coerce_value.h"

#include "imgr/model/decimal_step.h"

#include <algorithm>
#include <cmath>

namespace imgr {

Value coerce_value(const KindProps& props, Value value) {
    auto* d = std::get_if<double>(&value);
    if (!d) return value;
    if (auto* number = std::get_if<NumberProps>(&props)) {
        if (number->minimum && *d < *number->minimum) *d = *number->minimum;
        if (number->maximum && *d > *number->maximum) *d = *number->maximum;
        if (number->precision >= 0 && std::isfinite(*d)) {
            const double factor = std::pow(10.0, number->precision);
            *d = std::round(*d * factor) / factor;
        }
    } else if (auto* slider = std::get_if<SliderProps>(&props)) {
        const double low = std::min(slider->minimum, slider->maximum), high = std::max(slider->minimum, slider->maximum);
        if (std::isnan(*d)) *d = slider->minimum;
        *d = std::clamp(*d, low, high);
        if (slider->step > 0) *d = std::min(snap_to_step(*d, slider->minimum, slider->step), high);
    }
    return value;
}

}  // namespace imgr
