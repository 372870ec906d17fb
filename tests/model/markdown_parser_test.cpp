// The Markdown parser: text in, blocks of styled spans out. Pure model code:
// no ImGui context (the drawing is tested in tests/widgets/markdown_test.cpp).
#include <doctest/doctest.h>
#include <support/markdown_sample.h>
#include <imgr/model/markdown.h>

#include <string>
#include <vector>

using imgr::MarkdownBlock;
using imgr::MarkdownSpan;
using Kind = MarkdownBlock::Kind;

namespace {

MarkdownSpan span(std::string text, unsigned style = MarkdownSpan::Plain, int link = -1) {
    return MarkdownSpan{std::move(text), style, link};
}

}  // namespace

TEST_CASE("markdown parses every supported block") {
    const imgr::MarkdownText doc = imgr::parse_markdown(imgr_test::kMarkdownSample);
    const auto& b = doc.blocks;
    REQUIRE(b.size() == 12);

    CHECK(b[0].kind == Kind::Heading);
    CHECK(b[0].level == 1);
    CHECK(b[0].spans == std::vector{span("Title")});
    CHECK(b[1].level == 2);
    CHECK(b[1].spans == std::vector{span("Subtitle")});  // closing hashes dropped
    CHECK(b[2].level == 3);

    CHECK(b[3].kind == Kind::Paragraph);
    CHECK(b[3].spans == std::vector{
                            span("A paragraph with "),
                            span("bold", MarkdownSpan::Bold),
                            span(", "),
                            span("italic", MarkdownSpan::Italic),
                            span(", "),
                            span("code", MarkdownSpan::Code),
                            span(" and a "),
                            span("link", MarkdownSpan::Link, 0),
                            span(". It continues on a second line."),  // lines joined: soft wrap
                        });

    CHECK(b[4].kind == Kind::BulletItem);
    CHECK(b[4].level == 0);
    CHECK(b[4].spans == std::vector{span("first item")});
    CHECK(b[5].spans == std::vector{span("second with "), span("bold", MarkdownSpan::Bold)});
    CHECK(b[6].kind == Kind::BulletItem);
    CHECK(b[6].level == 1);
    CHECK(b[7].kind == Kind::NumberedItem);
    CHECK(b[7].marker == "1.");
    CHECK(b[7].level == 0);
    CHECK(b[8].marker == "2)");
    CHECK(b[8].spans == std::vector{span("two")});

    CHECK(b[9].kind == Kind::Rule);

    CHECK(b[10].kind == Kind::CodeBlock);
    CHECK(b[10].info == "python");
    CHECK(b[10].spans == std::vector{span("def f(x):\n\n    return x * 2", MarkdownSpan::Code)});

    CHECK(b[11].kind == Kind::Paragraph);
    CHECK(b[11].spans == std::vector{span("Escaped *stars* and snake_case_name and a lone * star. "),
                                     span("https://auto.example", MarkdownSpan::Link, 1)});
    CHECK(doc.links == std::vector<std::string>{"https://example.com", "https://auto.example"});
}

TEST_CASE("inline markup: nesting, unmatched markers and code") {
    const imgr::MarkdownText doc = imgr::parse_markdown("***both*** and **[bold link](u)** and `**not bold**` and **open");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].spans == std::vector{
                                       span("both", MarkdownSpan::Bold | MarkdownSpan::Italic),
                                       span(" and "),
                                       span("bold link", MarkdownSpan::Bold | MarkdownSpan::Link, 0),
                                       span(" and "),
                                       span("**not bold**", MarkdownSpan::Code),
                                       span(" and **open"),
                                   });
    const imgr::MarkdownText fence = imgr::parse_markdown("```\nunclosed\n  fence");
    REQUIRE(fence.blocks.size() == 1);
    CHECK(fence.blocks[0].spans[0].text == "unclosed\n  fence");
    CHECK(imgr::parse_markdown("").blocks.empty());
    CHECK(imgr::parse_markdown("#hashtag").blocks[0].kind == Kind::Paragraph);
}

TEST_CASE("lists nest by indentation and a blank line or a paragraph ends them") {
    const auto doc = imgr::parse_markdown("- a\n    - b\n        - c\n  - d\n\nafter\n- again");
    const auto& b = doc.blocks;
    REQUIRE(b.size() == 6);
    CHECK(b[0].level == 0);
    CHECK(b[1].level == 1);
    CHECK(b[2].level == 2);
    CHECK(b[3].level == 1);  // back out to the enclosing list's depth
    CHECK(b[4].kind == Kind::Paragraph);
    CHECK(b[5].level == 0);
    CHECK(b[5].spans == std::vector{span("again")});
}

TEST_CASE("lines: CRLF endings, soft wraps of list items, a '#' run that is no heading") {
    const auto doc = imgr::parse_markdown("first line\r\nsecond\r\n\n1. item\n   continued\n\n####### seven\n#tag");
    const auto& b = doc.blocks;
    REQUIRE(b.size() == 3);
    CHECK(b[0].spans == std::vector{span("first line second")});
    CHECK(b[1].kind == Kind::NumberedItem);
    CHECK(b[1].spans == std::vector{span("item continued")});
    CHECK(b[2].kind == Kind::Paragraph);
    CHECK(b[2].spans == std::vector{span("####### seven #tag")});
    CHECK(imgr::parse_markdown("#### deep").blocks[0].level == 3);
}

TEST_CASE("fences: tildes, a longer closing run, indentation removed up to the fence's own") {
    const auto doc = imgr::parse_markdown("  ~~~ cpp extra\n  int x;\n    y();\n~~~~\ntext");
    const auto& b = doc.blocks;
    REQUIRE(b.size() == 2);
    CHECK(b[0].kind == Kind::CodeBlock);
    CHECK(b[0].info == "cpp");
    CHECK(b[0].spans == std::vector{span("int x;\n  y();", MarkdownSpan::Code)});
    CHECK(b[1].spans == std::vector{span("text")});
}

TEST_CASE("links: nested brackets in the label, a title and <angle> targets - autolinks need a scheme") {
    const auto doc = imgr::parse_markdown("[a [b] c](<u v> \"t\") and [`x`](y) and <not a link> and [no](target");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.links == std::vector<std::string>{"<u", "y"});
    CHECK(doc.blocks[0].spans == std::vector{
                                     span("a [b] c", MarkdownSpan::Link, 0),
                                     span(" and "),
                                     span("x", MarkdownSpan::Code | MarkdownSpan::Link, 1),
                                     span(" and <not a link> and [no](target"),
                                 });
}
