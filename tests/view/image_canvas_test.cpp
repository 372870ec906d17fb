// The image canvas in a headless ImGui context: zoom at the cursor, pan, fit,
// the screen <-> image mapping at every zoom, linked views, and select events
// that report image coordinates however the image is zoomed and panned.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/widgets/image_canvas.h>

#include "support/headless_imgui.h"

#include <chrono>
#include <optional>
#include <thread>

namespace {

using imgr::ImagePixel;
using imgr::ImageTransform;

struct Canvas : imgr::test::HeadlessImGui {
    imgr::ImageViewport viewport;
    imgr::ImageCanvasResult last;
    int width = 64, height = 32;

    Canvas() : HeadlessImGui(ImVec2(800, 600)) {}
    // One frame: the canvas at (100, 100) within the widgets window, 400 x 300.
    void frame() {
        HeadlessImGui::frame([&] {
            ImGui::SetCursorScreenPos(ImVec2(100, 100));
            last = imgr::image_canvas("##c", viewport, {nullptr, width, height, nullptr, false}, ImVec2(400, 300));
        });
    }
    void wheel(ImVec2 at, float notches) {
        mouse(at, false);
        ImGui::GetIO().MouseWheel = notches;
        frame();
        ImGui::GetIO().MouseWheel = 0;
        frame();
    }
};

}  // namespace

TEST_CASE("a fitted image fills the canvas centred with its aspect kept") {
    Canvas c;
    c.frame();
    const ImageTransform& t = c.last.transform;
    CHECK(t.scale == doctest::Approx(400.0f / 64));  // the width limits: 64x32 in 400x300
    CHECK(t.image_min().x == doctest::Approx(100).epsilon(0.01));
    CHECK(t.image_max().x == doctest::Approx(500).epsilon(0.01));
    CHECK((t.image_min().y + t.image_max().y) / 2 == doctest::Approx(250).epsilon(0.01));
}

TEST_CASE("mouse_for aims at whole mouse positions where pixel_under gives the pixel back from 1x up") {
    for (float scale : {1.0f, 1.7f, 4.0f, 13.25f, 64.0f}) {
        ImageTransform t;
        t.origin = ImVec2(17.3f, -250.6f);
        t.scale = scale;
        t.image_width = 300;
        t.image_height = 200;
        t.clip_min = ImVec2(-1e6f, -1e6f);
        t.clip_max = ImVec2(1e6f, 1e6f);
        for (ImagePixel p : {ImagePixel{0, 0}, ImagePixel{1, 0}, ImagePixel{10, 20}, ImagePixel{299, 199}}) {
            CAPTURE(scale);
            CAPTURE(p.x);
            CAPTURE(p.y);
            const ImVec2 m = t.mouse_for(p);
            CHECK(m.x == std::floor(m.x));  // ImGui floors the mouse: only whole positions are reachable
            CHECK(m.y == std::floor(m.y));
            const auto under = t.pixel_under(m);
            REQUIRE(under);
            CHECK(*under == p);
        }
    }
}

TEST_CASE("at high zoom the pixel under the mouse changes exactly at the drawn pixel edge") {
    ImageTransform t;
    t.origin = ImVec2(100, 100);
    t.scale = 10;
    t.image_width = t.image_height = 8;
    t.clip_min = ImVec2(0, 0);
    t.clip_max = ImVec2(1000, 1000);
    // Pixel 2 is drawn over screen columns 120..129: a mouse at 129 (centre 129.5) is on it, 130 on pixel 3.
    CHECK(t.pixel_under(ImVec2(120, 100))->x == 2);
    CHECK(t.pixel_under(ImVec2(129, 100))->x == 2);
    CHECK(t.pixel_under(ImVec2(130, 100))->x == 3);
    CHECK(t.pixel_under(ImVec2(119, 100))->x == 1);
    CHECK_FALSE(t.pixel_under(ImVec2(99, 100)));  // left of the image
    CHECK_FALSE(t.pixel_under(ImVec2(180, 100)));  // right of it
}

TEST_CASE("the wheel zooms at the cursor and the pixel under it stays under it") {
    Canvas c;
    c.frame();
    const ImagePixel target{40, 12};
    ImVec2 mouse = c.last.transform.mouse_for(target);
    const float fitted = c.last.transform.scale;
    const ImVec2 fixed = c.last.transform.to_image(ImVec2(mouse.x + 0.5f, mouse.y + 0.5f));
    for (int i = 0; i < 6; ++i) {
        c.wheel(mouse, 1);
        CHECK(*c.last.transform.pixel_under(mouse) == target);
        // The image point under the mouse does not move at all, not just its pixel.
        const ImVec2 p = c.last.transform.to_image(ImVec2(mouse.x + 0.5f, mouse.y + 0.5f));
        CHECK(p.x == doctest::Approx(fixed.x).epsilon(1e-4));
        CHECK(p.y == doctest::Approx(fixed.y).epsilon(1e-4));
    }
    CHECK(c.last.transform.scale == doctest::Approx(fitted * std::pow(1.25f, 6.0f)).epsilon(1e-4));
    CHECK_FALSE(c.viewport.fit);
    c.wheel(mouse, -2);
    CHECK(*c.last.transform.pixel_under(mouse) == target);
}

