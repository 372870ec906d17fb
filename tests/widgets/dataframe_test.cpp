#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/dataframe.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>

using imgr::Json;
using imgr::TableValue;
using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

namespace {
std::string cell(const Json& j) {
    CellText scratch;
    return std::string(format_cell(j, scratch));
}

TableValue numbers(int rows) {
    TableValue t;
    t.headers = {"name", "score"};
    for (int i = 0; i < rows; ++i) t.rows.push_back({Json("row " + std::to_string(i)), Json(i * 1.5)});
    return t;
}

ImGuiTable* table_named(const char* id) {
    ImGuiWindow* window = ImGui::FindWindowByName("widgets");
    REQUIRE(window != nullptr);
    return ImGui::TableFindByID(window->GetID(id));
}
}  // namespace

TEST_CASE("cells: numbers shortest, strings verbatim, structures as JSON") {
    CHECK(cell(Json(12)) == "12");
    CHECK(cell(Json(12.0)) == "12");
    CHECK(cell(Json(4.5)) == "4.5");
    CHECK(cell(Json(-0.25)) == "-0.25");
    CHECK(cell(Json(-0.0)) == "0");
    CHECK(cell(Json(std::nan(""))) == "nan");
    CHECK(cell(Json(std::numeric_limits<uint64_t>::max())) == "18446744073709551615");
    CHECK(cell(Json("a, b")) == "a, b");
    CHECK(cell(Json(false)) == "false");
    CHECK(cell(Json(nullptr)) == "");
    CHECK(cell(Json::array({1, "x"})) == "[1,\"x\"]");
    CHECK(cell_is_number(Json(3)));
    CHECK_FALSE(cell_is_number(Json("3")));
}

TEST_CASE("a short table fits its rows, a long one stops at max_height and scrolls") {
    HeadlessImGui ui;
    const TableValue short_table = numbers(3), long_table = numbers(1000);
    ImVec2 short_size, long_size;
    for (int i = 0; i < 3; ++i) {
        ui.frame([&] {
            draw_dataframe("short", short_table, 200);
            short_size = ImGui::GetItemRectSize();
            draw_dataframe("long", long_table, 200);
            long_size = ImGui::GetItemRectSize();
        });
    }
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    CHECK(short_size.y >= 4 * row_h);
    CHECK(short_size.y < 200);
    CHECK(long_size.y == doctest::Approx(200).epsilon(0.01));

    ImGuiTable* small = table_named("short");
    ImGuiTable* large = table_named("long");
    REQUIRE(small);
    REQUIRE(large);
    CHECK(small->InnerWindow->ScrollMax.y == 0);  // every row visible, no scrollbar
    CHECK(large->InnerWindow->ScrollMax.y > 1000 * row_h * 0.9f);
    CHECK(large->ColumnsCount == 2);
}

TEST_CASE("numbers are right-aligned, text left-aligned") {
    HeadlessImGui ui;
    TableValue t;
    t.headers = {"n", "s"};
    t.rows = {{Json(1), Json("a")}, {Json(123456), Json("abcdef")}};
    for (int i = 0; i < 2; ++i) ui.frame([&] { draw_dataframe("aligned", t, 300); });
    ImGuiTable* table = table_named("aligned");
    REQUIRE(table);
    const ImRect col0 = ImRect(table->Columns[0].MinX, table->OuterRect.Min.y, table->Columns[0].MaxX, table->OuterRect.Max.y);
    const ImRect col1 = ImRect(table->Columns[1].MinX, table->OuterRect.Min.y, table->Columns[1].MaxX, table->OuterRect.Max.y);
    // Glyph extents (min x, max x) per body row, in each column.
    std::map<int, std::pair<float, float>> number_rows, text_rows;
    const ImDrawList* dl = table->InnerWindow->DrawList;
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const float body_top = table->OuterRect.Min.y + row_h;
    for (const ImDrawVert& v : dl->VtxBuffer) {
        if (!imgr::test::is_glyph(v) || v.pos.y < body_top) continue;
        auto* rows = col0.Contains(v.pos) ? &number_rows : col1.Contains(v.pos) ? &text_rows : nullptr;
        if (!rows) continue;
        auto [it, fresh] = rows->try_emplace((int)((v.pos.y - body_top) / row_h), v.pos.x, v.pos.x);
        it->second.first = std::min(it->second.first, v.pos.x);
        it->second.second = std::max(it->second.second, v.pos.x);
    }
    REQUIRE(number_rows.size() == 2);
    REQUIRE(text_rows.size() == 2);
    auto first = number_rows.begin(), last = std::prev(number_rows.end());
    CHECK(first->second.second == doctest::Approx(last->second.second).epsilon(0.001));  // right edges meet
    CHECK(first->second.first > last->second.first + 10);                               // "1" starts further right
    auto t_first = text_rows.begin(), t_last = std::prev(text_rows.end());
    CHECK(t_first->second.first == doctest::Approx(t_last->second.first).epsilon(0.001));  // left edges meet
}

TEST_CASE("an empty table says so, extra columns beyond ImGui's limit are left out") {
    HeadlessImGui ui;
    ImVec2 size;
    ui.frame([&] {
        draw_dataframe("none", TableValue{});
        size = ImGui::GetItemRectSize();
    });
    CHECK(size.y > 0);

    TableValue wide;
    for (int c = 0; c < 70; ++c) wide.headers.push_back("c" + std::to_string(c));
    wide.rows.push_back(std::vector<Json>(70, Json(1)));
    ui.frame([&] { draw_dataframe("wide", wide); });
    ImGuiTable* table = table_named("wide");
    REQUIRE(table);
    CHECK(table->ColumnsCount == 64);
}
