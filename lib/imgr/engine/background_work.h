// Work a component does off the UI thread that is not a handler run: decoding
// a clip, computing a spectrogram. Engine::idle() (and so a script's `wait
// idle`) waits for it too, so a screenshot after `wait idle` shows the result.
#pragma once
#include <functional>

namespace imgr {

int background_work_pending();  // jobs started and not yet finished, process-wide
// Called (from the worker) each time a job finishes: the runner's request_redraw, so the
// window shows the result even when nothing else moves. Null: nothing is called.
void set_background_work_wake(std::function<void()> wake);

// Held by a job for as long as it runs (moved into the worker's closure).
class BackgroundWork {
public:
    BackgroundWork();
    ~BackgroundWork();
    BackgroundWork(BackgroundWork&& other) noexcept : active_(other.active_) { other.active_ = false; }
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;
    BackgroundWork& operator=(BackgroundWork&&) = delete;
    void finish();  // done early (the result is published); the destructor then does nothing

private:
    bool active_ = true;
};

}  // namespace imgr
