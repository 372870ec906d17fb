// The viewers' input, queued by the VNC threads and given to ImGui on the UI
// thread, a frame at a time, as GLFW's callbacks would give it: ImGui 1.86
// reads button and key states once a frame, so a press and its release in the
// same frame would be lost. Each frame takes events in order up to the one
// that would change a button or key a second time (or move the pointer after a
// press, or mix typed text with keys), and leaves the rest for the next frame.
#pragma once
#include <cstdint>
#include <deque>
#include <mutex>

struct ImGuiIO;

namespace imgr::serve {

class RemoteInput {
public:
    static constexpr size_t kMaxQueued = 4096;  // a flood beyond this is dropped, never queued without bound

    // Thread-safe; false when the event was dropped (the queue is full).
    bool pointer(int button_mask, int x, int y);  // RFB: bit 0 left, 1 middle, 2 right, 3/4 wheel up/down, 5/6 left/right
    bool key(bool down, uint32_t keysym);
    void release_all();                            // a viewer left: nothing stays pressed
    bool pending() const;

    void apply(ImGuiIO& io);  // UI thread, before ImGui::NewFrame

private:
    struct Event {
        bool is_key = false, is_move = false;
        int mask = 0, x = 0, y = 0;
        bool down = false;
        uint32_t keysym = 0;
    };
    struct Frame;  // what this frame has changed so far
    bool take_pointer(const Event& event, Frame& frame);
    bool take_key(const Event& event, Frame& frame);
    bool push(const Event& event);

    mutable std::mutex mutex_;
    std::deque<Event> queue_;
    int last_pushed_mask_ = 0;
    // The state ImGui sees, kept between frames (the GLFW backend resets the mouse every frame).
    bool has_pointer_ = false;
    int x_ = 0, y_ = 0, mask_ = 0;
    bool keys_down_[512] = {};
    bool shift_ = false, ctrl_ = false, alt_ = false, super_ = false;
};

}  // namespace imgr::serve
