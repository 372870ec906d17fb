// A person clicking the same flag button twice in the drawn window: one row,
// and the button says the sample is already saved. Headless ImGui, real engine.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv.h>
#include <imgr/view/blocks_view.h>

#include "support/headless_imgui.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(1000, 700)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void click(imgr::BlocksView& view, ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame(view);
        ImGui::GetIO().MouseDown[0] = true;
        frame(view);
        ImGui::GetIO().MouseDown[0] = false;
        frame(view);
    }
    void settle(imgr::BlocksView& view) {
        for (int i = 0; i < 2000 && !view.blocks().engine().idle(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            frame(view);
        }
        frame(view);
    }
};

size_t rows_in(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return imgr::parse_csv(s.str()).size();
}

}  // namespace

TEST_CASE("view: a second click on the same flag writes no row and shows Already saved (1)") {
    const fs::path dir = fs::temp_directory_path() / "imgr_flag_repeat_view_test";
    fs::remove_all(dir);
    imgr::Interface demo([](double x) { return x * 2; }, {imgr::Number("x", 3)}, imgr::Number("twice"),
                         {.flagging_dir = dir.string(), .flagging_note = true});
    const imgr::ComponentId flag = demo.engine().find_by_label("Flag").at(0);
    const imgr::ComponentId note = demo.engine().find_by_label("Note").at(0);
    Headless ui;
    imgr::BlocksView view(demo);
    ui.frame(view);
    ui.frame(view);
    auto click_flag = [&] {
        const auto& target = view.targets().component(flag).widget;
        ui.click(view, ImVec2((target.min.x + target.max.x) / 2, (target.min.y + target.max.y) / 2));
        ui.settle(view);
        return std::get<std::string>(demo.engine().component(flag).spec.value);
    };
    demo.engine().set_from_user(note, std::string("first"));
    ui.settle(view);
    CHECK(click_flag() == "Saved (1)");
    CHECK(std::get<std::string>(demo.engine().component(note).spec.value).empty());
    CHECK(click_flag() == "Already saved (1)");
    CHECK(rows_in(dir / "logs.csv") == 2);  // the header and one row
    demo.engine().set_from_user(demo.engine().find_by_label("x").at(0), 4.0);
    ui.settle(view);
    CHECK(click_flag() == "Saved (2)");
    CHECK(rows_in(dir / "logs.csv") == 3);
}
