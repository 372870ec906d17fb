#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/markdown.h>

#include <algorithm>

using namespace imgr::widgets;
using Kind = MarkdownBlock::Kind;
using imgr::test::HeadlessImGui;

namespace {

const char* kSample = R"(# Title
## Subtitle ##
### Small

A paragraph with **bold**, *italic*, `code` and a [link](https://example.com "title").
It continues on a second line.

- first item
- second with __bold__
  - nested item
1. one
2) two

---

```python
def f(x):

    return x * 2
```

Escaped \*stars\* and snake_case_name and a lone * star.
<https://auto.example>
)";

MarkdownSpan span(std::string text, unsigned style = MarkdownSpan::Plain, int link = -1) {
    return MarkdownSpan{std::move(text), style, link};
}

}  // namespace

TEST_CASE("markdown parses every supported block") {
    const MarkdownDocument doc(kSample);
    const auto& b = doc.blocks();
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
    CHECK(doc.links() == std::vector<std::string>{"https://example.com", "https://auto.example"});
}

TEST_CASE("inline markup: nesting, unmatched markers and code") {
    MarkdownDocument doc("***both*** and **[bold link](u)** and `**not bold**` and **open");
    REQUIRE(doc.blocks().size() == 1);
    CHECK(doc.blocks()[0].spans == std::vector{
                                       span("both", MarkdownSpan::Bold | MarkdownSpan::Italic),
                                       span(" and "),
                                       span("bold link", MarkdownSpan::Bold | MarkdownSpan::Link, 0),
                                       span(" and "),
                                       span("**not bold**", MarkdownSpan::Code),
                                       span(" and **open"),
                                   });
    MarkdownDocument fence("```\nunclosed\n  fence");
    REQUIRE(fence.blocks().size() == 1);
    CHECK(fence.blocks()[0].spans[0].text == "unclosed\n  fence");
    CHECK(MarkdownDocument("").blocks().empty());
    CHECK(MarkdownDocument("#hashtag").blocks()[0].kind == Kind::Paragraph);
}

TEST_CASE("clicking a link returns its URL, once") {
    HeadlessImGui ui;
    MarkdownDocument doc("Read the [docs](https://docs.example/start) or [the FAQ](faq.html).");
    std::optional<std::string> clicked;
    auto frame = [&] { ui.frame([&] { clicked = doc.draw({}, 500); }); };

    frame();
    CHECK_FALSE(clicked);
    REQUIRE(doc.link_areas().size() == 2);
    const MarkdownLinkArea second = doc.link_areas()[1];
    CHECK(second.link == 1);
    CHECK(second.max.x > second.min.x);

    const ImVec2 centre = (second.min + second.max) * 0.5f;
    ui.mouse(centre, true);  // press on the link
    frame();
    CHECK_FALSE(clicked);    // a link opens on release, like a button
    ui.mouse(centre, false);
    frame();
    REQUIRE(clicked);
    CHECK(*clicked == "faq.html");
    frame();
    CHECK_FALSE(clicked);

    // Pressed and released outside any link: nothing.
    const ImVec2 outside(second.max.x + 40, centre.y);
    ui.mouse(outside, true);
    frame();
    ui.mouse(outside, false);
    frame();
    CHECK_FALSE(clicked);
}

TEST_CASE("mixed-font paragraphs wrap word by word inside the width") {
    HeadlessImGui ui;
    const imgr::FontRoles fonts{ui.regular, ui.heading, ui.regular, ui.heading};  // "bold" drawn larger
    MarkdownDocument doc(
        "Some words then **large bold words in the middle** and `code` and [a link that wraps](x) "
        "plus averyveryveryveryverylongwordthatcannotfitononeline.");
    constexpr float narrow = 160;
    std::vector<ImDrawVert> vertices;
    ImVec2 origin;
    ui.frame([&] {
        origin = ImGui::GetCursorScreenPos();
        vertices = imgr::test::vertices_added([&] { doc.draw(fonts, narrow); });
    });
    const float narrow_height = doc.height();
    size_t glyph_vertices = 0;
    for (const ImDrawVert& v : vertices) {
        if (!imgr::test::is_glyph(v)) continue;
        ++glyph_vertices;
        CHECK(v.pos.x >= origin.x - 1);
        CHECK(v.pos.x <= origin.x + narrow + 1);
    }
    CHECK(glyph_vertices > 100);
    CHECK(narrow_height > ui.heading->FontSize * 4);  // several lines

    ui.frame([&] { doc.draw(fonts, 700); });
    CHECK(doc.height() < narrow_height);
    // The wrapped link keeps one hit area per line it spans.
    ui.frame([&] { doc.draw(fonts, narrow); });
    CHECK(doc.link_areas().size() >= 2);
    CHECK(std::all_of(doc.link_areas().begin(), doc.link_areas().end(), [](const MarkdownLinkArea& a) { return a.link == 0; }));
}

TEST_CASE("every block kind draws, and the layout is reused between frames") {
    HeadlessImGui ui;
    MarkdownDocument doc(kSample);
    const imgr::FontRoles fonts{ui.regular, ui.regular, ui.regular, ui.heading};
    ImVec2 item_size;
    ui.frame([&] {
        doc.draw(fonts, 400);
        item_size = ImGui::GetItemRectSize();
    });
    CHECK(item_size.x == doctest::Approx(400));
    CHECK(item_size.y == doctest::Approx(doc.height()));
    CHECK(doc.height() > ui.regular->FontSize * 15);
    const float height = doc.height();
    ui.frame([&] { doc.draw(fonts, 400); });
    CHECK(doc.height() == height);
    // Without fonts the current font is used everywhere (headings scaled up).
    ui.frame([&] { doc.draw({}, 400); });
    CHECK(doc.height() > 0);
    CHECK(doc.height() != height);
}
