// Themes: ImGui styles at content scale 1 (the runner scales them).
#pragma once
#include "imgr/model/theme.h"

namespace imgr {

void apply_theme(Theme theme);   // sets ImGui::GetStyle() for the current context
void apply_light_theme();        // the default: light cards, an orange accent, roomy spacing (like Gradio)
void apply_dark_theme();         // ImGui's dark colours with imgr's spacing

// IMGR_SPACING=F in the environment (default 1, from 0.5 to 4) scales every
// spacing and padding: the theme's ImGui metrics and the view's card padding.
// The spaced tour tests use it to prove the script player reads the layout
// from the view rather than assuming it.
float spacing_scale();

}  // namespace imgr
