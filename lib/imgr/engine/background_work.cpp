#include "imgr/engine/background_work.h"

namespace imgr {
namespace {
std::atomic<int> pending{0};
}

int background_work_pending() { return pending.load(std::memory_order_acquire); }

BackgroundWork::BackgroundWork() { pending.fetch_add(1, std::memory_order_acq_rel); }
BackgroundWork::~BackgroundWork() { finish(); }

void BackgroundWork::finish() {
    if (!active_) return;
    active_ = false;
    pending.fetch_sub(1, std::memory_order_acq_rel);
}

}  // namespace imgr
