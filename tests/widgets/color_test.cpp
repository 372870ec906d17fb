#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/color.h>

using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

TEST_CASE("model colours become ImGui colours") {
    CHECK(rgb_to_u32(0xff8000) == IM_COL32(255, 128, 0, 255));
    CHECK(rgb_to_u32(0x102030, 0.5f) == IM_COL32(0x10, 0x20, 0x30, 128));
    const ImVec4 v = to_imvec4(imgr::Color{1.5f, -1.0f, 0.25f, 1.0f});
    CHECK(v.x == 1.0f);
    CHECK(v.y == 0.0f);
    CHECK(v.z == 0.25f);
    CHECK(from_imvec4(ImVec4(0.1f, 0.2f, 0.3f, 0.4f)) == imgr::Color{0.1f, 0.2f, 0.3f, 0.4f});
    CHECK(mix_u32(IM_COL32(0, 0, 0, 0), IM_COL32(200, 100, 50, 255), 0.5f) == IM_COL32(100, 50, 25, 128));
}

TEST_CASE("the theme's brightness and a swatch") {
    HeadlessImGui ui;
    ImGui::StyleColorsDark();
    CHECK(background_is_dark());
    ImGui::StyleColorsLight();
    CHECK_FALSE(background_is_dark());

    std::vector<ImDrawVert> vertices;
    ImVec2 size;
    ui.frame([&] {
        vertices = imgr::test::vertices_added([&] { color_swatch("##c", imgr::Color{1, 0, 0, 1}, 20); });
        size = ImGui::GetItemRectSize();
    });
    CHECK(size.x > 0);  // the hex text after the square
    CHECK(std::any_of(vertices.begin(), vertices.end(), [](const ImDrawVert& v) { return v.col == IM_COL32(255, 0, 0, 255); }));
}
