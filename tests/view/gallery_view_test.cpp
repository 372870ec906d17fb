// Gallery's view in a headless ImGui context: a grid of the images; a click
// selects one (the index the select event hands on) and enlarges it.
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/gallery_view.h>

#include "support/headless_imgui.h"

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 900)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void click(imgr::BlocksView& view, ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame(view);
        ImGui::GetIO().MouseDown[0] = true;
        frame(view);
        ImGui::GetIO().MouseDown[0] = false;
        frame(view);
    }
};

ImVec2 center(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }

}  // namespace

TEST_CASE("gallery view: a grid of the images — a click selects and enlarges one, Close goes back") {
    Headless ui;
    imgr::Blocks demo;
    imgr::GalleryValue value;
    for (int i = 0; i < 5; ++i) value.items.push_back({imgr::ImageBuffer(20 + i, 10, 3), "image " + std::to_string(i)});
    auto gallery = demo.add(imgr::Gallery("samples").columns(3).value(value));
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const imgr::GalleryViewState* s = imgr::gallery_state(view.cache(gallery.id()));
    REQUIRE(s != nullptr);
    REQUIRE(s->cell_min.size() == 5);
    CHECK(imgr::gallery_selected_index(view.cache(gallery.id())) == -1);
    // Three a row: the fourth starts the second row, under the first.
    CHECK(s->cell_min[3].x == doctest::Approx(s->cell_min[0].x));
    CHECK(s->cell_min[3].y > s->cell_max[0].y - 1);
    CHECK(s->cell_min[1].x > s->cell_max[0].x - 1);

    ui.click(view, center(s->cell_min[4], s->cell_max[4]));
    CHECK(imgr::gallery_selected_index(view.cache(gallery.id())) == 4);
    CHECK(s->enlarged);
    CHECK(s->clicks == 1);
    // The enlarged image pushes the grid down; clicking the enlarged image closes it, the selection stays.
    ui.frame(view);
    const ImVec2 enlarged = s->enlarged_transform.to_screen(12, 5);
    ui.click(view, enlarged);
    CHECK(!s->enlarged);
    CHECK(imgr::gallery_selected_index(view.cache(gallery.id())) == 4);
    ui.frame(view);
    ui.click(view, center(s->cell_min[1], s->cell_max[1]));
    CHECK(imgr::gallery_selected_index(view.cache(gallery.id())) == 1);
    CHECK(s->clicks == 2);
}
