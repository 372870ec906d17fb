// select events from lists, through the view in a headless ImGui context: a
// Radio's and a Dropdown's choice, a Label's class, a Dataframe's cell each
// reach the handler as SelectData (index, value; column for a cell).
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/annotated_image_view.h>
#include <imgr/view/components/gallery_view.h>

#include "support/headless_imgui.h"

#include <chrono>
#include <thread>

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(1000, 900)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void settle(imgr::BlocksView& view) {
        for (int i = 0; i < 2000 && !view.blocks().engine().idle(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            frame(view);
        }
        frame(view);
    }
    void click(imgr::BlocksView& view, ImVec2 at) {
        mouse(at, false);
        frame(view);
        mouse(at, true);
        frame(view);
        mouse(at, false);
        frame(view);
    }
};

std::string describe(imgr::SelectData at) {
    return std::to_string(at.index) + "/" + std::to_string(at.column) + " " + at.value.dump() +
           (at.selected ? "" : " (deselected)");
}

}  // namespace

TEST_CASE("Radio and Dropdown choices fire select with their index and value") {
    Headless ui;
    imgr::Blocks demo;
    auto radio = demo.add(imgr::Radio("radio", {"add", "subtract", "multiply"}));
    auto drop = demo.add(imgr::Dropdown("drop", {"cat", "dog"}));
    auto out = demo.add(imgr::Textbox("out"));
    radio.select(describe, {}, out);
    drop.select(describe, {}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    ui.click(view, view.targets().component(radio.id()).choices.at(2).center());
    ui.settle(view);
    CHECK(out.value() == "2/-1 \"multiply\"");
    CHECK(radio.value() == "multiply");

    ui.click(view, view.targets().component(drop.id()).widget.center());  // opens the list
    ui.frame(view);
    const auto& list = view.targets().component(drop.id()).choices;
    REQUIRE(list.size() == 2);
    ui.click(view, list[1].center());
    ui.settle(view);
    CHECK(out.value() == "1/-1 \"dog\"");
}

TEST_CASE("a click on a Label's class bar selects that class by its position in the value") {
    Headless ui;
    imgr::Blocks demo;
    auto label = demo.add(imgr::Label("label").value(imgr::LabelValue({{"cat", 0.2}, {"dog", 0.7}, {"fox", 0.1}})));
    auto out = demo.add(imgr::Textbox("out"));
    label.select(describe, {}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    // Bars are sorted: dog, cat, fox; the top class "dog" is written large above them.
    const imgr::TargetRect w = view.targets().component(label.id()).widget;
    ui.click(view, ImVec2(w.min.x + 20, w.max.y - 5));  // the last bar: fox
    ui.settle(view);
    CHECK(out.value() == "2/-1 \"fox\"");
}

TEST_CASE("a click on a Dataframe cell selects its row and column with the cell's value") {
    Headless ui;
    imgr::Blocks demo;
    imgr::TableValue table;
    table.headers = {"name", "score"};
    table.rows = {{"a", 1}, {"b", 2.5}, {"c", 3}};
    auto frame = demo.add(imgr::Dataframe("table").value(table));
    auto out = demo.add(imgr::Textbox("out"));
    frame.select(describe, {}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const imgr::TargetRect w = view.targets().component(frame.id()).widget;
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    // Header, then rows a, b, c: the middle of row b's right half.
    ui.click(view, ImVec2(w.min.x + (w.max.x - w.min.x) * 0.75f, w.min.y + row_h * 2.5f));
    ui.settle(view);
    CHECK(out.value() == "1/1 2.5");
}

TEST_CASE("a Gallery's thumbnail fires select with its index and caption - an AnnotatedImage's pixel with x, y") {
    Headless ui;
    imgr::Blocks demo;
    imgr::GalleryValue shots;
    for (int i = 0; i < 3; ++i) shots.items.push_back({imgr::ImageBuffer(24, 16, 3), "shot " + std::to_string(i)});
    auto gallery = demo.add(imgr::Gallery("shots").columns(3).value(shots));
    imgr::AnnotatedImageValue boxes;
    boxes.image = imgr::ImageBuffer(40, 20, 3);
    boxes.boxes.push_back({2, 2, 10, 10, "cat", 0.9});
    auto annotated = demo.add(imgr::AnnotatedImage("boxes").value(boxes));
    auto out = demo.add(imgr::Textbox("out"));
    gallery.select(describe, {}, out);
    annotated.select([](imgr::SelectData at) { return std::to_string(at.x) + "," + std::to_string(at.y); }, {}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const imgr::GalleryViewState* g = imgr::gallery_state(view.cache(gallery.id()));
    REQUIRE(g != nullptr);
    REQUIRE(g->cell_min.size() == 3);
    ui.click(view, ImVec2((g->cell_min[2].x + g->cell_max[2].x) / 2, (g->cell_min[2].y + g->cell_max[2].y) / 2));
    ui.settle(view);
    CHECK(out.value() == "2/-1 \"shot 2\"");

    const imgr::AnnotatedImageViewState* a = imgr::annotated_image_state(view.cache(annotated.id()));
    REQUIRE(a != nullptr);
    ui.click(view, a->transform.to_screen(30.5, 15.5));
    ui.settle(view);
    CHECK(out.value() == "30,15");
}
