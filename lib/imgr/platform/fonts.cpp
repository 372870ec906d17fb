#include "imgr/platform/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <climits>
#include <fstream>
#include <cstring>

namespace imgr {
namespace {

// Pairs of inclusive ranges, 0-terminated, as ImGui wants them.
constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x024F,  // Latin, Latin-1, Latin Extended-A/B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic
    0x2000, 0x206F,  // General punctuation: dashes, quotes, ellipsis
    0x20A0, 0x20CF,  // Currency
    0x2190, 0x21FF,  // Arrows
    0x2200, 0x22FF,  // Math operators
    0x25A0, 0x25FF,  // Geometric shapes (bullets, triangles)
    0x2713, 0x2717,  // Check marks
    0xFFFD, 0xFFFD,  // Replacement character
    0,
};

const char* const kRegularCandidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* const kBoldCandidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
const char* const kMonoCandidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"};
const char* const kCjkCandidates[] = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
};

// Reads a whole file into a buffer from IM_ALLOC, which the atlas then owns:
// one read, no intermediate copies (the CJK font file alone is 5 MiB).
void* read_font_file(const std::string& path, int& size) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return nullptr;
    const std::streamoff length = in.tellg();
    if (length < 12 || length > INT_MAX) return nullptr;  // no font is this small: a truncated or empty file
    in.seekg(0);
    void* data = IM_ALLOC((size_t)length);
    if (!in.read(static_cast<char*>(data), length)) {
        IM_FREE(data);
        return nullptr;
    }
    size = (int)length;
    return data;
}

template <size_t N>
std::string first_existing(const char* const (&candidates)[N]) {
    for (const char* path : candidates)
        if (std::ifstream(path).good()) return path;
    return "";
}

// Adds a font from a file; the atlas takes ownership of the bytes.
ImFont* add_font_file(ImFontAtlas& atlas, const std::string& path, float size, const ImWchar* ranges,
                      bool merge) {
    int bytes = 0;
    void* data = read_font_file(path, bytes);
    if (!data) return nullptr;
    ImFontConfig config;
    config.MergeMode = merge;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromMemoryTTF(data, bytes, size, &config, ranges);
}

void decode_utf8(std::string_view text, std::vector<unsigned>& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        out.push_back(c);
    }
}

}  // namespace

bool in_base_glyph_ranges(unsigned c) {
    for (int i = 0; kBaseRanges[i]; i += 2)
        if (c >= kBaseRanges[i] && c <= kBaseRanges[i + 1]) return true;
    return false;
}

bool FontSet::cover(std::string_view text) {
    // Fast path: plain ASCII is always in the atlas.
    if (std::all_of(text.begin(), text.end(), [](char ch) { return (unsigned char)ch < 0x80; })) return false;
    std::vector<unsigned> codepoints;
    decode_utf8(text, codepoints);
    bool added = false;
    for (unsigned c : codepoints) {
        if (c < 0x20 || c > 0xFFFF || in_base_glyph_ranges(c)) continue;  // ImWchar is 16 bits in 1.86
        auto it = std::lower_bound(extra_codepoints_.begin(), extra_codepoints_.end(), c);
        if (it != extra_codepoints_.end() && *it == c) continue;
        extra_codepoints_.insert(it, c);
        added = true;
    }
    needs_rebuild_ = needs_rebuild_ || added;
    return added;
}

IoResult FontSet::load(ImFontAtlas& atlas, const FontStyle& style, float scale) {
    needs_rebuild_ = false;
    atlas.Clear();
    ranges_.clear();
    for (int i = 0; kBaseRanges[i]; ++i) ranges_.push_back(kBaseRanges[i]);
    for (unsigned c : extra_codepoints_) {
        ranges_.push_back((ImWchar)c);
        ranges_.push_back((ImWchar)c);
    }
    ranges_.push_back(0);
    const ImWchar* ranges = ranges_.data();
    const float size = style.size_px * scale;

    if (!style.regular_path.empty()) {
        int probe_size = 0;
        void* probe = read_font_file(style.regular_path, probe_size);
        if (!probe) return IoResult::failure("cannot read font file '" + style.regular_path + "'");
        IM_FREE(probe);
    }
    regular_file_ = style.regular_path.empty() ? first_existing(kRegularCandidates) : style.regular_path;
    cjk_file_ = first_existing(kCjkCandidates);

    // Each face gets the CJK font merged in, so bold labels show Chinese too.
    auto add_face = [&](const std::string& path, float face_size) -> ImFont* {
        ImFont* font = nullptr;
        if (!path.empty()) font = add_font_file(atlas, path, face_size, ranges, false);
        if (!font) {
            ImFontConfig config;
            config.SizePixels = face_size;
            font = atlas.AddFontDefault(&config);
        }
        if (!cjk_file_.empty() && !extra_codepoints_.empty())
            add_font_file(atlas, cjk_file_, face_size, ranges, true);
        return font;
    };
    regular_ = add_face(regular_file_, size);
    if (!regular_) return IoResult::failure("cannot load font '" + regular_file_ + "'");
    const bool custom = !style.regular_path.empty();
    const FontFaces& faces = style.faces;
    bold_ = !faces.bold ? nullptr : custom ? regular_ : add_face(first_existing(kBoldCandidates), size);
    mono_ = !faces.mono ? nullptr : custom ? regular_ : add_face(first_existing(kMonoCandidates), size);
    large_ = !faces.large ? nullptr : add_face(custom ? regular_file_ : first_existing(kBoldCandidates), size * 1.5f);
    if (!atlas.Build()) return IoResult::failure("cannot build the font atlas");
    return IoResult::success();
}

}  // namespace imgr
