// The script player's frame protocol and how it runs a command's steps;
// the commands are in script_commands.cpp, the steps they are made of in
// script_steps.cpp, setting a value by kind in script_set_by_kind.cpp.
#include "imgr/driver/script_player.h"
#include "imgr/engine/app/blocks_access.h"
#include "imgr/driver/script_player_pace.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgr/driver/expectation.h"
#include "imgr/model/image_io.h"

namespace imgr {

using namespace script_pace;

ScriptPlayer::ScriptPlayer(BlocksView& view, ScriptParseResult script, ScriptPlayerOptions options)
    : view_(view), script_(std::move(script)), options_(options) {
    const Layout& layout = BlocksAccess::layout(view_.blocks());
    node_parent_.assign(layout.size(), NodeId());
    component_node_.assign(engine().component_count(), NodeId());
    for (NodeId n(0); (size_t)n < layout.size(); n = NodeId(n.index + 1)) {
        const LayoutNode& node = layout.node(n);
        for (NodeId child : node.children) node_parent_[(size_t)child] = n;
        if (node.type == NodeType::Component && node.component >= 0 && (size_t)node.component < component_node_.size())
            component_node_[(size_t)node.component] = n;
    }
    if (!script_.ok()) {
        status_ = Status::ScriptError;
        failures_.push_back(script_.error);
    }
}

Engine& ScriptPlayer::engine() const { return view_.blocks().engine(); }
double ScriptPlayer::now() const { return ImGui::GetTime(); }

int ScriptPlayer::exit_code() const {
    switch (status_) {
        case Status::Running:
        case Status::Passed: return 0;
        case Status::ExpectFailed: return 1;
        case Status::ScriptError: return 2;
    }
    return 2;
}

// --- the frame protocol -------------------------------------------------------

void ScriptPlayer::before_frame(ImGuiIO& io) {
    if (pointer_.x < 0) pointer_ = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
    io.AppFocusLost = false;  // a window focus change must not wipe the scripted keys
    io.MousePos = pointer_;
    for (bool& down : io.MouseDown) down = false;
    io.MouseDown[0] = mouse_down_;
    io.MouseWheel = wheel_;
    io.MouseWheelH = 0;
    wheel_ = 0;
    if (key_released_ >= 0) {
        io.KeysDown[key_released_] = false;
        key_released_ = -1;
    }
    io.KeyCtrl = ctrl_;
    io.KeyShift = io.KeyAlt = io.KeySuper = false;
    if (key_down_ >= 0) {
        const int index = io.KeyMap[key_down_];
        if (index >= 0 && index < IM_ARRAYSIZE(io.KeysDown)) {
            io.KeysDown[index] = true;
            key_released_ = index;
        }
        key_down_ = -1;
    }
    if (!characters_.empty()) {
        io.AddInputCharactersUTF8(characters_.c_str());
        characters_.clear();
    }
}

void ScriptPlayer::after_draw() {
    ++frames_drawn_;
    if (!finished() && frames_drawn_ > kSettleFrames && !screenshot_) run_steps();
    draw_pointer();
}

void ScriptPlayer::after_render(const std::function<ImageBuffer()>& capture) {
    if (!screenshot_) return;
    const std::filesystem::path path = *screenshot_;
    screenshot_.reset();
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (IoResult saved = save_png(path.string(), capture(), Durability::NoFsync); !saved) {
        fail(saved.error);
        return;
    }
    if (options_.report) std::fprintf(stderr, "imgr: screenshot saved to %s\n", path.c_str());
}

// --- running commands ---------------------------------------------------------

void ScriptPlayer::run_steps() {
    // Instant steps (lookups, expects) chain within a frame; a step that
    // changes the input hands over to the next frame.
    for (int guard = 0; guard < 10000 && !finished(); ++guard) {
        if (steps_.empty()) {
            if (next_command_ < script_.commands.size()) {
                start_command(script_.commands[next_command_++]);
                continue;
            }
            if (!ending_) {
                // Let the last actions' handlers finish, so a screenshot or recording shows their results.
                command_ = nullptr;
                ending_ = true;
                double started = -1;
                steps_.push_back([this, started]() mutable {
                    if (started < 0) started = now();
                    return engine().idle() || now() - started > kEndIdleSeconds ? Step::DoneNow : Step::Continue;
                });
                steps_.push_back(pause(kEndPause));  // a video ends on the result, not on the last click
                steps_.push_back([this]() {
                    finish();
                    return Step::DoneNow;
                });
                continue;
            }
            finish();
            return;
        }
        StepFn step = std::move(steps_.front());
        steps_.pop_front();
        inserted_.clear();
        const Step result = step();
        if (finished()) return;
        if (result == Step::Continue) steps_.push_front(std::move(step));
        for (auto it = inserted_.rbegin(); it != inserted_.rend(); ++it) steps_.push_front(std::move(*it));
        inserted_.clear();
        if (result != Step::DoneNow) return;
    }
}

void ScriptPlayer::insert_steps(std::vector<StepFn> steps) {
    for (StepFn& step : steps) inserted_.push_back(std::move(step));
}

void ScriptPlayer::fail(std::string message) {
    const int line = command_ ? command_->line : 0;
    std::string text = line > 0 ? script_error(script_.file_name, line, message) : script_.file_name + ": " + message;
    if (options_.report) std::fprintf(stderr, "%s\n", text.c_str());
    failures_.push_back(std::move(text));
    status_ = Status::ScriptError;
    steps_.clear();
    inserted_.clear();
    mouse_down_ = false;
}

void ScriptPlayer::expectation_failed(std::string message) {
    std::string text = script_error(script_.file_name, command_ ? command_->line : 0, message);
    if (options_.report) std::fprintf(stderr, "%s\n", text.c_str());
    failures_.push_back(std::move(text));
    ++failed_expectations_;
}

void ScriptPlayer::missed(const std::string& why) {
    ++misses_;
    const int line = command_ ? command_->line : 0;
    if (misses_ <= 5) missed_ += (missed_.empty() ? "" : "; ") + std::string("line ") + std::to_string(line) + ": " + why;
}

void ScriptPlayer::finish() {
    if (finished()) return;
    status_ = failed_expectations_ > 0 ? Status::ExpectFailed : Status::Passed;
    steps_.clear();
    mouse_down_ = false;
    if (!options_.report) return;
    // Not an error (the values still end as scripted), but a tour meant to show a person's clicks did not.
    if (misses_ > 0)
        std::fprintf(stderr, "imgr: script %s: the pointer missed %d target%s, the engine acted instead (%s%s)\n",
                     script_.file_name.c_str(), misses_, misses_ == 1 ? "" : "s", missed_.c_str(), misses_ > 5 ? "; ..." : "");
    if (failed_expectations_ > 0)
        std::fprintf(stderr, "imgr: script %s: %d expectation%s failed\n", script_.file_name.c_str(),
                     failed_expectations_, failed_expectations_ == 1 ? "" : "s");
    else
        std::fprintf(stderr, "imgr: script %s: done, every expectation held\n", script_.file_name.c_str());
}

}  // namespace imgr
