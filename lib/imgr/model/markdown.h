// Markdown text parsed into blocks of styled spans: pure text in, data out,
// no drawing (the view's widgets/markdown lays the blocks out and draws them).
// The subset Gradio demos use: # to ### headings, paragraphs (lines joined),
// **bold**, *italic*, `inline code`, fenced code blocks, bullet and numbered
// lists (nested by indentation), links [text](url) and <https://...>, and
// horizontal rules. Backslash escapes a punctuation mark.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace imgr {

struct MarkdownSpan {
    enum Style : unsigned { Plain = 0, Bold = 1u << 0, Italic = 1u << 1, Code = 1u << 2, Link = 1u << 3 };
    std::string text;
    unsigned style = Plain;  // a combination of Style bits
    int link = -1;           // when style has Link: index into MarkdownText::links
    bool operator==(const MarkdownSpan&) const = default;
};

struct MarkdownBlock {
    enum class Kind { Heading, Paragraph, BulletItem, NumberedItem, CodeBlock, Rule };
    Kind kind = Kind::Paragraph;
    int level = 0;                   // Heading: 1..3 (#### and deeper count as 3); list items: nesting depth from 0
    std::string marker;              // NumberedItem: the number as written, with its "." or ")"
    std::string info;                // CodeBlock: the word after the opening fence ("cpp")
    std::vector<MarkdownSpan> spans; // CodeBlock: one Code span holding the lines, '\n' between them; Rule: none
    bool operator==(const MarkdownBlock&) const = default;
};

struct MarkdownText {
    std::vector<MarkdownBlock> blocks;
    std::vector<std::string> links;  // URLs, in order of appearance
};

MarkdownText parse_markdown(std::string_view text);

}  // namespace imgr
