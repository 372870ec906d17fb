// Snapping a value to a step in decimal: with step 0.1 from 0, 25 steps are
// 2.5, not the 2.5000000000000004 that binary arithmetic gives. The value a
// person reads beside a slider is then the value a handler gets and a flag
// stores.
#pragma once

namespace imgr {

// Digits after the decimal point in x's shortest round-trip form: 0.25 -> 2, 1e-05 -> 5, 12 -> 0.
int decimal_places(double x);

// origin + k * step for the whole k nearest to value, as the nearest double to
// that decimal number (when step and origin have at most 15 decimals; else the
// binary result). A step <= 0 or a value that is not finite is returned as it is.
double snap_to_step(double value, double origin, double step);

}  // namespace imgr
