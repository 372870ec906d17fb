// A script played against a real BlocksView in a headless ImGui context (no
// window): frame() is what the runner does each frame — let finished runs
// land, the player's input, the view, the player's step, a grey "capture" for
// its screenshots — and it notes where the scripted pointer went and pressed.
// For the player's tests of every command.
#pragma once
#include <doctest/doctest.h>
#include <imgr/driver/script_player.h>

#include "imgr/engine/engine.h"
#include "support/headless_imgui.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace imgr::test {

struct PlayerHarness {
    HeadlessImGui imgui;
    std::unique_ptr<BlocksView> view;
    std::unique_ptr<ScriptPlayer> player;
    bool settle_engine = true;  // wait for handlers before each frame, as a recording does
    std::function<void()> before_each_frame;  // what the app does between frames (a test's hook)
    int frames = 0;
    std::vector<ImVec2> pointer_path;
    std::vector<ImVec2> presses;  // where each press of the scripted mouse began
    bool was_down = false;

    PlayerHarness(Blocks& blocks, std::string_view script, ScriptPlayerOptions options = {.fast = true, .report = false},
                  std::filesystem::path base = std::filesystem::temp_directory_path(), ImVec2 size = ImVec2(1000, 700))
        : imgui(size) {
        view = std::make_unique<BlocksView>(blocks);
        ScriptParseResult parsed = parse_script(script, "tour.txt", base);
        REQUIRE_MESSAGE(parsed.ok(), parsed.error);
        player = std::make_unique<ScriptPlayer>(*view, std::move(parsed), options);
    }
    ~PlayerHarness() {
        player.reset();
        view.reset();
    }
    PlayerHarness(const PlayerHarness&) = delete;
    PlayerHarness& operator=(const PlayerHarness&) = delete;

    void frame() {
        Engine& engine = view->blocks().engine();
        if (settle_engine)
            for (int i = 0; i < 5000 && !engine.idle(); ++i) {
                engine.poll();
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (before_each_frame) before_each_frame();
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        player->before_frame(io);
        ImGui::NewFrame();
        view->draw();
        player->after_draw();
        ImGui::Render();
        player->after_render([&] {
            const int width = (int)io.DisplaySize.x, height = (int)io.DisplaySize.y;
            return ImageBuffer(width, height, 3, std::vector<uint8_t>((size_t)width * height * 3, 200));
        });
        pointer_path.push_back(io.MousePos);
        if (io.MouseDown[0] && !was_down) presses.push_back(io.MousePos);
        was_down = io.MouseDown[0];
        ++frames;
    }
    int run(int max_frames = 5000) {
        while (!player->finished() && frames < max_frames) frame();
        REQUIRE(player->finished());
        return player->exit_code();
    }
    const ComponentCache& cache(ComponentId id) const { return view->cache(id); }
    const ComponentTargets& target(ComponentId id) const { return view->targets().component(id); }
    // How many presses of the scripted mouse began inside r.
    int presses_inside(const TargetRect& r) const {
        int count = 0;
        for (ImVec2 p : presses) count += r.contains(p);
        return count;
    }
};

}  // namespace imgr::test
