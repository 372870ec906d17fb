// `set LABEL VALUE`: the script's JSON turned into the value a component of
// that kind holds, or a message saying what that kind takes instead. Each
// kind says what it takes (its from_script in model/kinds/, docs/scripts.md):
//
//   Number, Slider           a number (clamping to the range is the engine's job)
//   Radio, Dropdown          one of the choices, as a string; null: nothing chosen
//   Dropdown (multiselect),  an array of strings, each one of the choices, none
//   CheckboxGroup            twice; kept in the script's order
//   Checkbox                 true / false
//   Textbox, Markdown        a string
//   ColorPicker              "#rrggbb" (or "#rrggbbaa")
//   JSON                     any JSON
//   Image (and a module's    not here: `upload` loads a file
//   Audio, Video)
//   Button, Label, Plot,     not settable: a button is clicked, the others
//   Dataframe, ...           show what handlers return
#pragma once
#include "imgr/model/kinds/kind_traits.h"

#include <string>
#include <variant>

namespace imgr {

// The value, or the error (without FILE:LINE, which the caller adds).
using SetValueResult = ValueOrError;

SetValueResult value_for_set(ComponentKind kind, const KindProps& props, const Json& json);

}  // namespace imgr
