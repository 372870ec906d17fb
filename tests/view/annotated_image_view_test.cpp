// AnnotatedImage's view in a headless ImGui context: the mouse over a legend
// entry or a box highlights that label, the threshold slider hides boxes
// scoring below it, and every hit-test goes through the image->screen mapping.
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/annotated_image_view.h>

#include "support/headless_imgui.h"

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 800)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void move_to(imgr::BlocksView& view, ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame(view);
        frame(view);  // the legend is read one frame before the image uses it
    }
    void click(imgr::BlocksView& view, ImVec2 p) {
        move_to(view, p);
        ImGui::GetIO().MouseDown[0] = true;
        frame(view);
        ImGui::GetIO().MouseDown[0] = false;
        frame(view);
    }
};

ImVec2 center(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }

imgr::AnnotatedImageValue three_boxes() {
    imgr::AnnotatedImageValue value;
    value.image = imgr::ImageBuffer(200, 100, 3);
    value.boxes = {{10, 10, 60, 60, "cat", 0.2}, {80, 20, 120, 90, "dog", 0.6}, {130, 5, 190, 50, "cat", 0.9}};
    return value;
}

const imgr::AnnotatedImageViewState& state(const imgr::BlocksView& view, imgr::ComponentId id) {
    const imgr::AnnotatedImageViewState* s = imgr::annotated_image_state(view.cache(id));
    REQUIRE(s != nullptr);
    return *s;
}

}  // namespace

TEST_CASE("annotated image view: one legend entry per label — hovering one highlights that label") {
    Headless ui;
    imgr::Blocks demo;
    auto shown = demo.add(imgr::AnnotatedImage("detections").value(three_boxes()));
    imgr::BlocksView view(demo);
    ui.move_to(view, ImVec2(1, 1));
    const auto& s = state(view, shown.id());
    REQUIRE(s.labels == std::vector<std::string>{"cat", "dog"});
    CHECK(s.highlighted_label() == -1);
    CHECK(s.shown_boxes == std::vector<int>{0, 1, 2});

    ui.move_to(view, center(s.legend_min[1], s.legend_max[1]));
    CHECK(s.hovered_legend == 1);
    CHECK(s.highlighted_label() == 1);
    ui.move_to(view, center(s.legend_min[0], s.legend_max[0]));
    CHECK(s.highlighted_label() == 0);
    ui.move_to(view, ImVec2(1, 1));
    CHECK(s.highlighted_label() == -1);
}

TEST_CASE("annotated image view: hovering a box, found through the image->screen mapping, highlights its label") {
    Headless ui;
    imgr::Blocks demo;
    auto shown = demo.add(imgr::AnnotatedImage("detections").value(three_boxes()));
    imgr::BlocksView view(demo);
    ui.move_to(view, ImVec2(1, 1));
    const auto& s = state(view, shown.id());
    REQUIRE(s.transform.scale > 1.0f);  // fitted into the card: larger than 1:1
    ui.move_to(view, s.transform.to_screen(100, 55));  // inside the dog's box
    CHECK(s.hovered_box == 1);
    CHECK(s.highlighted_label() == 1);
    ui.move_to(view, s.transform.to_screen(150, 30));  // the second cat
    CHECK(s.hovered_box == 2);
    CHECK(s.highlighted_label() == 0);
    ui.move_to(view, s.transform.to_screen(70, 80));   // between boxes
    CHECK(s.hovered_box == -1);
    // The mapping round-trips: a screen point maps back to the image point it came from.
    const ImVec2 back = s.transform.to_image(s.transform.to_screen(37.5, 12.25));
    CHECK(back.x == doctest::Approx(37.5));
    CHECK(back.y == doctest::Approx(12.25));
}

TEST_CASE("annotated image view: the threshold slider hides boxes scoring below it") {
    Headless ui;
    imgr::Blocks demo;
    auto shown = demo.add(imgr::AnnotatedImage("detections").value(three_boxes()).threshold_slider(0.0, 1.0));
    imgr::BlocksView view(demo);
    ui.move_to(view, ImVec2(1, 1));
    const auto& s = state(view, shown.id());
    CHECK(s.shown_boxes == std::vector<int>{0, 1, 2});
    REQUIRE(s.slider_max.x > s.slider_min.x);
    const float y = (s.slider_min.y + s.slider_max.y) / 2;
    ui.click(view, ImVec2(s.slider_min.x + (s.slider_max.x - s.slider_min.x) * 0.5f, y));
    ui.move_to(view, ImVec2(1, 1));
    CHECK(s.threshold == doctest::Approx(0.5).epsilon(0.05));
    CHECK(s.shown_boxes == std::vector<int>{1, 2});
    // A hidden box is not hit either.
    ui.move_to(view, s.transform.to_screen(30, 30));
    CHECK(s.hovered_box == -1);
    ui.click(view, ImVec2(s.slider_min.x + (s.slider_max.x - s.slider_min.x) * 0.8f, y));
    ui.move_to(view, ImVec2(1, 1));
    CHECK(s.shown_boxes == std::vector<int>{2});
}
