#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <support/markdown_sample.h>
#include <imgr/view/widgets/markdown.h>

#include <algorithm>

using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

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
    MarkdownDocument doc(imgr_test::kMarkdownSample);
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
