// `set LABEL VALUE`: the script's JSON turned into the value a component of
// that kind holds, or a message saying what that kind takes instead.
//
//   Number, Slider           a number (clamping to the range is the engine's job)
//   Radio, Dropdown          one of the choices, as a string; null: nothing chosen
//   Dropdown (multiselect),  an array of strings, each one of the choices, none
//   CheckboxGroup            twice; kept in the script's order
//   Checkbox                 true / false
//   Textbox, Markdown        a string
//   ColorPicker              "#rrggbb" (or "#rrggbbaa")
//   JSON                     any JSON
//   Image                    not here: `upload` loads a file
//   Button, Label, Plot,     not settable: a button is clicked, the others
//   Dataframe                show what handlers return
#pragma once
#include "imgr/model/component.h"

#include <string>
#include <variant>

namespace imgr {

// The value, or the error (without FILE:LINE, which the caller adds).
using SetValueResult = std::variant<Value, std::string>;

SetValueResult value_for_set(ComponentKind kind, const KindProps& props, const Json& json);

}  // namespace imgr
