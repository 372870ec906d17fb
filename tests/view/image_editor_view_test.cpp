// ImageEditor's view in a headless ImGui context: the left button paints, the
// right button pans and the wheel zooms without painting, the keys choose tools
// and sizes and undo/redo while the pointer is over the canvas, Clear empties
// the layers (and fires clear), and an output editor paints nothing.
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/components/image_editor_view.h>

#include "imgr/engine/engine.h"
#include "support/headless_imgui.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 700)) {
        ImGui::GetIO().KeyMap[ImGuiKey_Z] = 'Z';
        ImGui::GetIO().KeyMap[ImGuiKey_Y] = 'Y';
    }
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    // The pointer at `p` with the left (0) or right (1) button held or not, for one frame.
    void mouse(imgr::BlocksView& view, ImVec2 p, bool down, int button = 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = p;
        io.MouseDown[button] = down;
        frame(view);
    }
    void type(imgr::BlocksView& view, char c) {
        ImGui::GetIO().AddInputCharacter((unsigned)c);
        frame(view);
    }
    void ctrl_key(imgr::BlocksView& view, char key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        io.KeyShift = shift;
        io.KeysDown[(int)key] = true;
        frame(view);
        io.KeysDown[(int)key] = false;
        io.KeyCtrl = io.KeyShift = false;
        frame(view);
    }
};

size_t painted(const imgr::ImageEditorValue& value) {
    const imgr::ImageBuffer mask = imgr::painted_mask(value.layers.at(0));
    return (size_t)std::count(mask.u8(), mask.u8() + mask.pixel_count(), (uint8_t)255);
}

imgr::ImageBuffer grey(int w, int h) {
    imgr::ImageBuffer image(w, h, 3);
    std::fill_n(image.mutable_u8(), image.pixel_count() * 3, (uint8_t)128);
    return image;
}

}  // namespace

TEST_CASE("image editor view: left paints, right pans, the wheel zooms, keys pick tools, undo and redo") {
    Headless ui;
    imgr::Blocks demo;
    auto editor = demo.add(imgr::ImageEditor("scribbles")
                               .brushes({{"object", 0x00ff00}, {"background", 0xff0000}})
                               .brush_size(4)
                               .background(grey(100, 80)));
    auto clears = demo.add(imgr::Number("clears"));
    editor.clear([](const imgr::ImageEditorValue&, double n) { return n + 1; }, {editor, clears}, clears);
    imgr::BlocksView view(demo);
    ui.mouse(view, ImVec2(1, 1), false);
    ui.mouse(view, ImVec2(1, 1), false);
    imgr::ImageEditorViewState* s = imgr::image_editor_state(view.cache(editor.id()));
    REQUIRE(s != nullptr);
    auto image = [&] { return *view.targets().component(editor.id()).image; };
    auto at = [&](int x, int y) { return image().mouse_for({x, y}); };
    CHECK(s->size == 4);

    // Keys over the canvas: 2 the second brush, E the eraser, B the brush back, ] and [ the size.
    ui.mouse(view, at(50, 40), false);
    ui.type(view, '2');
    CHECK(s->brush == 1);
    ui.type(view, 'e');
    CHECK(s->eraser);
    ui.type(view, 'b');
    CHECK_FALSE(s->eraser);
    ui.type(view, ']');
    CHECK(s->size > 4);
    ui.type(view, '[');
    CHECK(s->size == 4);

    // The right button drags the view and paints nothing.
    const ImVec2 from = at(50, 40);
    const float origin_x = image().origin.x;
    ui.mouse(view, from, true, 1);
    ui.mouse(view, ImVec2(from.x + 15, from.y), true, 1);
    ui.mouse(view, ImVec2(from.x + 30, from.y), true, 1);
    ui.mouse(view, ImVec2(from.x + 30, from.y), false, 1);
    CHECK(image().origin.x == doctest::Approx(origin_x + 30).epsilon(0.01));
    CHECK(painted(editor.value()) == 0);

    // The wheel zooms at the pointer (1.25x a notch), and paints nothing either.
    const float scale = image().scale;
    ImGui::GetIO().MouseWheel = 1;
    ui.mouse(view, at(50, 40), false);
    ImGui::GetIO().MouseWheel = 0;
    ui.mouse(view, at(50, 40), false);
    CHECK(image().scale == doctest::Approx(scale * 1.25f));
    CHECK(painted(editor.value()) == 0);

    // The left button paints the second brush's red along the drag; change arrives with the release.
    ui.mouse(view, at(30, 40), true);
    for (int x = 35; x <= 60; x += 5) ui.mouse(view, at(x, 40), true);
    ui.mouse(view, at(60, 40), false);
    ui.mouse(view, at(60, 40), false);
    const size_t stroke = painted(editor.value());
    CHECK(stroke > 25 * 3);
    CHECK(editor.value().layers[0].sample(45, 40, 0) == 255);
    CHECK(s->history.steps() == 1);

    ui.ctrl_key(view, 'Z');
    CHECK(painted(editor.value()) == 0);
    ui.ctrl_key(view, 'Y');
    CHECK(painted(editor.value()) == stroke);
    ui.ctrl_key(view, 'Z');
    ui.ctrl_key(view, 'Z', true);  // Ctrl+Shift+Z redoes too
    CHECK(painted(editor.value()) == stroke);

    // Clear, by its button: the layer is empty, clear fires, and it can be undone.
    const imgr::TargetRect clear = view.targets().component(editor.id()).choices.at(imgr::editor_button_choice(2, imgr::EditorButton::Clear));
    ui.mouse(view, clear.center(), false);
    ui.mouse(view, clear.center(), true);
    ui.mouse(view, clear.center(), false);
    for (int i = 0; i < 5000 && !demo.engine().idle(); ++i) {  // the clear handler runs on a worker
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.mouse(view, clear.center(), false);
    }
    ui.mouse(view, clear.center(), false);
    CHECK(painted(editor.value()) == 0);
    CHECK(clears.value() == 1);
    ui.mouse(view, at(50, 40), false);
    ui.ctrl_key(view, 'Z');
    CHECK(painted(editor.value()) == stroke);
}

TEST_CASE("image editor view: an output editor shows the picture without tools and paints nothing") {
    Headless ui;
    imgr::Blocks demo;
    auto source = demo.add(imgr::Number("source"));
    auto shown = demo.add(imgr::ImageEditor("shown").background(grey(60, 40)));
    source.change([](double) { return imgr::editor_value(grey(60, 40)); }, {source}, shown);
    imgr::BlocksView view(demo);
    ui.mouse(view, ImVec2(1, 1), false);
    ui.mouse(view, ImVec2(1, 1), false);
    const imgr::ComponentTargets& t = view.targets().component(shown.id());
    CHECK(t.choices.empty());
    REQUIRE(t.image);
    const ImVec2 p = t.image->mouse_for({30, 20});
    ui.mouse(view, p, true);
    ui.mouse(view, ImVec2(p.x + 20, p.y), true);
    ui.mouse(view, ImVec2(p.x + 20, p.y), false);
    CHECK(painted(shown.value()) == 0);
}
