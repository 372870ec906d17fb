#include "imgr/engine/background_work.h"

namespace imgr {

BackgroundWork::BackgroundWork(std::shared_ptr<BackgroundCounter> counter) : counter_(std::move(counter)) {
    counter_->pending.fetch_add(1, std::memory_order_acq_rel);
}

BackgroundWork::~BackgroundWork() { finish(); }

void BackgroundWork::finish() {
    if (!counter_) return;
    const std::shared_ptr<BackgroundCounter> counter = std::move(counter_);
    counter_.reset();
    counter->pending.fetch_sub(1, std::memory_order_acq_rel);
    std::function<void()> wake;
    {
        std::lock_guard lock(counter->mutex);
        wake = counter->wake;
    }
    if (wake) wake();
}

}  // namespace imgr
