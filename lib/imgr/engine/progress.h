// Progress: a handler that takes `imgr::Progress&` as its last parameter can
// report how far it is; the window shows a bar over its outputs.
#pragma once
#include <atomic>
#include <mutex>
#include <string>

namespace imgr {

class Progress {
public:
    // fraction in 0..1 (clamped); description shown beside the bar.
    void operator()(double fraction, const std::string& description = "");
    double fraction() const { return fraction_.load(std::memory_order_relaxed); }   // < 0: not reported
    std::string description() const;

private:
    std::atomic<double> fraction_{-1.0};
    mutable std::mutex mutex_;
    std::string description_;
};

}  // namespace imgr
