// Themes: ImGui styles at content scale 1 (the runner scales them).
#pragma once
#include "imgr/model/theme.h"

namespace imgr {

void apply_theme(Theme theme);   // sets ImGui::GetStyle() for the current context
void apply_light_theme();        // the default: light cards, an orange accent, roomy spacing (like Gradio)
void apply_dark_theme();         // ImGui's dark colours with imgr's spacing

}  // namespace imgr
