// ImVec2 arithmetic from imgui_internal.h; must precede the first ImGui include.
#define IMGUI_DEFINE_MATH_OPERATORS
#include "imgr/view/widgets/markdown.h"

#include "imgr/view/widgets/color.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace imgr::widgets {

void MarkdownDocument::parse(std::string_view text) {
    text_ = parse_markdown(text);
    layout_ = Layout{};
    link_areas_.clear();
}

// --- layout -----------------------------------------------------------------

const char* MarkdownDocument::fragment_text(const Fragment& f) const {
    const MarkdownBlock& block = text_.blocks[(size_t)f.block];
    return f.span < 0 ? block.marker.data() : block.spans[(size_t)f.span].text.data();
}

// Lays the blocks out top to bottom: words flowed into lines in their fonts,
// list markers, code blocks and rules, all relative to the document's origin.
class MarkdownDocument::LayoutBuilder {
public:
    LayoutBuilder(const std::vector<MarkdownBlock>& blocks, Layout& layout, ImFont* const fonts[4], bool scaled_heading)
        : blocks_(blocks), L(layout), regular(fonts[0]), bold(fonts[1]), mono(fonts[2]), heading(fonts[3]),
          scaled_heading(scaled_heading), body(regular->FontSize), leading(std::round(body * 0.15f)),
          list_unit(std::round(body * 1.5f)), code_pad(std::round(body * 0.5f)) {}

    void run() {
        MarkdownBlock::Kind previous = MarkdownBlock::Kind::Paragraph;
        for (size_t b = 0; b < blocks_.size(); ++b) {
            const MarkdownBlock& block = blocks_[b];
            if (b > 0) y += gap_between(previous, block.kind);
            previous = block.kind;
            switch (block.kind) {
                case MarkdownBlock::Kind::Heading: {
                    float size = 0;
                    ImFont* font = heading_font(block.level, size);
                    flow((int)b, 0, L.wrap_width, font, size);
                    break;
                }
                case MarkdownBlock::Kind::Paragraph:
                    flow((int)b, 0, L.wrap_width, regular, body);
                    break;
                case MarkdownBlock::Kind::BulletItem:
                case MarkdownBlock::Kind::NumberedItem:
                    list_item((int)b);
                    break;
                case MarkdownBlock::Kind::CodeBlock:
                    code_block((int)b);
                    break;
                case MarkdownBlock::Kind::Rule: {
                    const float mid = std::round(y + body * 0.5f) + 0.5f;
                    L.decorations.push_back({Decoration::Kind::Rule, ImVec2(0, mid), ImVec2(L.wrap_width, mid)});
                    y += body;
                    break;
                }
            }
        }
        L.height = y;
    }

private:
    static bool is_item(MarkdownBlock::Kind kind) {
        return kind == MarkdownBlock::Kind::BulletItem || kind == MarkdownBlock::Kind::NumberedItem;
    }
    float gap_between(MarkdownBlock::Kind previous, MarkdownBlock::Kind kind) const {
        if (is_item(kind) && is_item(previous)) return std::round(body * 0.25f);
        if (kind == MarkdownBlock::Kind::Heading) return std::round(body * 0.9f);
        return std::round(body * 0.6f);
    }
    static float ascent_of(const Fragment& f) { return f.font->Ascent * f.size / f.font->FontSize; }

    // Without a heading font the current font is drawn scaled up (a little soft, but clearly a title).
    ImFont* heading_font(int level, float& size) const {
        const float h1 = scaled_heading ? body * 1.5f : heading->FontSize;
        if (level <= 1) {
            size = h1;
            return heading;
        }
        if (level == 2) {
            size = std::max(h1 * 0.8f, bold->FontSize);
            return heading;
        }
        size = bold->FontSize;
        return bold;
    }

    // Closes the line: aligns its fragments on a common baseline, returns its height.
    float end_line(float empty_height) {
        float ascent = 0, descent = 0;
        for (size_t i = line_first; i < L.fragments.size(); ++i) {
            ascent = std::max(ascent, ascent_of(L.fragments[i]));
            descent = std::max(descent, L.fragments[i].size - ascent_of(L.fragments[i]));
        }
        for (size_t i = line_first; i < L.fragments.size(); ++i)
            L.fragments[i].pos.y = line_top + ascent - ascent_of(L.fragments[i]);
        line_first = L.fragments.size();
        return ascent + descent > 0 ? ascent + descent : empty_height;
    }

    // Where the words of one block go: its left edge and width, its base font.
    struct Flow {
        int block = 0;
        float x0 = 0, width = 0;
        ImFont* base_font = nullptr;
        float base_size = 0;
        float x = 0;
        bool line_has_text = false;
    };