TEST_CASE("dragging pans by the mouse movement and a double-click fits again") {
    Canvas c;
    c.frame();
    const ImVec2 at(300, 250);
    c.wheel(at, 4);
    const ImVec2 before = c.last.transform.origin;
    c.mouse(at, true);
    c.frame();
    for (int i = 1; i <= 4; ++i) {
        c.mouse(ImVec2(at.x - 10 * (float)i, at.y + 5 * (float)i), true);
        c.frame();
    }
    c.mouse(ImVec2(at.x - 40, at.y + 20), false);
    c.frame();
    CHECK(c.last.transform.origin.x == doctest::Approx(before.x - 40).epsilon(1e-3));
    CHECK(c.last.transform.origin.y == doctest::Approx(before.y + 20).epsilon(1e-3));
    CHECK_FALSE(c.last.clicked);  // a drag is not a click

    // Double-click: two presses within ImGui's double-click time.
    for (int i = 0; i < 2; ++i) {
        c.mouse(at, true);
        c.frame();
        c.mouse(at, false);
        c.frame();
    }
    CHECK(c.viewport.fit);
    c.frame();
    CHECK(c.last.transform.scale == doctest::Approx(400.0f / 64));
}

TEST_CASE("the 1:1 button's zoom keeps the image point at the canvas centre") {
    Canvas c;
    c.frame();
    c.wheel(ImVec2(150, 150), 3);
    const ImVec2 centre = c.last.transform.to_image(ImVec2(300, 250));
    imgr::zoom_actual_size(c.viewport, c.last.transform);
    c.frame();
    CHECK(c.last.transform.scale == 1.0f);
    const ImVec2 after = c.last.transform.to_image(ImVec2(300, 250));
    CHECK(after.x == doctest::Approx(centre.x).epsilon(1e-3));
    CHECK(after.y == doctest::Approx(centre.y).epsilon(1e-3));
}

TEST_CASE("a click reports the pixel it was pressed on while zoomed and panned") {
    Canvas c;
    c.frame();
    c.wheel(ImVec2(420, 300), 7);
    const ImagePixel target{50, 20};
    const ImVec2 at = c.last.transform.mouse_for(target);
    REQUIRE(c.last.transform.visible(at));
    c.mouse(at, false);
    c.frame();
    c.mouse(at, true);
    c.frame();
    c.mouse(at, false);
    c.frame();
    REQUIRE(c.last.clicked);
    CHECK(*c.last.clicked == target);
}

