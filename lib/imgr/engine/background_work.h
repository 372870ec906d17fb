// Work a component does off the UI thread that is not a handler run: decoding
// a clip, computing a spectrogram. Its app's Engine::idle() (and so a script's
// `wait idle`) waits for it too, so a screenshot after `wait idle` shows the
// result. Counted per app: another app's work keeps this one neither busy nor awake.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace imgr {

// One app's count of running jobs, and what to call when one finishes (the
// runner's request_redraw, so the window shows the result even when nothing else moves).
struct BackgroundCounter {
    std::atomic<int> pending{0};
    std::mutex mutex;
    std::function<void()> wake;  // guarded by mutex; null: nothing is called
};

// Held by a job for as long as it runs (moved into the worker's closure);
// made by Engine::start_background_work().
class BackgroundWork {
public:
    explicit BackgroundWork(std::shared_ptr<BackgroundCounter> counter);
    ~BackgroundWork();
    BackgroundWork(BackgroundWork&& other) noexcept = default;
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;
    BackgroundWork& operator=(BackgroundWork&&) = delete;
    void finish();  // done early (the result is published); the destructor then does nothing

private:
    std::shared_ptr<BackgroundCounter> counter_;  // null once finished (or moved from)
};

}  // namespace imgr
