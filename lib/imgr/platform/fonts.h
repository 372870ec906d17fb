// Fonts: DejaVu Sans (fonts-dejavu-core) when present, ImGui's built-in font
// otherwise, with a CJK font (fonts-wqy-microhei or fonts-droid-fallback)
// merged in for the characters the app actually shows. Baking every CJK glyph
// would take seconds and a huge texture, so the glyph set grows with the text:
// cover() notes new characters, and the atlas is rebuilt before the next frame.
#pragma once
#include "imgr/model/io_result.h"
#include "imgr/view/font_roles.h"  // FontFaces

#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace imgr {

struct FontStyle {
    float size_px = 16.0f;        // at content scale 1
    std::string regular_path;     // empty: the first system font found, else ImGui's own
    FontFaces faces;              // a face not baked is null (callers fall back to regular)
};

class FontSet {
public:
    // Loads the fonts into the atlas at size_px * scale; fails on an
    // unreadable font file or an atlas that cannot be built.
    IoResult load(ImFontAtlas& atlas, const FontStyle& style, float scale);
    // Notes the characters of text; true when some are not in the atlas yet.
    bool cover(std::string_view text);
    bool needs_rebuild() const { return needs_rebuild_; }

    ImFont* regular() const { return regular_; }
    ImFont* bold() const { return bold_; }          // headings; regular when no bold file, null when not asked for
    ImFont* mono() const { return mono_; }          // code; regular when no mono file, null when not asked for
    ImFont* large() const { return large_; }        // titles; null when not asked for
    const std::string& regular_file() const { return regular_file_; }  // "" = built-in
    const std::string& cjk_file() const { return cjk_file_; }

private:
    std::vector<unsigned> extra_codepoints_;        // sorted, beyond the base ranges
    std::vector<unsigned short> ranges_;            // kept alive: the atlas points into it
    bool needs_rebuild_ = false;
    ImFont* regular_ = nullptr;
    ImFont* bold_ = nullptr;
    ImFont* mono_ = nullptr;
    ImFont* large_ = nullptr;
    std::string regular_file_, cjk_file_;
};

// Whether a codepoint is baked by default (Latin, Greek, Cyrillic, punctuation).
bool in_base_glyph_ranges(unsigned codepoint);

}  // namespace imgr