    void new_line(Flow& f) {
        const float h = end_line(f.base_size);
        line_top += h + leading;
        f.x = f.x0;
        f.line_has_text = false;
    }

    // Appends text[a, b) of span `si` at the pen, joining the fragment before it when it continues it.
    void add(Flow& f, size_t si, ImFont* font, float size, size_t a, size_t b, float w, float ink) {
        if (!L.fragments.empty() && L.fragments.size() > line_first) {
            Fragment& prev = L.fragments.back();
            if (prev.block == f.block && prev.span == (int)si && prev.end == a) {
                prev.end = (uint32_t)b;
                if (ink > 0) prev.ink_width = prev.width + ink;
                prev.width += w;
                f.x += w;
                return;
            }
        }
        const MarkdownSpan& span = blocks_[(size_t)f.block].spans[si];
        Fragment frag;
        frag.block = f.block;
        frag.span = (int)si;
        frag.begin = (uint32_t)a;
        frag.end = (uint32_t)b;
        frag.pos = ImVec2(f.x, line_top);
        frag.width = w;
        frag.ink_width = ink;
        frag.height = size;
        frag.font = font;
        frag.size = size;
        frag.style = span.style;
        frag.link = span.link;
        L.fragments.push_back(frag);
        f.x += w;
        f.line_has_text = true;
    }

    // Word-wraps span `si`: a word that does not fit starts a new line; a word
    // longer than a whole line is cut between characters.
    void place_span(Flow& f, size_t si) {
        const MarkdownBlock& block = blocks_[(size_t)f.block];
        const MarkdownSpan& span = block.spans[si];
        const bool is_heading = block.kind == MarkdownBlock::Kind::Heading;
        ImFont* font = f.base_font;
        float size = f.base_size;
        if (span.style & MarkdownSpan::Code) {
            font = mono;
            size = is_heading ? f.base_size : mono->FontSize;
        } else if ((span.style & MarkdownSpan::Bold) && !is_heading) {
            font = bold;
            size = bold->FontSize;
        }
        const char* text = span.text.data();
        const size_t len = span.text.size();
        auto measure = [&](size_t a, size_t b) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text + a, text + b).x; };
        const float right = f.x0 + f.width;
        size_t pos = 0;
        while (pos < len) {
            if (!f.line_has_text) {
                while (pos < len && text[pos] == ' ') ++pos;  // a wrapped line starts at its first word
                if (pos == len) break;
            }
            size_t word_end = pos;
            while (word_end < len && text[word_end] != ' ') ++word_end;
            size_t next = word_end;
            while (next < len && text[next] == ' ') ++next;
            const float word_w = measure(pos, word_end);
            if (f.line_has_text && f.x + word_w > right) {
                new_line(f);
                continue;
            }
            if (word_w > right - f.x) {
                const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, text + pos, text + word_end, right - f.x);
                if (cut <= text + pos) {  // not even one character fits: take one anyway
                    cut = text + pos + 1;
                    while (cut < text + word_end && ((unsigned char)*cut & 0xC0) == 0x80) ++cut;
                }
                const size_t end = (size_t)(cut - text);
                const float w = measure(pos, end);
                add(f, si, font, size, pos, end, w, w);
                new_line(f);
                pos = end;
                continue;
            }
            add(f, si, font, size, pos, next, next == word_end ? word_w : measure(pos, next), word_w);
            pos = next;
        }
    }

    // Flows the spans of block `bi` from x0 over `width`, starting at y, and moves y below the last line.
    void flow(int bi, float x0, float width, ImFont* base_font, float base_size) {
        Flow f{bi, x0, width, base_font, base_size, x0, false};
        line_first = L.fragments.size();
        line_top = y;
        for (size_t si = 0; si < blocks_[(size_t)bi].spans.size(); ++si) place_span(f, si);
        y = line_top + end_line(base_size);
    }

    void list_item(int b) {
        const MarkdownBlock& block = blocks_[(size_t)b];
        const size_t first_fragment = L.fragments.size();
        // A long number ("10.") pushes the text right rather than poking out on the left.
        const float marker_w = block.marker.empty() ? 0.0f
                                                    : regular->CalcTextSizeA(body, FLT_MAX, 0.0f, block.marker.c_str()).x +
                                                          std::round(body * 0.35f);
        const float x0 = list_unit * (float)block.level + std::max(list_unit, marker_w);
        const float top = y;
        flow(b, x0, std::max(L.wrap_width - x0, body), regular, body);
        // The marker sits on the first line's baseline (or mid-line for a bullet).
        float baseline = top + regular->Ascent;
        float mid = top + body * 0.5f;
        if (first_fragment < L.fragments.size()) {
            const Fragment& f = L.fragments[first_fragment];
            baseline = f.pos.y + ascent_of(f);
            mid = baseline - regular->Ascent + body * 0.5f;
        }
        if (block.kind == MarkdownBlock::Kind::BulletItem) {
            const float r = std::max(1.5f, body * 0.15f);
            const float cx = x0 - list_unit * 0.5f;
            L.decorations.push_back({Decoration::Kind::Bullet, ImVec2(cx - r, mid - r), ImVec2(cx + r, mid + r)});
            return;
        }
        Fragment f;
        f.block = b;
        f.span = -1;
        f.begin = 0;
        f.end = (uint32_t)block.marker.size();
        f.font = regular;
        f.size = body;
        f.width = regular->CalcTextSizeA(body, FLT_MAX, 0.0f, block.marker.data(), block.marker.data() + block.marker.size()).x;
        f.ink_width = f.width;
        f.height = body;
        f.pos = ImVec2(x0 - std::round(body * 0.35f) - f.width, baseline - regular->Ascent);
        L.fragments.push_back(f);
    }

    void code_block(int b) {
        const std::string& code = blocks_[(size_t)b].spans[0].text;
        const float line_h = mono->FontSize;
        float line_y = y + code_pad;
        for (size_t begin = 0;;) {
            size_t end = code.find('\n', begin);
            if (end == std::string::npos) end = code.size();
            if (end > begin) {
                Fragment f;
                f.block = b;
                f.span = 0;
                f.begin = (uint32_t)begin;
                f.end = (uint32_t)end;
                f.font = mono;
                f.size = line_h;
                f.width = mono->CalcTextSizeA(line_h, FLT_MAX, 0.0f, code.data() + begin, code.data() + end).x;
                f.ink_width = f.width;
                f.height = line_h;
                f.pos = ImVec2(code_pad, line_y);
                f.style = MarkdownSpan::Code;
                L.fragments.push_back(f);
            }
            line_y += line_h;
            if (end == code.size()) break;
            begin = end + 1;
        }
        const float bottom = line_y + code_pad;
        L.decorations.push_back({Decoration::Kind::CodeBackground, ImVec2(0, y), ImVec2(L.wrap_width, bottom)});
        y = bottom;
    }

    const std::vector<MarkdownBlock>& blocks_;
    Layout& L;
    ImFont *regular, *bold, *mono, *heading;
    bool scaled_heading;
    const float body, leading, list_unit, code_pad;  // leading: between wrapped lines; list_unit: per list level
    float y = 0;
    size_t line_first = 0;  // first fragment of the line being filled
    float line_top = 0;
};

