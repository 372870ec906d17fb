// ImVec2 arithmetic from imgui_internal.h; must precede the first ImGui include.
#define IMGUI_DEFINE_MATH_OPERATORS
#include "imgr/view/widgets/markdown.h"

#include "imgr/view/widgets/color.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

namespace imgr::widgets {
namespace {

// --- parsing ----------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_punct(char c) { return std::ispunct((unsigned char)c) != 0; }
bool is_word(char c) { return std::isalnum((unsigned char)c) != 0 || (unsigned char)c >= 0x80; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Inline markup of one paragraph, heading or list item into spans.
class InlineParser {
public:
    InlineParser(std::vector<MarkdownSpan>& out, std::vector<std::string>& links) : out_(out), links_(links) {}

    void parse(std::string_view s, unsigned base_style, int link) {
        unsigned style = base_style;
        std::string text;
        auto flush = [&] {
            if (text.empty()) return;
            push(std::move(text), style, link);
            text.clear();
        };
        size_t i = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
                text += s[i + 1];
                i += 2;
            } else if (c == '`') {
                const size_t run = count_run(s, i, '`');
                const size_t close = find_backtick_run(s, i + run, run);
                if (close == std::string_view::npos) {
                    text.append(s.substr(i, run));
                    i += run;
                    continue;
                }
                std::string_view code = s.substr(i + run, close - i - run);
                // One space on each side lets code start or end with a backtick.
                if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
                flush();
                push(std::string(code), (style & MarkdownSpan::Link) | MarkdownSpan::Code, link);
                i = close + run;
            } else if (c == '*' || c == '_') {
                const size_t run = count_run(s, i, c);
                const char before = i > 0 ? s[i - 1] : ' ';
                const char after = i + run < s.size() ? s[i + run] : ' ';
                // snake_case stays literal: '_' inside a word is not emphasis.
                if (c == '_' && is_word(before) && is_word(after)) {
                    text.append(s.substr(i, run));
                    i += run;
                    continue;
                }
                // Close what is open (preceded by a non-space), else open when
                // followed by a non-space and a closer exists further on.
                const unsigned bit = run >= 2 ? MarkdownSpan::Bold : MarkdownSpan::Italic;
                const size_t width = run >= 2 ? 2 : 1;
                const std::string_view delim = s.substr(i, width);
                if ((style & bit) && !is_space(before)) {
                    flush();
                    style &= ~bit;
                    i += width;
                } else if (!(style & bit) && !is_space(after) && has_closer(s, i + width, delim)) {
                    flush();
                    style |= bit;
                    i += width;
                } else {
                    text.append(delim);
                    i += width;
                }
            } else if (c == '[' && !(style & MarkdownSpan::Link)) {
                std::string_view label, url;
                const size_t end = match_link(s, i, label, url);
                if (end == std::string_view::npos) {
                    text += c;
                    ++i;
                    continue;
                }
                flush();
                const int index = (int)links_.size();
                links_.emplace_back(url);
                parse(label, style | MarkdownSpan::Link, index);
                i = end;
            } else if (c == '<' && !(style & MarkdownSpan::Link)) {
                // <https://...>: an autolink showing its own address.
                const size_t close = s.find('>', i + 1);
                const std::string_view inner = close == std::string_view::npos ? std::string_view()
                                                                                 : s.substr(i + 1, close - i - 1);
                if (inner.find("://") == std::string_view::npos || inner.find(' ') != std::string_view::npos) {
                    text += c;
                    ++i;
                    continue;
                }
                flush();
                const int index = (int)links_.size();
                links_.emplace_back(inner);
                push(std::string(inner), style | MarkdownSpan::Link, index);
                i = close + 1;
            } else {
                text += c;
                ++i;
            }
        }
        flush();
    }

private:
    void push(std::string text, unsigned style, int link) {
        if (!(style & MarkdownSpan::Link)) link = -1;
        if (!out_.empty() && out_.back().style == style && out_.back().link == link) {
            out_.back().text += text;  // an escape or a literal '*' split the run: join it again
            return;
        }
        out_.push_back(MarkdownSpan{std::move(text), style, link});
    }

