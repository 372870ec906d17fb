#include "imgr/serve/remote_input.h"

#include "imgr/serve/keysyms.h"

#include <imgui.h>

namespace imgr::serve {
namespace {
constexpr int kButtons = 0x07, kWheelUp = 0x08, kWheelDown = 0x10, kWheelLeft = 0x20, kWheelRight = 0x40;
}

struct RemoteInput::Frame {
    int buttons_changed = 0;  // RFB button bits that changed this frame
    bool key_changed[512] = {};
    bool any_key_changed = false, typed = false;
    float wheel = 0, wheel_h = 0;
};

bool RemoteInput::push(const Event& event) {
    std::lock_guard lock(mutex_);
    // A move (the buttons as before) replaces a move still queued: a flood of moves costs nothing.
    const bool move = !event.is_key && event.mask == last_pushed_mask_;
    if (!event.is_key) last_pushed_mask_ = event.mask;
    if (move && !queue_.empty() && queue_.back().is_move) {
        queue_.back() = event;
        queue_.back().is_move = true;
        return true;
    }
    if (queue_.size() >= kMaxQueued) return false;
    queue_.push_back(event);
    queue_.back().is_move = move;
    return true;
}

bool RemoteInput::pointer(int button_mask, int x, int y) {
    return push({.is_key = false, .mask = button_mask & 0x7f, .x = x, .y = y});
}
bool RemoteInput::key(bool down, uint32_t keysym) { return push({.is_key = true, .down = down, .keysym = keysym}); }

void RemoteInput::release_all() {
    std::lock_guard lock(mutex_);
    Event up{.is_key = false, .mask = 0, .x = x_, .y = y_};
    if (!queue_.empty()) {
        for (auto it = queue_.rbegin(); it != queue_.rend(); ++it)
            if (!it->is_key) { up.x = it->x; up.y = it->y; break; }
    }
    queue_.push_back(up);
    last_pushed_mask_ = 0;
    for (uint32_t modifier : {0xffe1u, 0xffe3u, 0xffe9u, 0xffebu}) queue_.push_back({.is_key = true, .keysym = modifier});
}

bool RemoteInput::pending() const {
    std::lock_guard lock(mutex_);
    return !queue_.empty();
}

bool RemoteInput::take_pointer(const Event& event, Frame& frame) {
    const int buttons = event.mask & kButtons, changes = (buttons ^ mask_) & kButtons;
    if (changes & frame.buttons_changed) return false;  // the same button again: next frame
    if (frame.buttons_changed && (event.x != x_ || event.y != y_)) return false;  // a move after a press or release
    const int pressed = event.mask & ~mask_;  // wheel "buttons" turn once per press
    if (pressed & kWheelUp) frame.wheel += 1;
    if (pressed & kWheelDown) frame.wheel -= 1;
    if (pressed & kWheelLeft) frame.wheel_h += 1;
    if (pressed & kWheelRight) frame.wheel_h -= 1;
    frame.buttons_changed |= changes;
    has_pointer_ = true;
    x_ = event.x;
    y_ = event.y;
    mask_ = event.mask;
    return true;
}

bool RemoteInput::take_key(const Event& event, Frame& frame) {
    switch (modifier_of(event.keysym)) {
        case Modifier::Shift: shift_ = event.down; return true;
        case Modifier::Ctrl: ctrl_ = event.down; return true;
        case Modifier::Alt: alt_ = event.down; return true;
        case Modifier::Super: super_ = event.down; return true;
        case Modifier::None: break;
    }
    const int key = imgui_key_of(event.keysym);
    const int index = key >= 0 ? ImGui::GetIO().KeyMap[key] : -1;
    const bool mapped = index >= 0 && index < 512;
    const bool held = mapped && keys_down_[index];  // pressed as a shortcut: released as a key even without Ctrl
    const uint32_t character = character_of(event.keysym);
    const bool shortcut = ctrl_ || alt_ || super_;
    if (character && !shortcut && !held) {  // text, as GLFW's character callback gives it (none while Ctrl is held)
        if (!event.down) return true;
        if (frame.any_key_changed) return false;  // keep text and keys in their order
        ImGui::GetIO().AddInputCharacter(character);
        frame.typed = true;
        return true;
    }
    if (!mapped) return true;  // a key ImGui has no name for: nothing to do
    if (frame.typed || frame.key_changed[index]) return false;
    if (keys_down_[index] == event.down) return true;
    keys_down_[index] = event.down;
    frame.key_changed[index] = frame.any_key_changed = true;
    return true;
}

void RemoteInput::apply(ImGuiIO& io) {
    Frame frame;
    {
        std::lock_guard lock(mutex_);
        while (!queue_.empty()) {
            const Event& event = queue_.front();
            if (!(event.is_key ? take_key(event, frame) : take_pointer(event, frame))) break;
            queue_.pop_front();
        }
    }
    if (has_pointer_) {
        io.MousePos = ImVec2((float)x_, (float)y_);
        io.MouseDown[0] = (mask_ & 0x01) != 0;
        io.MouseDown[1] = (mask_ & 0x04) != 0;  // RFB's button 3 is the right one
        io.MouseDown[2] = (mask_ & 0x02) != 0;
    }
    io.MouseWheel += frame.wheel;
    io.MouseWheelH += frame.wheel_h;
    io.AppFocusLost = false;  // the hidden window never has focus; the viewers' keys must stay down
    for (int i = 0; i < 512 && i < IM_ARRAYSIZE(io.KeysDown); ++i)
        if (keys_down_[i] || frame.key_changed[i]) io.KeysDown[i] = keys_down_[i];
    io.KeyShift = shift_;
    io.KeyCtrl = ctrl_;
    io.KeyAlt = alt_;
    io.KeySuper = super_;
}

}  // namespace imgr::serve
