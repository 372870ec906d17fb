// The fonts the view draws with, by role. Null entries fall back to the current font.
#pragma once
#include "imgr/model/component.h"

struct ImFont;

namespace imgr {

struct FontRoles {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;      // Markdown **bold**, headings
    ImFont* mono = nullptr;      // Markdown `code`, JSON
    ImFont* heading = nullptr;   // Markdown # headings, titles (larger)
};

// The faces beyond regular that an app draws with. Each costs bake time and
// atlas memory at start-up, so only the ones some component uses are baked.
struct FontFaces {
    bool bold = true;    // FontRoles::bold
    bool mono = true;    // FontRoles::mono
    bool large = true;   // FontRoles::heading
    FontFaces& operator|=(const FontFaces& other) {
        bold |= other.bold;
        mono |= other.mono;
        large |= other.large;
        return *this;
    }
    static FontFaces none() { return {false, false, false}; }
};

// The faces a component of this kind may draw with (its widget reads them from FontRoles).
FontFaces faces_drawn_by(ComponentKind kind);

}  // namespace imgr
