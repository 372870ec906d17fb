// A script played against a real BlocksView in a headless ImGui context (no
// window): each frame lets finished runs land, then the player's input, the
// view, the player's step. For the player's tests of pointer commands.
#pragma once
#include <doctest/doctest.h>
#include <imgr/driver/script_player.h>

#include "imgr/engine/engine.h"
#include "support/headless_imgui.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

namespace imgr::test {

struct PlayerHarness {
    HeadlessImGui imgui{ImVec2(1000, 700)};
    std::unique_ptr<BlocksView> view;
    std::unique_ptr<ScriptPlayer> player;
    int frames = 0;

    PlayerHarness(Blocks& blocks, std::string_view script) {
        view = std::make_unique<BlocksView>(blocks);
        ScriptParseResult parsed = parse_script(script, "tour.txt", std::filesystem::temp_directory_path());
        REQUIRE_MESSAGE(parsed.ok(), parsed.error);
        player = std::make_unique<ScriptPlayer>(*view, std::move(parsed), ScriptPlayerOptions{.fast = true, .report = false});
    }
    ~PlayerHarness() {
        player.reset();
        view.reset();
    }
    void frame() {
        Engine& engine = view->blocks().engine();
        for (int i = 0; i < 5000 && !engine.idle(); ++i) {
            engine.poll();
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        player->before_frame(io);
        ImGui::NewFrame();
        view->draw();
        player->after_draw();
        ImGui::Render();
        ++frames;
    }
    int run() {
        while (!player->finished() && frames < 5000) frame();
        REQUIRE(player->finished());
        return player->exit_code();
    }
};

}  // namespace imgr::test
