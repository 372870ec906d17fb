// The view in a headless ImGui context: simulated mouse and keyboard, real
// layout, real engine events. No window, no GL.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/view/blocks_view.h>

#include "support/headless_imgui.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace {

// The shared headless context, driving a BlocksView.
struct Headless : imgr::test::HeadlessImGui {
    explicit Headless(ImVec2 size = ImVec2(1000, 700)) : HeadlessImGui(size) {}

    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void move_to(ImVec2 p) { ImGui::GetIO().MousePos = p; }
    // Presses and releases the left button at p, a frame each, as a person clicks.
    void click(imgr::BlocksView& view, ImVec2 p) {
        move_to(p);
        frame(view);
        ImGui::GetIO().MouseDown[0] = true;
        frame(view);
        ImGui::GetIO().MouseDown[0] = false;
        frame(view);
    }
};

ImVec2 center(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }

void settle(imgr::BlocksView& view, Headless& ui) {
    for (int i = 0; i < 2000 && !view.blocks().engine().idle(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.frame(view);
    }
    ui.frame(view);
}

}  // namespace

TEST_CASE("clicking a button runs its handler and shows the output") {
    Headless ui;
    imgr::Blocks demo;
    auto a = demo.add(imgr::Number("a", 2));
    auto go = demo.add(imgr::Button("Double it"));
    auto out = demo.add(imgr::Number("out"));
    go.click([](double x) { return x * 2; }, {a}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const auto& button = view.targets().component(go.id());
    CHECK(button.widget.max.x > button.widget.min.x);
    ui.click(view, center(button.widget.min, button.widget.max));
    settle(view, ui);
    CHECK(out.value() == 4.0);
    CHECK(view.cache(out.id()).text == "4");  // the Number field shows the new value
}

TEST_CASE("dragging a slider fires input and change while moving, release when let go") {
    Headless ui;
    imgr::Blocks demo;
    auto s = demo.add(imgr::Slider("s", 0, 100, 0));
    std::atomic<int> releases{0}, changes{0};
    auto seen = demo.add(imgr::Number("seen"));
    s.change([&](double v) { ++changes; return v; }, {s}, seen);
    s.release([&] { ++releases; });
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const auto& slider = view.targets().component(s.id());
    const float y = (slider.widget.min.y + slider.widget.max.y) / 2;
    ui.move_to(ImVec2(slider.widget.min.x + 2, y));
    ui.frame(view);
    ImGui::GetIO().MouseDown[0] = true;
    for (int i = 0; i <= 10; ++i) {
        ui.move_to(ImVec2(slider.widget.min.x + (slider.widget.max.x - slider.widget.min.x) * (0.5f + i * 0.05f), y));
        ui.frame(view);
    }
    CHECK(releases.load() == 0);
    ImGui::GetIO().MouseDown[0] = false;
    ui.frame(view);
    settle(view, ui);
    CHECK(s.value() == doctest::Approx(100).epsilon(0.02));
    CHECK(seen.value() == s.value());  // the last value got its run
    CHECK(changes.load() >= 1);
    CHECK(releases.load() == 1);
}

TEST_CASE("a slider's recorded value -> x is where ImGui puts the grab, whatever the style") {
    for (float scale : {1.0f, 2.5f}) {
        CAPTURE(scale);
        Headless ui;
        ImGui::GetStyle().ScaleAllSizes(scale);  // wider grab, more padding
        imgr::Blocks demo;
        auto s = demo.add(imgr::Slider("s", -5, 15, 0));
        imgr::BlocksView view(demo);
        ui.frame(view);
        ui.frame(view);
        const imgr::ComponentTargets& t = view.targets().component(s.id());
        REQUIRE(t.slider);
        CHECK(t.slider_x(-5) > t.widget.min.x);
        CHECK(t.slider_x(15) < t.widget.max.x);
        // A press on the x of a value, without moving, makes the slider that value
        // (within the float rounding of ImGui's ratio).
        ui.click(view, ImVec2(t.slider_x(11), t.widget.center().y));
        CHECK(s.value() == doctest::Approx(11).epsilon(0.01));
    }
}

TEST_CASE("tab and accordion headers are recorded by layout node, with whether they are open") {
    Headless ui;
    imgr::Blocks demo;
    imgr::Handle<double> inside;
    demo.tabs([&] {
        demo.tab("A", [&] { demo.add(imgr::Number("a")); });
        demo.tab("B", [&] { demo.accordion("More", [&] { inside = demo.add(imgr::Number("inside")); }, false); });
    });
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    auto node = [&](const std::string& label) {
        for (int i = 0; i < (int)imgr::BlocksAccess::layout(demo).size(); ++i)
            if (imgr::BlocksAccess::layout(demo).node(imgr::NodeId(i)).label == label) return imgr::NodeId(i);
        return imgr::NodeId();
    };
    const imgr::ActionTargets& targets = view.targets();
    CHECK(targets.header(node("A")).open);
    CHECK_FALSE(targets.header(node("B")).open);
    ui.click(view, targets.header(node("B")).rect.center());
    ui.frame(view);
    CHECK(targets.header(node("B")).open);
    CHECK_FALSE(targets.header(node("A")).open);
    CHECK_FALSE(targets.header(node("More")).open);
    const int before = targets.component(inside.id()).frame;
    ui.click(view, targets.header(node("More")).rect.center());
    ui.frame(view);
    CHECK(targets.header(node("More")).open);
    CHECK(targets.component(inside.id()).frame > before);
    CHECK(imgr::ActionTargets::drawn_now(targets.component(inside.id()).frame));  // in the last frame
}

TEST_CASE("a Row puts its children side by side, a Column stacks them") {
    Headless ui;
    imgr::Blocks demo;
    imgr::Handle<double> left_top, left_bottom, right;
    demo.row([&] {
        demo.column([&] {
            left_top = demo.add(imgr::Number("top"));
            left_bottom = demo.add(imgr::Number("bottom"));
        });
        right = demo.add(imgr::Number("right").min_width(5));
    });
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const auto& top = view.targets().component(left_top.id());
    const auto& bottom = view.targets().component(left_bottom.id());
    const auto& r = view.targets().component(right.id());
    CHECK(r.card.min.x > top.card.max.x);                          // side by side
    CHECK(r.card.min.y == doctest::Approx(top.card.min.y));        // on the same line
    CHECK(bottom.card.min.y > top.card.max.y);                     // stacked
    CHECK(bottom.card.min.x == doctest::Approx(top.card.min.x));
}

TEST_CASE("a narrow window wraps a row's columns onto new lines") {
    Headless ui(ImVec2(400, 700));
    imgr::Blocks demo;
    imgr::Handle<double> a, b;
    demo.row([&] {
        a = demo.add(imgr::Number("a").min_width(15));
        b = demo.add(imgr::Number("b").min_width(15));
    });
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    CHECK(view.targets().component(b.id()).card.min.y > view.targets().component(a.id()).card.max.y);
}

TEST_CASE("typing a number out of range clamps it and tells the person") {
    Headless ui;
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n").minimum(0).maximum(10));
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.click(view, view.targets().component(n.id()).widget.center());
    ImGui::GetIO().AddInputCharactersUTF8("42");
    ui.frame(view);
    CHECK(n.value() == 10.0);
    CHECK(view.cache(n.id()).hint == "clamped to 10 (maximum)");
}

TEST_CASE("a Number's + and - buttons step in decimal: 0.1 + 0.2 is 0.3") {
    Headless ui;
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n", 0.1).step(0.2));
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    // The field is the recorded widget; "-" and "+" follow it on its line, a frame-height square each.
    const imgr::TargetRect field = view.targets().component(n.id()).widget;
    const float button = ImGui::GetFrameHeight(), gap = ImGui::GetStyle().ItemInnerSpacing.x;
    const float y = field.center().y;
    const ImVec2 minus(field.max.x + gap + button / 2, y), plus(field.max.x + 2 * gap + button * 1.5f, y);
    ui.click(view, plus);
    CHECK(n.value() == 0.3);  // exactly the double nearest 0.3
    CHECK(view.cache(n.id()).text == "0.3");
    ui.click(view, plus);
    ui.click(view, plus);
    CHECK(n.value() == 0.7);
    ui.click(view, minus);
    CHECK(n.value() == 0.5);
    CHECK(view.cache(n.id()).text == "0.5");
}

TEST_CASE("a handler's exception becomes a toast, and the app goes on") {
    Headless ui;
    imgr::Blocks demo;
    auto go = demo.add(imgr::Button("Fail"));
    go.click([] { throw imgr::Error("this model is not loaded"); });
    imgr::BlocksView view(demo);
    ui.frame(view);
    demo.engine().fire(go.id(), imgr::Event::Click);
    settle(view, ui);
    REQUIRE(view.toasts().size() == 1);
    CHECK(view.toasts().front().message.text == "this model is not loaded");
    CHECK(view.seconds_until_wake() > 0);
}

TEST_CASE("a hidden component takes no space - an update shows it again") {
    Headless ui;
    imgr::Blocks demo;
    auto hidden = demo.add(imgr::Textbox("hidden").visible(false));
    auto below = demo.add(imgr::Textbox("below"));
    imgr::BlocksView view(demo);
    ui.frame(view);
    const float y_hidden = view.targets().component(below.id()).card.min.y;
    demo.engine().apply_update(hidden.id(), imgr::update().visible(true));
    ui.frame(view);
    CHECK(view.targets().component(below.id()).card.min.y > y_hidden);
}

namespace {
// Whether the last rendered frame filled some of `rect` with `color` (a button's background).
bool filled_with(ImRect rect, ImU32 color) {
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            if (v.col == color && rect.Contains(v.pos)) return true;
    return false;
}
imgr::Stream<double> count_forever(std::shared_ptr<std::atomic<int>> yielded) {
    for (int i = 1;; ++i) {
        *yielded = i;
        co_yield (double)i;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
}  // namespace

TEST_CASE("an Interface's Submit turns into a red Stop while its function streams - clicking it stops the stream") {
    Headless ui;
    auto yielded = std::make_shared<std::atomic<int>>(0);
    imgr::Interface demo([yielded](double) { return count_forever(yielded); }, {imgr::Number("n")},
                         imgr::Number("out"), {.flagging_mode = imgr::FlaggingMode::Never});
    const imgr::ComponentId submit = demo.engine().find_by_label("Submit").at(0);
    const imgr::ComponentId out = demo.outputs().at(0);
    auto shown = [&] { return std::get<double>(demo.engine().component(out).spec.value); };
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const ImRect button(view.targets().component(submit).widget.min, view.targets().component(submit).widget.max);
    const ImU32 primary = IM_COL32(249, 115, 22, 255), stop = IM_COL32(239, 68, 68, 255);
    CHECK(filled_with(button, primary));
    CHECK_FALSE(filled_with(button, stop));
    ui.click(view, button.GetCenter());
    for (int i = 0; i < 2000 && shown() < 3; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.frame(view);
    }
    REQUIRE(shown() >= 3);  // values arrive while it runs
    ui.move_to(ImVec2(1, 1));  // not hovered: the button's plain colour
    ui.frame(view);
    CHECK(filled_with(button, stop));
    CHECK_FALSE(filled_with(button, primary));
    ui.click(view, button.GetCenter());
    ui.move_to(ImVec2(1, 1));
    const double at_stop = shown();
    for (int i = 0; i < 30; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.frame(view);
    }
    CHECK(shown() == at_stop);  // nothing of the stopped run arrives later
    CHECK(demo.engine().idle());
    CHECK(filled_with(button, primary));
    CHECK_FALSE(filled_with(button, stop));
}
