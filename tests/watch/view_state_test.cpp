// The tabs, accordions and scroll a person arranged, read from one view and
// given to another of the same app (a --watch reload), headless.
#include "imgr/engine/app/blocks_access.h"
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>

#include "support/headless_imgui.h"

#include <memory>

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(800, 400)) {}
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

// Tabs A and B; in B a closed accordion "More" holding a long list, so the page scrolls.
std::unique_ptr<imgr::Blocks> make_app() {
    auto demo = std::make_unique<imgr::Blocks>();
    demo->tabs([&] {
        demo->tab("A", [&] { demo->add(imgr::Number("a")); });
        demo->tab("B", [&] {
            demo->accordion("More", [&] {
                for (int i = 0; i < 30; ++i) demo->add(imgr::Number("n" + std::to_string(i)));
            }, false);
        });
    });
    return demo;
}

imgr::NodeId node(const imgr::Blocks& demo, const std::string& label) {
    const imgr::Layout& layout = imgr::BlocksAccess::layout(demo);
    for (int i = 0; i < (int)layout.size(); ++i)
        if (layout.node(imgr::NodeId(i)).label == label) return imgr::NodeId(i);
    return imgr::NodeId();
}

}  // namespace

TEST_CASE("the open tab, the open accordion and the scroll come back in a new view of the app, by title") {
    imgr::ViewState saved;
    {
        Headless ui;
        auto demo = make_app();
        imgr::BlocksView view(*demo);
        ui.frame(view);
        ui.frame(view);
        ui.click(view, view.targets().header(node(*demo, "B")).rect.center());
        ui.click(view, view.targets().header(node(*demo, "More")).rect.center());
        ImGui::SetScrollY(view.targets().window(), 120);
        ui.frame(view);
        ui.frame(view);
        saved = view.view_state();
    }
    REQUIRE(saved.tabs.size() == 2);
    CHECK(saved.tabs[0].path == "A");
    CHECK_FALSE(saved.tabs[0].open);
    CHECK(saved.tabs[1].path == "B");
    CHECK(saved.tabs[1].open);
    REQUIRE(saved.accordions.size() == 1);
    CHECK(saved.accordions[0].path == "B/More");
    CHECK(saved.accordions[0].open);
    CHECK(saved.scroll_y == doctest::Approx(120));

    Headless ui;
    auto demo = make_app();
    imgr::BlocksView view(*demo);
    view.restore_view_state(saved);
    for (int i = 0; i < 5; ++i) ui.frame(view);
    CHECK(view.targets().header(node(*demo, "B")).open);
    CHECK_FALSE(view.targets().header(node(*demo, "A")).open);
    CHECK(view.targets().header(node(*demo, "More")).open);
    CHECK(view.view_state().scroll_y == doctest::Approx(120));
}

TEST_CASE("titles the app no longer has are ignored and the app's own defaults stand") {
    Headless ui;
    auto demo = make_app();
    imgr::BlocksView view(*demo);
    imgr::ViewState saved;
    saved.tabs = {{"Gone", true}};
    saved.accordions = {{"A/More", true}};  // "More" is in B, not in A
    view.restore_view_state(saved);
    for (int i = 0; i < 3; ++i) ui.frame(view);
    CHECK(view.targets().header(node(*demo, "A")).open);
    const imgr::HeaderTarget& more = view.targets().header(node(*demo, "More"));
    CHECK_FALSE((more.frame >= 0 && more.open));  // not drawn (tab B is not shown), and not opened
}

TEST_CASE("an Image's zoom and pan come back by its label, a fitted one is not even saved") {
    imgr::ViewState saved;
    saved.images = {{"photo", 0, false, 3.0f, 0.25f, 0.75f}, {"gone", 0, false, 2.0f, 0.5f, 0.5f}};
    Headless ui;
    imgr::Blocks demo;
    demo.add(imgr::Image("photo").value(imgr::ImageBuffer(64, 48, 3)));
    demo.add(imgr::Image("other").value(imgr::ImageBuffer(64, 48, 3)));
    imgr::BlocksView view(demo);
    view.restore_view_state(saved);
    for (int i = 0; i < 3; ++i) ui.frame(view);
    const imgr::ViewState now = view.view_state();
    REQUIRE(now.images.size() == 1);  // "other" is fitted, "gone" is not in this app
    CHECK(now.images[0].label == "photo");
    CHECK_FALSE(now.images[0].fit);
    CHECK(now.images[0].zoom == doctest::Approx(3.0));
    CHECK(now.images[0].center_x == doctest::Approx(0.25));
    CHECK(now.images[0].center_y == doctest::Approx(0.75));
}
