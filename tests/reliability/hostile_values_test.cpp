// Hostile values through every component: NaN and infinities, empty and
// invalid UTF-8 text, empty and extreme images. The view draws them, and
// nothing crashes or hangs.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>

#include "support/headless_imgui.h"

#include <cmath>
#include <limits>

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 700)) {}
    void frames(imgr::BlocksView& view, int n) {
        for (int i = 0; i < n; ++i) bare_frame([&] { view.draw(); });
    }
};

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const std::string kInvalidUtf8 = std::string("bad \xC3\x28 \xFF\xFE \xE2\x82 end");

}  // namespace

TEST_CASE("every component draws NaN, infinities, empty and invalid text without harm") {
    Headless ui;
    imgr::Blocks demo;
    auto number = demo.add(imgr::Number("n").minimum(0).maximum(10));
    auto free_number = demo.add(imgr::Number("free"));
    auto slider = demo.add(imgr::Slider("s", 0, 1, 0.5).step(0.1));
    auto text = demo.add(imgr::Textbox("t").lines(3));
    auto radio = demo.add(imgr::Radio("r", {"", kInvalidUtf8}));
    auto label = demo.add(imgr::Label("l"));
    auto plot = demo.add(imgr::Plot("p"));
    auto json = demo.add(imgr::JSON("j"));
    auto table = demo.add(imgr::Dataframe("d"));
    auto color = demo.add(imgr::ColorPicker("c"));
    auto markdown = demo.add(imgr::Markdown(""));
    imgr::BlocksView view(demo);
    ui.frames(view, 2);

    imgr::Engine& engine = demo.engine();
    engine.set_from_user(number.id(), kNaN);
    engine.set_from_user(free_number.id(), kInf);
    engine.set_from_user(slider.id(), -kInf);
    engine.set_from_user(text.id(), kInvalidUtf8);
    engine.set_from_user(radio.id(), kInvalidUtf8);
    engine.set_from_program(label.id(), imgr::LabelValue({{"a", kNaN}, {kInvalidUtf8, kInf}, {"", -1.0}}));
    imgr::PlotValue p;
    p.series.push_back({"nan", {kNaN, 1, 2}, {kInf, kNaN, -kInf}});
    p.series.push_back({"empty", {}, {}});
    p.series.push_back({"uneven", {1, 2, 3}, {1}});
    engine.set_from_program(plot.id(), p);
    imgr::Json deep = imgr::Json::array();
    for (int i = 0; i < 200; ++i) deep = imgr::Json::array({deep});
    engine.set_from_program(json.id(), deep);
    engine.set_from_program(table.id(), imgr::TableValue{{"a"}, {{imgr::Json(1), imgr::Json("x"), imgr::Json(nullptr)}, {}}});
    engine.set_from_user(color.id(), imgr::Color{(float)kNaN, 2.0f, -1.0f, (float)kInf});
    engine.set_from_program(markdown.id(), std::string("# ") + kInvalidUtf8 + "\n**unclosed *x `y [z](");
    ui.frames(view, 3);

    CHECK(std::isnan(number.value()));           // kept, not clamped into a number it is not
    CHECK(std::isinf(free_number.value()));
    CHECK(slider.value() == 0.0);                // a slider always holds a position on its track
    CHECK(text.value() == kInvalidUtf8);         // text is kept as typed; flagging repairs it on disk
}

TEST_CASE("empty, one-pixel-high and 1x100000 images are drawn without a texture source and without harm") {
    Headless ui;
    imgr::Blocks demo;
    auto image = demo.add(imgr::Image("im"));
    imgr::BlocksView view(demo);
    ui.frames(view, 1);
    for (auto [w, h] : {std::pair{0, 0}, std::pair{1, 100000}, std::pair{100000, 1}, std::pair{1, 1}}) {
        demo.engine().set_from_user(image.id(), imgr::ImageBuffer(w, h, 3));
        ui.frames(view, 2);
        CHECK(image.value().width() == w);
        const auto& cache = view.targets().component(image.id());
        CHECK(cache.widget.max.y - cache.widget.min.y < 1000);  // shown within its box, whatever the aspect
    }
}
