#include <doctest/doctest.h>
#include <imgr/view/row_layout.h>

using imgr::place_row;

TEST_CASE("free width is shared by scale") {
    auto p = place_row({{1, 100}, {3, 100}}, 810, 10);
    REQUIRE(p.size() == 2);
    CHECK(p[0].width == doctest::Approx(200));
    CHECK(p[1].width == doctest::Approx(600));
    CHECK(p[1].x == doctest::Approx(210));
    CHECK(p[1].line == 0);
}

TEST_CASE("no child is narrower than its min_width") {
    auto p = place_row({{1, 300}, {9, 100}}, 1010, 10);
    CHECK(p[0].width == doctest::Approx(300));
    CHECK(p[1].width == doctest::Approx(700));
}

TEST_CASE("children that do not fit wrap onto the next line") {
    auto p = place_row({{1, 300}, {1, 300}, {1, 300}}, 700, 10);
    CHECK(p[0].line == 0);
    CHECK(p[1].line == 0);
    CHECK(p[2].line == 1);
    CHECK(p[2].x == 0);
    CHECK(p[2].width == doctest::Approx(700));  // alone on its line: the whole width
    CHECK(p[0].width == doctest::Approx(345));
}

TEST_CASE("scale 0 keeps a child at its min_width") {
    auto p = place_row({{0, 120}, {1, 100}}, 500, 10);
    CHECK(p[0].width == doctest::Approx(120));
    CHECK(p[1].width == doctest::Approx(370));
}

TEST_CASE("a child wider than the row gets the row's width") {
    auto p = place_row({{1, 900}}, 500, 10);
    CHECK(p[0].width == doctest::Approx(500));
}
