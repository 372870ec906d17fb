// Colour helpers shared by the widgets: model colours to ImGui colours, the
// theme's brightness (so type and link colours stay readable on light and
// dark backgrounds), and a swatch for a Color value.
#pragma once
#include "imgr/model/value.h"

#include <imgui.h>

namespace imgr::widgets {

ImU32 rgb_to_u32(unsigned rgb, float alpha = 1.0f);   // 0xRRGGBB -> ImGui's packed ABGR
ImVec4 to_imvec4(const Color& color);                // channels clamped to 0..1
Color from_imvec4(const ImVec4& color);
ImU32 mix_u32(ImU32 a, ImU32 b, float t);            // per channel a + (b - a) * t, alpha included
bool background_is_dark();                           // the current style's WindowBg is darker than mid grey

// A square of `color` (a checkerboard shows through when translucent) followed
// by its #rrggbb[aa] text. size 0: the frame height. Returns true when clicked.
bool color_swatch(const char* id, const Color& color, float size = 0.0f, bool show_hex = true);

}  // namespace imgr::widgets
