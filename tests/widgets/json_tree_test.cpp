#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/json_tree.h>

#include <limits>
#include <string>

using imgr::Json;
using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

namespace {
std::string scalar(const Json& j) {
    char buffer[256];
    const int n = format_json_scalar(j, buffer, sizeof buffer);
    return std::string(buffer, (size_t)n);
}
}  // namespace

TEST_CASE("scalars are shown by type") {
    CHECK(scalar(Json("cat")) == "\"cat\"");
    CHECK(scalar(Json("two\nlines")) == "\"two...\"");
    CHECK(scalar(Json(std::string(300, 'a'))) == "\"" + std::string(200, 'a') + "...\"");
    CHECK(scalar(Json(12)) == "12");
    CHECK(scalar(Json(-3)) == "-3");
    CHECK(scalar(Json(std::numeric_limits<uint64_t>::max())) == "18446744073709551615");
    CHECK(scalar(Json(4.5)) == "4.5");
    CHECK(scalar(Json(0.1)) == "0.1");
    CHECK(scalar(Json(true)) == "true");
    CHECK(scalar(Json(nullptr)) == "null");
    CHECK(scalar(Json::array({1, 2, 3})) == "[3]");
    CHECK(scalar(Json::object({{"a", 1}})) == "{1}");
    char tiny[4];
    CHECK(format_json_scalar(Json("abcdef"), tiny, sizeof tiny) == 3);  // truncated, still terminated
    CHECK(std::string(tiny) == "\"ab");
}

TEST_CASE("the tree shows the root's members, nodes open and close") {
    HeadlessImGui ui;
    const Json value = {{"a", 1}, {"b", {1, 2, 3}}, {"c", {{"d", nullptr}}}, {"e", "text"}};
    int rows = 0;
    ImVec2 start;
    auto frame = [&] {
        ui.frame([&] {
            start = ImGui::GetCursorScreenPos();
            rows = draw_json_tree("tree", value);
        });
    };
    frame();
    CHECK(rows == 1 + 4);  // the root (open at first) and its members, nested nodes closed

    // Open "b" through its documented ID: id, then "$", then the key.
    ui.frame([&] {
        ImGui::PushID("tree");
        ImGui::PushID("$");
        ImGui::GetStateStorage()->SetInt(ImGui::GetID("b"), 1);
        ImGui::PopID();
        ImGui::PopID();
        rows = draw_json_tree("tree", value);
    });
    frame();
    CHECK(rows == 1 + 4 + 3);

    // A click on the root's label closes it.
    const ImVec2 on_root(start.x + ImGui::GetFontSize() * 3, start.y + ImGui::GetFontSize() * 0.5f);
    ui.mouse(on_root, true);
    frame();
    ui.mouse(on_root, false);
    frame();
    frame();
    CHECK(rows == 1);
}

TEST_CASE("a scalar root is one row, a long array of scalars draws only the rows in view") {
    HeadlessImGui ui;
    int rows = 0;
    ui.frame([&] { rows = draw_json_tree("scalar", Json(3.5)); });
    CHECK(rows == 1);

    Json big = Json::array();
    for (int i = 0; i < 100000; ++i) big.push_back(i);
    ui.frame([&] { rows = draw_json_tree("big", big); });
    ui.frame([&] { rows = draw_json_tree("big", big); });
    CHECK(rows > 10);    // the window is full of rows
    CHECK(rows < 200);   // but far from 100 000
}
