// The fonts the view draws with, by role. Null entries fall back to the current font.
#pragma once

struct ImFont;

namespace imgr {

struct FontRoles {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;      // Markdown **bold**, headings
    ImFont* mono = nullptr;      // Markdown `code`, JSON
    ImFont* heading = nullptr;   // Markdown # headings, titles (larger)
};

}  // namespace imgr
