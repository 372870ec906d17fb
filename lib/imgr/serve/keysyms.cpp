#include "imgr/serve/keysyms.h"

#include <imgui.h>
#include <rfb/keysym.h>

namespace imgr::serve {

Modifier modifier_of(uint32_t keysym) {
    switch (keysym) {
        case XK_Shift_L: case XK_Shift_R: return Modifier::Shift;
        case XK_Control_L: case XK_Control_R: return Modifier::Ctrl;
        case XK_Alt_L: case XK_Alt_R: case XK_Meta_L: case XK_Meta_R: return Modifier::Alt;
        case XK_Super_L: case XK_Super_R: return Modifier::Super;
        default: return Modifier::None;
    }
}

int imgui_key_of(uint32_t keysym) {
    switch (keysym) {
        case XK_Tab: case XK_ISO_Left_Tab: return ImGuiKey_Tab;
        case XK_Left: case XK_KP_Left: return ImGuiKey_LeftArrow;
        case XK_Right: case XK_KP_Right: return ImGuiKey_RightArrow;
        case XK_Up: case XK_KP_Up: return ImGuiKey_UpArrow;
        case XK_Down: case XK_KP_Down: return ImGuiKey_DownArrow;
        case XK_Page_Up: case XK_KP_Page_Up: return ImGuiKey_PageUp;
        case XK_Page_Down: case XK_KP_Page_Down: return ImGuiKey_PageDown;
        case XK_Home: case XK_KP_Home: return ImGuiKey_Home;
        case XK_End: case XK_KP_End: return ImGuiKey_End;
        case XK_Insert: case XK_KP_Insert: return ImGuiKey_Insert;
        case XK_Delete: case XK_KP_Delete: return ImGuiKey_Delete;
        case XK_BackSpace: return ImGuiKey_Backspace;
        case XK_space: return ImGuiKey_Space;
        case XK_Return: return ImGuiKey_Enter;
        case XK_KP_Enter: return ImGuiKey_KeyPadEnter;
        case XK_Escape: return ImGuiKey_Escape;
        case XK_a: case XK_A: return ImGuiKey_A;
        case XK_c: case XK_C: return ImGuiKey_C;
        case XK_v: case XK_V: return ImGuiKey_V;
        case XK_x: case XK_X: return ImGuiKey_X;
        case XK_y: case XK_Y: return ImGuiKey_Y;
        case XK_z: case XK_Z: return ImGuiKey_Z;
        default: return -1;
    }
}

uint32_t character_of(uint32_t keysym) {
    if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return keysym;  // Latin-1
    if ((keysym & 0xff000000u) == 0x01000000u) return keysym & 0x00ffffffu;  // keysyms of any Unicode character
    if (keysym >= XK_KP_0 && keysym <= XK_KP_9) return '0' + (keysym - XK_KP_0);
    switch (keysym) {
        case XK_KP_Decimal: return '.';
        case XK_KP_Add: return '+';
        case XK_KP_Subtract: return '-';
        case XK_KP_Multiply: return '*';
        case XK_KP_Divide: return '/';
        default: return 0;
    }
}

}  // namespace imgr::serve