void MarkdownDocument::layout(ImFont* regular, ImFont* bold, ImFont* mono, ImFont* heading, bool scaled_heading,
                              float wrap_width) {
    layout_.fragments.clear();
    layout_.decorations.clear();
    layout_.wrap_width = wrap_width;
    layout_.scaled_heading = scaled_heading;
    ImFont* const key_fonts[4] = {regular, bold, mono, heading};
    for (int i = 0; i < 4; ++i) {
        layout_.fonts[i] = key_fonts[i];
        layout_.sizes[i] = key_fonts[i]->FontSize;
    }
    LayoutBuilder(text_.blocks, layout_, key_fonts, scaled_heading).run();
}

// --- drawing ----------------------------------------------------------------

namespace {
struct MarkdownColours {
    ImU32 text, italic, link, link_hover, code_bg, rule;
    float rounding;
};

MarkdownColours markdown_colours() {
    const bool dark = background_is_dark();
    MarkdownColours c;
    c.text = ImGui::GetColorU32(ImGuiCol_Text);
    // ImGui cannot slant glyphs and no italic face is loaded: *italic* keeps
    // the regular font and is told apart by a softer colour.
    c.italic = mix_u32(c.text, ImGui::GetColorU32(ImGuiCol_TextDisabled), 0.5f);
    c.link = rgb_to_u32(dark ? 0x60a5fa : 0x2563eb);
    c.link_hover = rgb_to_u32(dark ? 0x93c5fd : 0x1d4ed8);
    c.code_bg = mix_u32(ImGui::GetColorU32(ImGuiCol_WindowBg), c.text, dark ? 0.12f : 0.06f);
    c.rule = ImGui::GetColorU32(ImGuiCol_Separator);
    c.rounding = ImGui::GetStyle().FrameRounding * 0.5f;
    return c;
}
}  // namespace

