// The value a component stores for a value it is given: the engine stores it
// so, and replay compares a function's new output so, or a Slider output
// snapped to its step would replay as changed. One rule, the kind's (its
// coerce in model/kinds/).
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/value.h"

namespace imgr {

// A Number's value clamped to its minimum and maximum and rounded to its
// precision; a Slider's clamped to its range and snapped to its step, NaN
// becoming its minimum. Other values are returned as they are.
Value coerce_value(ComponentKind kind, const KindProps& props, Value value);

}  // namespace imgr
