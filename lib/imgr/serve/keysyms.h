// X keysyms (what RFB key events carry) in ImGui's terms: a key ImGui knows
// (Tab, arrows, Enter, the letters of shortcuts), a modifier, or text.
#pragma once
#include <cstdint>

namespace imgr::serve {

enum class Modifier { None, Shift, Ctrl, Alt, Super };

Modifier modifier_of(uint32_t keysym);
// The ImGuiKey (1.86's named keys: Tab, arrows, Enter, A, C, V, X, Y, Z...) or -1.
int imgui_key_of(uint32_t keysym);
// The Unicode character a key types, or 0 (function keys, modifiers, Enter).
uint32_t character_of(uint32_t keysym);

}  // namespace imgr::serve
