// Progress: a handler that takes `imgr::Progress&` as its last parameter can
// report how far it is; the window shows a bar over its outputs.
//
// It is also the run's link to the engine: a run that was stopped (a Stop
// button, EventOptions::cancels) makes the next progress report throw
// imgr::Cancelled, and a streaming handler's values reach the window through it.
#pragma once
#include "imgr/engine/update.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace imgr {

// Thrown into a handler at its next Progress report (or, for a stream, ends it
// at its next co_yield) after its run was stopped. A handler may catch it to
// clean up; whatever it returns afterwards is not shown.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("the run was stopped") {}
};

class Progress {
public:
    // fraction in 0..1 (clamped); description shown beside the bar.
    // Throws imgr::Cancelled once the run was stopped.
    void operator()(double fraction, const std::string& description = "");
    double fraction() const { return fraction_.load(std::memory_order_relaxed); }   // < 0: not reported
    std::string description() const;

    // Whether the run was stopped (for a handler that wants to check without reporting).
    bool cancelled() const { return cancelled_.load(std::memory_order_acquire); }

    // --- the engine's side ------------------------------------------------------
    using Outputs = std::vector<std::optional<Update>>;
    void cancel() { cancelled_.store(true, std::memory_order_release); }
    // Where a streaming handler's values go (set by the engine before the run starts).
    void set_stream_sink(std::function<void(Outputs)> sink) { stream_sink_ = std::move(sink); }
    // Hands one yielded value to the window; dropped once the run was stopped.
    void stream(Outputs outputs) {
        if (stream_sink_ && !cancelled()) stream_sink_(std::move(outputs));
    }

private:
    std::atomic<double> fraction_{-1.0};
    std::atomic<bool> cancelled_{false};
    mutable std::mutex mutex_;
    std::string description_;
    std::function<void(Outputs)> stream_sink_;
};

}  // namespace imgr