// --- through a BlocksView --------------------------------------------------------

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(1000, 700)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void settle(imgr::BlocksView& view) {
        for (int i = 0; i < 2000 && !view.blocks().engine().idle(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            frame(view);
        }
        frame(view);
    }
    void wheel(imgr::BlocksView& view, ImVec2 at, float notches) {
        mouse(at, false);
        frame(view);  // the view learns the mouse is over an image (the window must not scroll)
        ImGui::GetIO().MouseWheel = notches;
        frame(view);
        ImGui::GetIO().MouseWheel = 0;
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

imgr::ImageBuffer gradient(int w, int h) {
    std::vector<uint8_t> px((size_t)w * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &px[((size_t)y * w + x) * 3];
            p[0] = (uint8_t)x;
            p[1] = (uint8_t)y;
            p[2] = 7;
        }
    return imgr::ImageBuffer(w, h, 3, std::move(px));
}

}  // namespace

TEST_CASE("select on an Image hands the handler the clicked pixel in image coordinates at three zoom levels") {
    Headless ui;
    imgr::Blocks demo;
    auto image = demo.add(imgr::Image("image").value(gradient(200, 100)));
    auto out = demo.add(imgr::Textbox("out"));
    image.select(
        [](const imgr::ImageBuffer& im, imgr::SelectData at) {
            return std::to_string(at.x) + "," + std::to_string(at.y) + " " + at.value.dump() + " of " +
                   std::to_string(im.width());
        },
        {image}, out);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const ImagePixel pixels[] = {{3, 4}, {120, 61}, {199, 99}};
    for (int zoom = 0; zoom < 3; ++zoom) {
        if (zoom > 0) ui.wheel(view, view.targets().component(image.id()).image->mouse_for({120, 61}), 6);
        for (ImagePixel p : pixels) {
            const ImageTransform& t = *view.targets().component(image.id()).image;
            const ImVec2 at = t.mouse_for(p);
            if (!t.visible(at)) continue;  // panned out of view at this zoom
            CAPTURE(zoom);
            CAPTURE(p.x);
            ui.click(view, at);
            ui.settle(view);
            for (int i = 0; i < 30; ++i) ui.frame(view);  // past the double-click time: the next press is a click
            CHECK(out.value() == std::to_string(p.x) + "," + std::to_string(p.y) + " [" + std::to_string(p.x) + "," +
                                     std::to_string(p.y) + ",7] of 200");
        }
    }
    CHECK(view.targets().component(image.id()).image->scale > 30);  // really zoomed
}

TEST_CASE("linked images of one size share zoom and pan and an image of another size keeps its own") {
    Headless ui;
    imgr::Blocks demo;
    imgr::Handle<imgr::ImageBuffer> a, b, c;
    demo.row([&] {
        a = demo.add(imgr::Image("a").value(gradient(64, 64)).zoom_link("cmp"));
        b = demo.add(imgr::Image("b").value(gradient(64, 64)).zoom_link("cmp"));
        c = demo.add(imgr::Image("c").value(gradient(32, 64)).zoom_link("cmp"));
    });
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const float c_before = view.targets().component(c.id()).image->scale;
    const ImageTransform& ta = *view.targets().component(a.id()).image;
    ui.wheel(view, ta.mouse_for({20, 30}), 5);
    const ImageTransform& za = *view.targets().component(a.id()).image;
    const ImageTransform& zb = *view.targets().component(b.id()).image;
    CHECK(za.scale > 3 * c_before);
    CHECK(zb.scale == doctest::Approx(za.scale));
    // The same image point at each canvas's centre.
    auto centre_point = [](const ImageTransform& t) {
        return t.to_image(ImVec2((t.clip_min.x + t.clip_max.x) / 2, (t.clip_min.y + t.clip_max.y) / 2));
    };
    CHECK(centre_point(zb).x == doctest::Approx(centre_point(za).x).epsilon(1e-3));
    CHECK(centre_point(zb).y == doctest::Approx(centre_point(za).y).epsilon(1e-3));
    CHECK(view.targets().component(c.id()).image->scale == doctest::Approx(c_before));
}

TEST_CASE("the wheel over an image zooms it and does not scroll the window") {
    Headless ui;
    imgr::Blocks demo;
    imgr::Handle<imgr::ImageBuffer> image;
    for (int i = 0; i < 4; ++i) {  // taller than the window: it can scroll
        auto added = demo.add(imgr::Image("image " + std::to_string(i)).value(gradient(40, 40)));
        if (i == 0) image = added;
    }
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    ImGuiWindow* window = view.targets().window();
    REQUIRE(window->ScrollMax.y > 0);
    const float before = view.targets().component(image.id()).image->scale;
    ui.wheel(view, view.targets().component(image.id()).image->mouse_for({10, 10}), -1);
    ui.wheel(view, view.targets().component(image.id()).image->mouse_for({10, 10}), 2);
    CHECK(window->Scroll.y == 0);
    CHECK(view.targets().component(image.id()).image->scale > before);
}

TEST_CASE("an output Image has no path field but an input has one and a thumbnail has no bar") {
    Headless ui;
    imgr::Blocks demo;
    auto in = demo.add(imgr::Image("in"));
    auto out = demo.add(imgr::Image("out"));
    auto thumb = demo.add(imgr::Image("thumb").value(gradient(8, 8)).controls(false).height(5));
    in.change([](const imgr::ImageBuffer& im) { return im; }, {in}, out);
    // Read by a handler too (as a flag button reads an output): still an output, no path field.
    auto sink = demo.add(imgr::Textbox("sink"));
    out.select([](const imgr::ImageBuffer&, imgr::SelectData) { return std::string("x"); }, {out}, sink);
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    const auto& tin = view.targets().component(in.id());
    const auto& tout = view.targets().component(out.id());
    const auto& tthumb = view.targets().component(thumb.id());
    // The card below the widget: the input's holds the path field, the output's only padding.
    const float in_below = tin.card.max.y - tin.widget.max.y, out_below = tout.card.max.y - tout.widget.max.y;
    CHECK(in_below > out_below + ImGui::GetFrameHeight() * 0.9f);
    CHECK(tthumb.card.max.y - tthumb.widget.max.y < ImGui::GetFontSize());  // no "8 x 8 Fit 1:1" under it
}