    static size_t count_run(std::string_view s, size_t i, char c) {
        size_t n = 0;
        while (i + n < s.size() && s[i + n] == c) ++n;
        return n;
    }

    static size_t find_backtick_run(std::string_view s, size_t from, size_t run) {
        for (size_t i = from; i < s.size();) {
            if (s[i] != '`') {
                ++i;
                continue;
            }
            const size_t n = count_run(s, i, '`');
            if (n == run) return i;
            i += n;
        }
        return std::string_view::npos;
    }

    static bool has_closer(std::string_view s, size_t from, std::string_view delim) {
        for (size_t at = s.find(delim, from); at != std::string_view::npos; at = s.find(delim, at + 1))
            if (at > from && !is_space(s[at - 1])) return true;
        return false;
    }

    // [label](url "title") starting at s[i] == '['; returns the index after ')'.
    static size_t match_link(std::string_view s, size_t i, std::string_view& label, std::string_view& url) {
        int depth = 0;
        size_t close = std::string_view::npos;
        for (size_t j = i; j < s.size(); ++j) {
            if (s[j] == '\\') {
                ++j;
            } else if (s[j] == '[') {
                ++depth;
            } else if (s[j] == ']' && --depth == 0) {
                close = j;
                break;
            }
        }
        if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(') return std::string_view::npos;
        const size_t paren = s.find(')', close + 2);
        if (paren == std::string_view::npos) return std::string_view::npos;
        std::string_view target = trim(s.substr(close + 2, paren - close - 2));
        if (const size_t space = target.find(' '); space != std::string_view::npos) target = target.substr(0, space);
        if (target.size() >= 2 && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
        label = s.substr(i + 1, close - i - 1);
        url = target;
        return paren + 1;
    }

    std::vector<MarkdownSpan>& out_;
    std::vector<std::string>& links_;
};

bool is_rule(std::string_view content) {
    char mark = 0;
    int count = 0;
    for (char c : content) {
        if (is_space(c)) continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (mark && c != mark) return false;
        mark = c;
        ++count;
    }
    return count >= 3;
}

// "12. text" or "3) text": the marker length, 0 when not a numbered item.
size_t numbered_marker(std::string_view content) {
    size_t n = 0;
    while (n < content.size() && n < 9 && std::isdigit((unsigned char)content[n])) ++n;
    if (n == 0 || n + 1 > content.size() || (content[n] != '.' && content[n] != ')')) return 0;
    if (n + 1 < content.size() && !is_space(content[n + 1])) return 0;
    return n + 1;
}

}  // namespace

void MarkdownDocument::parse(std::string_view text) {
    blocks_.clear();
    links_.clear();
    layout_ = Layout{};
    link_areas_.clear();

    // Text of the block being gathered (paragraph or list item); lines join with a space.
    std::optional<MarkdownBlock> open;
    std::string open_text;
    std::vector<size_t> list_indents;  // indentation of the enclosing list items, outermost first
    auto flush = [&] {
        if (!open) return;
        InlineParser(open->spans, links_).parse(trim(open_text), MarkdownSpan::Plain, -1);
        blocks_.push_back(std::move(*open));
        open.reset();
        open_text.clear();
    };

    bool in_code = false;
    char fence_char = 0;
    size_t fence_len = 0, fence_indent = 0, code_lines = 0;
    MarkdownBlock code;

    size_t pos = 0;
    while (pos <= text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const bool last_line = eol == text.size();
        pos = eol + 1;

        size_t indent = 0, skip = 0;
        while (skip < line.size() && is_space(line[skip])) indent += line[skip++] == '\t' ? 4 : 1;
        const std::string_view content = line.substr(skip);

        if (in_code) {
            const size_t run = content.find_first_not_of(fence_char);
            const size_t fence_run = run == std::string_view::npos ? content.size() : run;
            if (fence_run >= fence_len && trim(content.substr(fence_run)).empty() && indent < 4) {
                blocks_.push_back(std::move(code));
                in_code = false;
            } else {
                // Lines lose at most the opening fence's indentation.
                size_t drop = 0;
                while (drop < line.size() && drop < fence_indent && line[drop] == ' ') ++drop;
                if (code_lines++ > 0) code.spans[0].text += '\n';
                code.spans[0].text += line.substr(drop);
            }
            if (last_line) break;
            continue;
        }

        if (trim(content).empty()) {
            flush();
            if (last_line) break;
            continue;
        }

        if (indent < 4 && (content.starts_with("```") || content.starts_with("~~~"))) {
            flush();
            list_indents.clear();
            fence_char = content[0];
            fence_len = content.find_first_not_of(fence_char);
            if (fence_len == std::string_view::npos) fence_len = content.size();
            fence_indent = indent;
            code = MarkdownBlock{};
            code_lines = 0;
            code.kind = MarkdownBlock::Kind::CodeBlock;
            std::string_view info = trim(content.substr(fence_len));
            code.info = std::string(info.substr(0, info.find(' ')));
            code.spans.push_back(MarkdownSpan{"", MarkdownSpan::Code, -1});
            in_code = true;
        } else if (content[0] == '#' && indent < 4) {
            size_t level = content.find_first_not_of('#');
            if (level == std::string_view::npos) level = content.size();
            if (level <= 6 && (level == content.size() || is_space(content[level]))) {
                flush();
                list_indents.clear();
                std::string_view title = trim(content.substr(level));
                // An optional closing run of '#' is not part of the title.
                const size_t hashes = title.find_last_not_of('#');
                if (hashes != std::string_view::npos && hashes + 1 < title.size() && is_space(title[hashes]))
                    title = trim(title.substr(0, hashes + 1));
                else if (hashes == std::string_view::npos)
                    title = {};
                MarkdownBlock heading;
                heading.kind = MarkdownBlock::Kind::Heading;
                heading.level = (int)std::min<size_t>(level, 3);
                InlineParser(heading.spans, links_).parse(title, MarkdownSpan::Plain, -1);
                blocks_.push_back(std::move(heading));
            } else if (open) {
                open_text += ' ';
                open_text += content;
            } else {
                open.emplace();
                open_text = content;
            }
        } else if (indent < 4 && is_rule(content)) {
            flush();
            list_indents.clear();
            MarkdownBlock rule;
            rule.kind = MarkdownBlock::Kind::Rule;
            blocks_.push_back(std::move(rule));
        } else if (const size_t number = numbered_marker(content);
                   number || ((content[0] == '-' || content[0] == '*' || content[0] == '+') &&
                              (content.size() == 1 || is_space(content[1])))) {
            flush();
            while (!list_indents.empty() && list_indents.back() > indent) list_indents.pop_back();
            if (list_indents.empty() || list_indents.back() < indent) list_indents.push_back(indent);
            open.emplace();
            open->kind = number ? MarkdownBlock::Kind::NumberedItem : MarkdownBlock::Kind::BulletItem;
            open->level = (int)list_indents.size() - 1;
            if (number) open->marker = std::string(content.substr(0, number));
            open_text = trim(content.substr(number ? number : 1));
        } else if (open) {
            // A line continuing the paragraph or list item above (soft wrap).
            open_text += ' ';
            open_text += trim(content);
        } else {
            list_indents.clear();
            open.emplace();
            open_text = trim(content);
        }
        if (last_line) break;
    }
    if (in_code) blocks_.push_back(std::move(code));  // an unclosed fence runs to the end
    flush();
}

// --- layout -----------------------------------------------------------------

const char* MarkdownDocument::fragment_text(const Fragment& f) const {
    const MarkdownBlock& block = blocks_[(size_t)f.block];
    return f.span < 0 ? block.marker.data() : block.spans[(size_t)f.span].text.data();
}

void MarkdownDocument::layout(ImFont* regular, ImFont* bold, ImFont* mono, ImFont* heading, bool scaled_heading,
                              float wrap_width) {
    Layout& L = layout_;
    L.fragments.clear();
    L.decorations.clear();
    L.wrap_width = wrap_width;
    L.scaled_heading = scaled_heading;
    ImFont* key_fonts[4] = {regular, bold, mono, heading};
    for (int i = 0; i < 4; ++i) {
        L.fonts[i] = key_fonts[i];
        L.sizes[i] = key_fonts[i]->FontSize;
    }

    const float body = regular->FontSize;
    const float leading = std::round(body * 0.15f);      // extra space between wrapped lines
    const float list_unit = std::round(body * 1.5f);     // indentation per list level
    const float code_pad = std::round(body * 0.5f);

    float y = 0;
    size_t line_first = 0;  // first fragment of the line being filled
    float line_top = 0;

    auto ascent_of = [](const Fragment& f) { return f.font->Ascent * f.size / f.font->FontSize; };
    // Closes the line: aligns its fragments on a common baseline, returns its height.
    auto end_line = [&](float empty_height) {
        float ascent = 0, descent = 0;
        for (size_t i = line_first; i < L.fragments.size(); ++i) {
            ascent = std::max(ascent, ascent_of(L.fragments[i]));
            descent = std::max(descent, L.fragments[i].size - ascent_of(L.fragments[i]));
        }
        for (size_t i = line_first; i < L.fragments.size(); ++i) L.fragments[i].pos.y = line_top + ascent - ascent_of(L.fragments[i]);
        line_first = L.fragments.size();
        return ascent + descent > 0 ? ascent + descent : empty_height;
    };

    // Flows the spans of block `bi` from x0 over `width`, starting at y, and
    // moves y below the last line.
    auto flow = [&](int bi, float x0, float width, ImFont* base_font, float base_size) {
        const MarkdownBlock& block = blocks_[(size_t)bi];
        const bool is_heading = block.kind == MarkdownBlock::Kind::Heading;
        line_first = L.fragments.size();
        line_top = y;
        float x = x0;
        bool line_has_text = false;
        auto new_line = [&] {
            const float h = end_line(base_size);
            line_top += h + leading;
            x = x0;
            line_has_text = false;
        };
        for (size_t si = 0; si < block.spans.size(); ++si) {
            const MarkdownSpan& span = block.spans[si];
            ImFont* font = base_font;
            float size = base_size;
            if (span.style & MarkdownSpan::Code) {
                font = mono;
                size = is_heading ? base_size : mono->FontSize;
            } else if ((span.style & MarkdownSpan::Bold) && !is_heading) {
                font = bold;
                size = bold->FontSize;
            }
            const char* text = span.text.data();
            const size_t len = span.text.size();
            auto measure = [&](size_t a, size_t b) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text + a, text + b).x; };
            auto add = [&](size_t a, size_t b, float w, float ink) {
                if (!L.fragments.empty() && L.fragments.size() > line_first) {
                    Fragment& prev = L.fragments.back();
                    if (prev.block == bi && prev.span == (int)si && prev.end == a) {
                        prev.end = (uint32_t)b;
                        if (ink > 0) prev.ink_width = prev.width + ink;
                        prev.width += w;
                        x += w;
                        return;
                    }
                }
                Fragment f;
                f.block = bi;
                f.span = (int)si;
                f.begin = (uint32_t)a;
                f.end = (uint32_t)b;
                f.pos = ImVec2(x, line_top);
                f.width = w;
                f.ink_width = ink;
                f.height = size;
                f.font = font;
                f.size = size;
                f.style = span.style;
                f.link = span.link;
                L.fragments.push_back(f);
                x += w;
                line_has_text = true;
            };
            size_t pos = 0;
            while (pos < len) {
                if (!line_has_text) {
                    while (pos < len && text[pos] == ' ') ++pos;  // a wrapped line starts at its first word
                    if (pos == len) break;
                }
                size_t word_end = pos;
                while (word_end < len && text[word_end] != ' ') ++word_end;
                size_t next = word_end;
                while (next < len && text[next] == ' ') ++next;
                const float word_w = measure(pos, word_end);
                if (line_has_text && x + word_w > x0 + width) {
                    new_line();
                    continue;
                }
                if (word_w > x0 + width - x) {
                    // Longer than a whole line: cut between characters.
                    const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, text + pos, text + word_end,
                                                                  x0 + width - x);
                    if (cut <= text + pos) {  // not even one character fits: take one anyway
                        cut = text + pos + 1;
                        while (cut < text + word_end && ((unsigned char)*cut & 0xC0) == 0x80) ++cut;
                    }
                    const size_t end = (size_t)(cut - text);
                    const float w = measure(pos, end);
                    add(pos, end, w, w);
                    new_line();
                    pos = end;
                    continue;
                }
                add(pos, next, next == word_end ? word_w : measure(pos, next), word_w);
                pos = next;
            }
        }
        const float h = end_line(base_size);
        y = line_top + h;
    };

    auto heading_font = [&](int level, float& size) {
        // Without a heading font the current font is drawn scaled up (a little soft, but clearly a title).
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
    };

    MarkdownBlock::Kind previous = MarkdownBlock::Kind::Paragraph;
    for (size_t b = 0; b < blocks_.size(); ++b) {
        const MarkdownBlock& block = blocks_[b];
        const bool is_item = block.kind == MarkdownBlock::Kind::BulletItem || block.kind == MarkdownBlock::Kind::NumberedItem;
        const bool was_item = previous == MarkdownBlock::Kind::BulletItem || previous == MarkdownBlock::Kind::NumberedItem;
        if (b > 0) {
            if (is_item && was_item)
                y += std::round(body * 0.25f);
            else if (block.kind == MarkdownBlock::Kind::Heading)
                y += std::round(body * 0.9f);
            else
                y += std::round(body * 0.6f);
        }
        previous = block.kind;
        const size_t first_fragment = L.fragments.size();
        switch (block.kind) {
            case MarkdownBlock::Kind::Heading: {
                float size = 0;
                ImFont* font = heading_font(block.level, size);
                flow((int)b, 0, wrap_width, font, size);
                break;
            }
            case MarkdownBlock::Kind::Paragraph:
                flow((int)b, 0, wrap_width, regular, body);
                break;
            case MarkdownBlock::Kind::BulletItem:
            case MarkdownBlock::Kind::NumberedItem: {
                // A long number ("10.") pushes the text right rather than poking out on the left.
                const float marker_w = block.marker.empty() ? 0.0f
                                                            : regular->CalcTextSizeA(body, FLT_MAX, 0.0f, block.marker.c_str()).x +
                                                                  std::round(body * 0.35f);
                const float x0 = list_unit * (float)block.level + std::max(list_unit, marker_w);
                const float top = y;
                flow((int)b, x0, std::max(wrap_width - x0, body), regular, body);
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
                } else {
                    Fragment f;
                    f.block = (int)b;
                    f.span = -1;
                    f.begin = 0;
                    f.end = (uint32_t)block.marker.size();
                    f.font = regular;
                    f.size = body;
                    f.width = regular->CalcTextSizeA(body, FLT_MAX, 0.0f, block.marker.data(),
                                                     block.marker.data() + block.marker.size()).x;
                    f.ink_width = f.width;
                    f.height = body;
                    f.pos = ImVec2(x0 - std::round(body * 0.35f) - f.width, baseline - regular->Ascent);
                    L.fragments.push_back(f);
                }
                break;
            }
            case MarkdownBlock::Kind::CodeBlock: {
                const std::string& code = block.spans[0].text;
                const float line_h = mono->FontSize;
                float line_y = y + code_pad;
                for (size_t begin = 0;;) {
                    size_t end = code.find('\n', begin);
                    if (end == std::string::npos) end = code.size();
                    if (end > begin) {
                        Fragment f;
                        f.block = (int)b;
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
                L.decorations.push_back({Decoration::Kind::CodeBackground, ImVec2(0, y), ImVec2(wrap_width, bottom)});
                y = bottom;
                break;
            }
            case MarkdownBlock::Kind::Rule: {
                const float mid = std::round(y + body * 0.5f) + 0.5f;
                L.decorations.push_back({Decoration::Kind::Rule, ImVec2(0, mid), ImVec2(wrap_width, mid)});
                y += body;
                break;
            }
        }
    }
    L.height = y;
}

