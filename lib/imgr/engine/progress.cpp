#include "imgr/engine/progress.h"

#include <algorithm>
#include <cmath>

namespace imgr {

void Progress::operator()(double fraction, const std::string& description) {
    if (cancelled()) throw Cancelled();
    if (std::isnan(fraction)) fraction = 0;
    fraction_.store(std::clamp(fraction, 0.0, 1.0), std::memory_order_relaxed);
    std::lock_guard lock(mutex_);
    description_ = description;
}

std::string Progress::description() const {
    std::lock_guard lock(mutex_);
    return description_;
}

}  // namespace imgr
