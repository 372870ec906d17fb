// ImageSlider's view in a headless ImGui context: dragging at the divider moves
// it to the pointer, through the image->screen mapping; dragging elsewhere pans.
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/image_slider_view.h>

#include "support/headless_imgui.h"

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 700)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void mouse(imgr::BlocksView& view, ImVec2 p, bool down) {
        ImGui::GetIO().MousePos = p;
        ImGui::GetIO().MouseDown[0] = down;
        frame(view);
    }
};

}  // namespace

TEST_CASE("image slider view: the divider starts where declared and follows a drag") {
    Headless ui;
    imgr::Blocks demo;
    auto compare = demo.add(imgr::ImageSlider("compare")
                                .value({imgr::ImageBuffer(160, 90, 3), imgr::ImageBuffer(160, 90, 3)})
                                .position(0.25));
    imgr::BlocksView view(demo);
    ui.mouse(view, ImVec2(1, 1), false);
    ui.mouse(view, ImVec2(1, 1), false);
    const imgr::ImageSliderViewState* s = imgr::image_slider_state(view.cache(compare.id()));
    REQUIRE(s != nullptr);
    CHECK(s->position == doctest::Approx(0.25));
    CHECK(s->divider_x == doctest::Approx(s->transform.to_screen(40, 0).x));

    // Press at the divider, drag to image x = 120 (three quarters), let go.
    const float y = s->transform.to_screen(0, 45).y;
    ui.mouse(view, ImVec2(s->divider_x, y), false);
    ui.mouse(view, ImVec2(s->divider_x, y), true);
    for (double x = 40; x <= 120; x += 20) ui.mouse(view, s->transform.to_screen(x, 45), true);
    CHECK(s->dragging);
    ui.mouse(view, s->transform.to_screen(120, 45), false);
    ui.mouse(view, ImVec2(1, 1), false);
    CHECK(!s->dragging);
    CHECK(s->position == doctest::Approx(0.75).epsilon(0.01));
    CHECK(s->divider_x == doctest::Approx(s->transform.to_screen(120, 0).x).epsilon(0.001));

    // Dragging past the edge stops at it.
    ui.mouse(view, ImVec2(s->divider_x, y), false);
    ui.mouse(view, ImVec2(s->divider_x, y), true);
    ui.mouse(view, s->transform.to_screen(400, 45), true);
    ui.mouse(view, s->transform.to_screen(400, 45), false);
    CHECK(s->position == doctest::Approx(1.0));

    // Dragging away from the divider pans both images together; the divider stays at its share.
    const ImVec2 start = s->transform.to_screen(20, 45);
    const float origin_x = s->transform.origin.x;
    ui.mouse(view, start, false);
    ui.mouse(view, start, true);
    ui.mouse(view, ImVec2(start.x + 15, start.y), true);
    ui.mouse(view, ImVec2(start.x + 30, start.y), true);
    ui.mouse(view, ImVec2(start.x + 30, start.y), false);
    ui.mouse(view, ImVec2(1, 1), false);
    CHECK(s->position == doctest::Approx(1.0));
    CHECK(s->transform.origin.x == doctest::Approx(origin_x + 30).epsilon(0.01));
}
