// Numbers compared within a relative tolerance, the one rule script
// expectations and replay share (each passes its own tolerance).
#pragma once

namespace imgr {

// |a - b| <= relative_tolerance * max(|a|, |b|); NaN matches NaN, an infinity only itself.
bool numbers_close(double a, double b, double relative_tolerance);

}  // namespace imgr