// Hit areas and clicks of the links, so a link wrapped over two lines lights
// up as a whole when either part is hovered. Returns the hovered link (-1: none).
int MarkdownDocument::handle_links(ImVec2 origin, std::optional<std::string>& clicked) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    int hovered_link = -1;
    ImGui::PushID(this);
    for (size_t i = 0; i < layout_.fragments.size(); ++i) {
        const Fragment& f = layout_.fragments[i];
        if (f.link < 0 || f.ink_width <= 0) continue;
        const ImRect r(origin + f.pos, origin + f.pos + ImVec2(f.ink_width, f.height));
        link_areas_.push_back({r.Min, r.Max, f.link});
        const ImGuiID id = window->GetID((int)i);
        if (!ImGui::ItemAdd(r, id)) continue;
        bool hovered = false, held = false;
        if (ImGui::ButtonBehavior(r, id, &hovered, &held)) clicked = text_.links[(size_t)f.link];
        if (hovered || held) hovered_link = f.link;
    }
    ImGui::PopID();
    return hovered_link;
}

void MarkdownDocument::paint(ImDrawList* dl, ImVec2 origin, float wrap_width, float code_pad, int hovered_link) const {
    const MarkdownColours col = markdown_colours();
    for (const Decoration& d : layout_.decorations) {
        switch (d.kind) {
            case Decoration::Kind::CodeBackground:
                dl->AddRectFilled(origin + d.min, origin + d.max, col.code_bg, col.rounding);
                break;
            case Decoration::Kind::Rule:
                dl->AddLine(origin + d.min, origin + d.max, col.rule);
                break;
            case Decoration::Kind::Bullet:
                dl->AddCircleFilled(origin + (d.min + d.max) * 0.5f, (d.max.x - d.min.x) * 0.5f, col.text, 8);
                break;
        }
    }
    // Code-block lines stop at the block's edge instead of running past it.
    const ImVec4 code_clip(origin.x, -FLT_MAX, origin.x + wrap_width - code_pad * 0.5f, FLT_MAX);
    for (const Fragment& f : layout_.fragments) {
        const char* text = fragment_text(f);
        const ImVec2 p = origin + f.pos;
        const bool block_code = f.span >= 0 && text_.blocks[(size_t)f.block].kind == MarkdownBlock::Kind::CodeBlock;
        ImU32 colour = col.text;
        if (f.link >= 0)
            colour = f.link == hovered_link ? col.link_hover : col.link;
        else if (f.style & MarkdownSpan::Italic)
            colour = col.italic;
        if ((f.style & MarkdownSpan::Code) && !block_code)
            dl->AddRectFilled(p - ImVec2(2, 0), p + ImVec2(f.ink_width + 2, f.height), col.code_bg, col.rounding);
        dl->AddText(f.font, f.size, p, colour, text + f.begin, text + f.end, 0.0f, block_code ? &code_clip : nullptr);
        if (f.link >= 0 && f.ink_width > 0) {
            const float uy = std::round(p.y + f.font->Ascent * f.size / f.font->FontSize + 1.0f) + 0.5f;
            dl->AddLine(ImVec2(p.x, uy), ImVec2(p.x + f.ink_width, uy), colour);
        }
    }
}

std::optional<std::string> MarkdownDocument::draw(const FontRoles& fonts, float wrap_width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    link_areas_.clear();
    if (window->SkipItems) return std::nullopt;

    ImFont* current = ImGui::GetFont();
    ImFont* regular = fonts.regular ? fonts.regular : current;
    ImFont* bold = fonts.bold ? fonts.bold : current;
    ImFont* mono = fonts.mono ? fonts.mono : current;
    ImFont* heading = fonts.heading ? fonts.heading : current;
    if (wrap_width <= 0) wrap_width = ImGui::GetContentRegionAvail().x;
    wrap_width = std::max(wrap_width, regular->FontSize * 4);

    const bool scaled_heading = fonts.heading == nullptr;
    ImFont* key_fonts[4] = {regular, bold, mono, heading};
    bool stale = layout_.wrap_width != wrap_width || layout_.scaled_heading != scaled_heading;
    for (int i = 0; i < 4; ++i) stale |= layout_.fonts[i] != key_fonts[i] || layout_.sizes[i] != key_fonts[i]->FontSize;
    if (stale) layout(regular, bold, mono, heading, scaled_heading, wrap_width);

    const ImVec2 origin = window->DC.CursorPos;
    const ImRect bb(origin, origin + ImVec2(wrap_width, layout_.height));
    ImGui::ItemSize(bb);
    if (!ImGui::IsRectVisible(bb.Min, bb.Max)) {
        ImGui::ItemAdd(bb, 0);
        return std::nullopt;
    }
    std::optional<std::string> clicked;
    const int hovered_link = handle_links(origin, clicked);
    // The document itself is the last item, so IsItemHovered() and
    // GetItemRectMin() after draw() describe all of it.
    ImGui::ItemAdd(bb, 0);
    if (hovered_link >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", text_.links[(size_t)hovered_link].c_str());
    }
    paint(window->DrawList, origin, wrap_width, std::round(regular->FontSize * 0.5f), hovered_link);
    return clicked;
}

}  // namespace imgr::widgets
