#include "imgr/engine/background_work.h"

#include <atomic>
#include <mutex>

namespace imgr {
namespace {
std::atomic<int> pending{0};
std::mutex wake_mutex;
std::function<void()> wake_fn;
}  // namespace

void set_background_work_wake(std::function<void()> wake) {
    std::lock_guard lock(wake_mutex);
    wake_fn = std::move(wake);
}

int background_work_pending() { return pending.load(std::memory_order_acquire); }

BackgroundWork::BackgroundWork() { pending.fetch_add(1, std::memory_order_acq_rel); }
BackgroundWork::~BackgroundWork() { finish(); }

void BackgroundWork::finish() {
    if (!active_) return;
    active_ = false;
    pending.fetch_sub(1, std::memory_order_acq_rel);
    std::lock_guard lock(wake_mutex);
    if (wake_fn) wake_fn();
}

}  // namespace imgr
