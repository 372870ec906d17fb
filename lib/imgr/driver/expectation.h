// `expect LABEL VALUE`: does a component's value match what a script expects?
// The expectation is the script's JSON; how it is read is the value's kind's
// (its expect in model/kinds/, the media module's for Audio and Video). A JSON
// that describes a whole value is read as one and compared as replay compares
// (model/kinds/compare.h), with replay's default tolerance:
//
//   number      a JSON number, equal within 1e-9 relative to the larger
//               magnitude (so exact at 0); NaN and the infinities, which JSON
//               cannot write, match the strings "nan", "inf", "-inf"
//   bool        true / false
//   string      a JSON string, exactly
//   StringList  an array of strings, element by element, in order
//   Label       a string: the label (the top class when the label is empty);
//               an object {"class": confidence, ...}: the same classes, each
//               confidence as a number above
//   Color       "#rrggbb" (or "#rrggbbaa"), compared at 8 bits a channel, any case
//   Json, Plot  structurally (Plot as to_json() writes it); numbers as above
//   Table       {"headers": [...], "data": [[...], ...]}, either key may be left
//               out to compare only the other; a bare array compares the rows
//   Image       its size, not its pixels: [width, height] or
//               [width, height, channels]; null: no image
//   Audio       {"duration": s, "sample_rate": Hz, "channels": n}, any of the keys
//   Video       {"duration", "fps", "width", "height", "frames"}, any of the keys
//   no value    null
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/value.h"

#include <optional>
#include <string>

namespace imgr {

// Nothing when the expectation holds; otherwise "expected X, got Y", with
// numbers in shortest form and strings quoted, and a hint in parentheses when
// the expected JSON can never describe such a value.
std::optional<std::string> check_expected(const Value& actual, const Json& expected);
// The same for a component of `kind`: a module's kind without its module fails with the
// message naming the module (its value is "no value", which would say less).
std::optional<std::string> check_expected(ComponentKind kind, const Value& actual, const Json& expected);

}  // namespace imgr
