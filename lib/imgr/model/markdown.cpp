#include "imgr/model/markdown.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace imgr {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_punct(char c) { return std::ispunct((unsigned char)c) != 0; }
bool is_word(char c) { return std::isalnum((unsigned char)c) != 0 || (unsigned char)c >= 0x80; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

size_t count_run(std::string_view s, size_t i, char c) {
    size_t n = 0;
    while (i + n < s.size() && s[i + n] == c) ++n;
    return n;
}

size_t find_backtick_run(std::string_view s, size_t from, size_t run) {
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

bool has_closer(std::string_view s, size_t from, std::string_view delim) {
    for (size_t at = s.find(delim, from); at != std::string_view::npos; at = s.find(delim, at + 1))
        if (at > from && !is_space(s[at - 1])) return true;
    return false;
}

// [label](url "title") starting at s[i] == '['; returns the index after ')'.
size_t match_link(std::string_view s, size_t i, std::string_view& label, std::string_view& url) {
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

// Inline markup of one paragraph, heading or list item into spans. Each
// markup step reads at s[i] and returns the index after what it took, or
// npos when the character there is plain text after all.
class InlineParser {
public:
    InlineParser(std::vector<MarkdownSpan>& out, std::vector<std::string>& links) : out_(out), links_(links) {}

    void parse(std::string_view s, unsigned base_style, int link) {
        Run run{s, base_style, link, {}};
        size_t i = 0;
        while (i < s.size()) {
            const char c = s[i];
            size_t next = std::string_view::npos;
            if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
                run.text += s[i + 1];
                next = i + 2;
            } else if (c == '`') {
                next = code(run, i);
            } else if (c == '*' || c == '_') {
                next = emphasis(run, i);
            } else if (c == '[' && !(run.style & MarkdownSpan::Link)) {
                next = link_to(run, i);
            } else if (c == '<' && !(run.style & MarkdownSpan::Link)) {
                next = autolink(run, i);
            }
            if (next == std::string_view::npos) {
                run.text += c;
                next = i + 1;
            }
            i = next;
        }
        flush(run);
    }

private:
    // The text being gathered in one style.
    struct Run {
        std::string_view s;
        unsigned style;
        int link;
        std::string text;
    };

    void flush(Run& run) {
        if (run.text.empty()) return;
        push(std::move(run.text), run.style, run.link);
        run.text.clear();
    }

    void push(std::string text, unsigned style, int link) {
        if (!(style & MarkdownSpan::Link)) link = -1;
        if (!out_.empty() && out_.back().style == style && out_.back().link == link) {
            out_.back().text += text;  // an escape or a literal '*' split the run: join it again
            return;
        }
        out_.push_back(MarkdownSpan{std::move(text), style, link});
    }

    size_t code(Run& run, size_t i) {
        const std::string_view s = run.s;
        const size_t ticks = count_run(s, i, '`');
        const size_t close = find_backtick_run(s, i + ticks, ticks);
        if (close == std::string_view::npos) {
            run.text.append(s.substr(i, ticks));
            return i + ticks;
        }
        std::string_view code = s.substr(i + ticks, close - i - ticks);
        // One space on each side lets code start or end with a backtick.
        if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
        flush(run);
        push(std::string(code), (run.style & MarkdownSpan::Link) | MarkdownSpan::Code, run.link);
        return close + ticks;
    }

    size_t emphasis(Run& run, size_t i) {
        const std::string_view s = run.s;
        const char c = s[i];
        const size_t count = count_run(s, i, c);
        const char before = i > 0 ? s[i - 1] : ' ';
        const char after = i + count < s.size() ? s[i + count] : ' ';
        // snake_case stays literal: '_' inside a word is not emphasis.
        if (c == '_' && is_word(before) && is_word(after)) {
            run.text.append(s.substr(i, count));
            return i + count;
        }
        // Close what is open (preceded by a non-space), else open when
        // followed by a non-space and a closer exists further on.
        const unsigned bit = count >= 2 ? MarkdownSpan::Bold : MarkdownSpan::Italic;
        const size_t width = count >= 2 ? 2 : 1;
        const std::string_view delim = s.substr(i, width);
        if ((run.style & bit) && !is_space(before)) {
            flush(run);
            run.style &= ~bit;
        } else if (!(run.style & bit) && !is_space(after) && has_closer(s, i + width, delim)) {
            flush(run);
            run.style |= bit;
        } else {
            run.text.append(delim);
        }
        return i + width;
    }

    size_t link_to(Run& run, size_t i) {
        std::string_view label, url;
        const size_t end = match_link(run.s, i, label, url);
        if (end == std::string_view::npos) return end;
        flush(run);
        const int index = (int)links_.size();
        links_.emplace_back(url);
        parse(label, run.style | MarkdownSpan::Link, index);
        return end;
    }

    // <https://...>: an autolink showing its own address.
    size_t autolink(Run& run, size_t i) {
        const size_t close = run.s.find('>', i + 1);
        if (close == std::string_view::npos) return close;
        const std::string_view inner = run.s.substr(i + 1, close - i - 1);
        if (inner.find("://") == std::string_view::npos || inner.find(' ') != std::string_view::npos)
            return std::string_view::npos;
        flush(run);
        const int index = (int)links_.size();
        links_.emplace_back(inner);
        push(std::string(inner), run.style | MarkdownSpan::Link, index);
        return close + 1;
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

bool is_bullet(std::string_view content) {
    return (content[0] == '-' || content[0] == '*' || content[0] == '+') && (content.size() == 1 || is_space(content[1]));
}

// The blocks, one line at a time.
class BlockParser {
public:
    explicit BlockParser(MarkdownText& out) : out_(out) {}

    void line(std::string_view line) {
        size_t indent = 0, skip = 0;
        while (skip < line.size() && is_space(line[skip])) indent += line[skip++] == '\t' ? 4 : 1;
        const std::string_view content = line.substr(skip);
        if (in_code_)
            code_line(line, content, indent);
        else if (trim(content).empty())
            flush();
        else if (indent < 4 && (content.starts_with("```") || content.starts_with("~~~")))
            open_fence(content, indent);
        else if (content[0] == '#' && indent < 4)
            heading(content);
        else if (indent < 4 && is_rule(content))
            rule();
        else if (const size_t number = numbered_marker(content); number || is_bullet(content))
            list_item(content, indent, number);
        else
            text_line(content);
    }

    void finish() {
        if (in_code_) out_.blocks.push_back(std::move(code_));  // an unclosed fence runs to the end
        flush();
    }

private:
    void flush() {
        if (!open_) return;
        InlineParser(open_->spans, out_.links).parse(trim(open_text_), MarkdownSpan::Plain, -1);
        out_.blocks.push_back(std::move(*open_));
        open_.reset();
        open_text_.clear();
    }

    void code_line(std::string_view line, std::string_view content, size_t indent) {
        const size_t run = content.find_first_not_of(fence_char_);
        const size_t fence_run = run == std::string_view::npos ? content.size() : run;
        if (fence_run >= fence_len_ && trim(content.substr(fence_run)).empty() && indent < 4) {
            out_.blocks.push_back(std::move(code_));
            in_code_ = false;
            return;
        }
        // Lines lose at most the opening fence's indentation.
        size_t drop = 0;
        while (drop < line.size() && drop < fence_indent_ && line[drop] == ' ') ++drop;
        if (code_lines_++ > 0) code_.spans[0].text += '\n';
        code_.spans[0].text += line.substr(drop);
    }

    void open_fence(std::string_view content, size_t indent) {
        flush();
        list_indents_.clear();
        fence_char_ = content[0];
        fence_len_ = content.find_first_not_of(fence_char_);
        if (fence_len_ == std::string_view::npos) fence_len_ = content.size();
        fence_indent_ = indent;
        code_ = MarkdownBlock{};
        code_lines_ = 0;
        code_.kind = MarkdownBlock::Kind::CodeBlock;
        const std::string_view info = trim(content.substr(fence_len_));
        code_.info = std::string(info.substr(0, info.find(' ')));
        code_.spans.push_back(MarkdownSpan{"", MarkdownSpan::Code, -1});
        in_code_ = true;
    }

    // "# Title"; a '#' run that is not a heading ("#hashtag") is text.
    void heading(std::string_view content) {
        size_t level = content.find_first_not_of('#');
        if (level == std::string_view::npos) level = content.size();
        if (level > 6 || (level < content.size() && !is_space(content[level]))) {
            if (!open_) open_.emplace();
            else open_text_ += ' ';
            open_text_ += content;
            return;
        }
        flush();
        list_indents_.clear();
        std::string_view title = trim(content.substr(level));
        // An optional closing run of '#' is not part of the title.
        const size_t hashes = title.find_last_not_of('#');
        if (hashes != std::string_view::npos && hashes + 1 < title.size() && is_space(title[hashes]))
            title = trim(title.substr(0, hashes + 1));
        else if (hashes == std::string_view::npos)
            title = {};
        MarkdownBlock block;
        block.kind = MarkdownBlock::Kind::Heading;
        block.level = (int)std::min<size_t>(level, 3);
        InlineParser(block.spans, out_.links).parse(title, MarkdownSpan::Plain, -1);
        out_.blocks.push_back(std::move(block));
    }

    void rule() {
        flush();
        list_indents_.clear();
        MarkdownBlock block;
        block.kind = MarkdownBlock::Kind::Rule;
        out_.blocks.push_back(std::move(block));
    }

    void list_item(std::string_view content, size_t indent, size_t number) {
        flush();
        while (!list_indents_.empty() && list_indents_.back() > indent) list_indents_.pop_back();
        if (list_indents_.empty() || list_indents_.back() < indent) list_indents_.push_back(indent);
        open_.emplace();
        open_->kind = number ? MarkdownBlock::Kind::NumberedItem : MarkdownBlock::Kind::BulletItem;
        open_->level = (int)list_indents_.size() - 1;
        if (number) open_->marker = std::string(content.substr(0, number));
        open_text_ = trim(content.substr(number ? number : 1));
    }

    // A paragraph's line, or one continuing the paragraph or list item above (soft wrap).
    void text_line(std::string_view content) {
        if (open_) {
            open_text_ += ' ';
            open_text_ += trim(content);
            return;
        }
        list_indents_.clear();
        open_.emplace();
        open_text_ = trim(content);
    }

    MarkdownText& out_;
    // The paragraph or list item being gathered; its lines join with a space.
    std::optional<MarkdownBlock> open_;
    std::string open_text_;
    std::vector<size_t> list_indents_;  // indentation of the enclosing list items, outermost first
    bool in_code_ = false;
    char fence_char_ = 0;
    size_t fence_len_ = 0, fence_indent_ = 0, code_lines_ = 0;
    MarkdownBlock code_;
};

}  // namespace

MarkdownText parse_markdown(std::string_view text) {
    MarkdownText out;
    BlockParser parser(out);
    for (size_t pos = 0; pos <= text.size();) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        parser.line(line);
        pos = eol + 1;
    }
    parser.finish();
    return out;
}

}  // namespace imgr
