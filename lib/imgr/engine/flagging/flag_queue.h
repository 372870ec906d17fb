// FlagQueue: the flags an app's buttons (or automatic flagging) handed over
// and that are not written yet. Clicks only add to it, which is quick; a
// writer run per admitted row writes rows out in the order they came. It is
// bounded: when rows arrive faster than the disk takes them, the person is
// told that flagging is falling behind, and at the bound a new flag is
// refused (and said so) rather than memory growing without end.
//
// Every row carries its source (the button that admitted it). A writer run
// reports the row of its own source: it writes the waiting rows in order up to
// and including its source's oldest one, and keeps the results of other
// sources' rows written on the way for their own writer runs. So each button's
// "Saved (N)" is the count after the row that button wrote.
//
// A row admitted with skip_repeat that repeats the last row its source saved
// (same values, option and corrections; the same note, or none since the
// note is cleared after a flag) is not written again: its result says
// `repeat`, with the count that row got, so the button says "Already saved (N)".
#pragma once
#include "imgr/model/value.h"

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace imgr {

struct FlagRequest {
    std::vector<Value> values;
    std::string flag_option;
    int source = 0;  // who admitted it: a flag button, or automatic flagging
    std::string note;                               // the `note` column
    std::vector<std::optional<Value>> corrections;  // per value, or empty (FlagRow)
    bool skip_repeat = false;  // a repeat of the last row this source saved is not written again (a second click)
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

    // What writing one row gave.
    struct Written {
        bool took = false;  // there was a row to write
        int rows = -1;      // what `write` returned: rows saved so far
        std::string error;  // what it threw, "" when it returned
        bool repeat = false; // nothing written: the row repeats the last one its source saved (rows is that one's count)
    };
    using WriteRow = std::function<int(const FlagRequest&)>;  // returns rows saved so far, or throws

    // The result of `source`'s oldest row not yet reported: written now (with
    // every row that came before it, in order) unless another source's writer
    // already wrote it. One writer at a time, so rows reach the file in the
    // order they came. took == false when `source` has no row.
    Written write_through(int source, const WriteRow& write);

    // Writes every waiting row, in order (at exit); returns each row's result.
    std::vector<Written> write_all(const WriteRow& write);

    size_t waiting() const;
    size_t capacity() const { return capacity_; }

private:
    Written write_front(const WriteRow& write);  // write_mutex_ held

    const size_t capacity_, warning_level_;
    mutable std::mutex mutex_;
    std::deque<FlagRequest> rows_;
    bool warned_ = false;      // re-armed once the backlog is gone
    std::mutex write_mutex_;   // held from taking a row until it is written; guards done_
    std::map<int, std::deque<Written>> done_;  // per source: rows written by another source's writer
    struct Saved {
        FlagRequest request;
        int rows = 0;
    };
    std::map<int, Saved> last_saved_;  // per source: its last row written, for skip_repeat
};

}  // namespace imgr
