// FlagQueue: the flags a demo's buttons (or automatic flagging) handed over
// and that are not written yet. Clicks only add to it, which is quick; one
// writer at a time takes rows out in order and writes them. It is bounded:
// when rows arrive faster than the disk takes them, the person is told that
// flagging is falling behind, and at the bound a new flag is refused (and
// said so) rather than memory growing without end.
#pragma once
#include "imgr/model/value.h"

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace imgr {

struct FlagRequest {
    std::vector<Value> values;
    std::string flag_option;
};

class FlagQueue {
public:
    explicit FlagQueue(size_t capacity);

    struct Admission {
        bool accepted = false;
        size_t waiting = 0;          // rows waiting (this one included when accepted)
        bool falling_behind = false; // the backlog just reached the warning level: tell the person, once
    };
    Admission push(FlagRequest request);

    // Takes the waiting rows one by one, in order, and writes each with `write`.
    // Only one drain runs at a time, so rows reach the file in the order they came.
    struct Drained {
        int rows = -1;                    // the last count `write` returned; -1: nothing written
        std::vector<std::string> errors;  // one per row `write` failed on
    };
    Drained drain(const std::function<int(const FlagRequest&)>& write);

    size_t waiting() const;
    size_t capacity() const { return capacity_; }
    size_t warning_level() const { return warning_level_; }

private:
    const size_t capacity_, warning_level_;
    mutable std::mutex mutex_;
    std::deque<FlagRequest> rows_;
    bool warned_ = false;      // re-armed once the backlog is gone
    std::mutex drain_mutex_;   // held for a whole drain
};

}  // namespace imgr