// --- drawing ----------------------------------------------------------------

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

    // Links first: hit areas and clicks, so a link wrapped over two lines
    // lights up as a whole when either part is hovered.
    std::optional<std::string> clicked;
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
        if (ImGui::ButtonBehavior(r, id, &hovered, &held)) clicked = links_[(size_t)f.link];
        if (hovered || held) hovered_link = f.link;
    }
    ImGui::PopID();
    // The document itself is the last item, so IsItemHovered() and
    // GetItemRectMin() after draw() describe all of it.
    ImGui::ItemAdd(bb, 0);
    if (hovered_link >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", links_[(size_t)hovered_link].c_str());
    }

    ImDrawList* dl = window->DrawList;
    const bool dark = background_is_dark();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    // ImGui cannot slant glyphs and no italic face is loaded: *italic* keeps
    // the regular font and is told apart by a softer colour.
    const ImU32 italic_col = mix_u32(text_col, ImGui::GetColorU32(ImGuiCol_TextDisabled), 0.5f);
    const ImU32 link_col = rgb_to_u32(dark ? 0x60a5fa : 0x2563eb);
    const ImU32 link_hover_col = rgb_to_u32(dark ? 0x93c5fd : 0x1d4ed8);
    const ImU32 code_bg = mix_u32(ImGui::GetColorU32(ImGuiCol_WindowBg), text_col, dark ? 0.12f : 0.06f);
    const ImU32 rule_col = ImGui::GetColorU32(ImGuiCol_Separator);
    const float rounding = ImGui::GetStyle().FrameRounding * 0.5f;

    for (const Decoration& d : layout_.decorations) {
        switch (d.kind) {
            case Decoration::Kind::CodeBackground:
                dl->AddRectFilled(origin + d.min, origin + d.max, code_bg, rounding);
                break;
            case Decoration::Kind::Rule:
                dl->AddLine(origin + d.min, origin + d.max, rule_col);
                break;
            case Decoration::Kind::Bullet:
                dl->AddCircleFilled(origin + (d.min + d.max) * 0.5f, (d.max.x - d.min.x) * 0.5f, text_col, 8);
                break;
        }
    }

    // Code-block lines stop at the block's edge instead of running past it.
    const float code_pad = std::round(regular->FontSize * 0.5f);
    const ImVec4 code_clip(origin.x, -FLT_MAX, origin.x + wrap_width - code_pad * 0.5f, FLT_MAX);
    for (const Fragment& f : layout_.fragments) {
        const char* text = fragment_text(f);
        const ImVec2 p = origin + f.pos;
        const bool block_code = f.span >= 0 && blocks_[(size_t)f.block].kind == MarkdownBlock::Kind::CodeBlock;
        ImU32 col = text_col;
        if (f.link >= 0)
            col = f.link == hovered_link ? link_hover_col : link_col;
        else if (f.style & MarkdownSpan::Italic)
            col = italic_col;
        if ((f.style & MarkdownSpan::Code) && !block_code)
            dl->AddRectFilled(p - ImVec2(2, 0), p + ImVec2(f.ink_width + 2, f.height), code_bg, rounding);
        dl->AddText(f.font, f.size, p, col, text + f.begin, text + f.end, 0.0f, block_code ? &code_clip : nullptr);
        if (f.link >= 0 && f.ink_width > 0) {
            const float uy = std::round(p.y + f.font->Ascent * f.size / f.font->FontSize + 1.0f) + 0.5f;
            dl->AddLine(ImVec2(p.x, uy), ImVec2(p.x + f.ink_width, uy), col);
        }
    }
    return clicked;
}

}  // namespace imgr::widgets
