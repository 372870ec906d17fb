// FlagQueue: the flags a demo's buttons (or automatic flagging) handed over
// and that are not written yet. Clicks only add to it, which is quick; a
// writer run per admitted row takes the oldest out and writes it. It is bounded:
// when rows arrive faster than the disk takes them, the person is told that
// flagging is falling behind, and at the bound a new flag is refused (and
// said so) rather than memory growing without end.
#pragma once
#include "imgr/model/value.h"

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
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

    // Takes the oldest waiting row and writes it with `write`, which returns
    // the rows saved so far or throws. One row per call keeps every run short
    // (the engine reports a run over 30 s as stuck); one call at a time, so
    // rows reach the file in the order they came.
    struct Written {
        bool took = false;  // a row was waiting
        int rows = -1;      // what `write` returned
        std::string error;  // what it threw, "" when it returned
    };
    Written write_next(const std::function<int(const FlagRequest&)>& write);

    size_t waiting() const;
    size_t capacity() const { return capacity_; }

private:
    const size_t capacity_, warning_level_;
    mutable std::mutex mutex_;
    std::deque<FlagRequest> rows_;
    bool warned_ = false;      // re-armed once the backlog is gone
    std::mutex write_mutex_;   // held from taking a row until it is written
};

}  // namespace imgr
