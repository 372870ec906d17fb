// Markdown drawn each frame from a cached layout. The text is parsed once by
// the model (imgr/model/markdown.h: the subset Gradio demos use); this widget
// lays the blocks out (word wrapping with mixed fonts) only when the wrap
// width or the fonts change, and a frame then only emits the cached text runs.
#pragma once
#include "imgr/model/markdown.h"
#include "imgr/view/font_roles.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imgr::widgets {

// Where a link was drawn in the last frame, in screen coordinates. A link
// wrapped over two lines has two areas.
struct MarkdownLinkArea {
    ImVec2 min, max;
    int link = -1;
};

class MarkdownDocument {
public:
    MarkdownDocument() = default;
    explicit MarkdownDocument(std::string_view text) { parse(text); }

    void parse(std::string_view text);  // replaces the content

    const std::vector<MarkdownBlock>& blocks() const { return text_.blocks; }
    const std::vector<std::string>& links() const { return text_.links; }  // URLs, in order of appearance

    // Draws at the cursor as one item `wrap_width` wide (<= 0: the available
    // width). Fonts: body text fonts.regular, **bold** fonts.bold, code
    // fonts.mono, # and ## fonts.heading (## scaled down), ### fonts.bold;
    // a null font is the current font (headings are then drawn scaled up).
    // Returns the URL of the link clicked this frame (pressed and released
    // on it, like a button); opening it is the caller's business.
    std::optional<std::string> draw(const FontRoles& fonts, float wrap_width);

    const std::vector<MarkdownLinkArea>& link_areas() const { return link_areas_; }  // from the last draw()
    float height() const { return layout_.height; }  // of the last layout; 0 before the first draw()

private:
    // A run of text on one line in one font: a piece of a span, or a list marker.
    struct Fragment {
        int block = 0, span = -1;    // span -1: the block's marker
        uint32_t begin = 0, end = 0; // byte range of the span's text (or the marker)
        ImVec2 pos;                  // top-left, relative to the document's origin
        float width = 0, height = 0;
        float ink_width = 0;         // without trailing spaces: underlines and code backgrounds stop there
        ImFont* font = nullptr;
        float size = 0;
        unsigned style = 0;
        int link = -1;
    };
    struct Decoration {
        enum class Kind { Bullet, Rule, CodeBackground };
        Kind kind;
        ImVec2 min, max;  // relative; a bullet's centre is the middle of its box
    };
    struct Layout {
        std::vector<Fragment> fragments;
        std::vector<Decoration> decorations;
        float height = 0;
        // The key: what the layout depends on.
        float wrap_width = -1;
        ImFont* fonts[4] = {};
        float sizes[4] = {};
        bool scaled_heading = false;
    };

    class LayoutBuilder;

    void layout(ImFont* regular, ImFont* bold, ImFont* mono, ImFont* heading, bool scaled_heading, float wrap_width);
    const char* fragment_text(const Fragment& f) const;
    int handle_links(ImVec2 origin, std::optional<std::string>& clicked);
    void paint(ImDrawList* dl, ImVec2 origin, float wrap_width, float code_pad, int hovered_link) const;

    MarkdownText text_;
    Layout layout_;
    std::vector<MarkdownLinkArea> link_areas_;
};

}  // namespace imgr::widgets
