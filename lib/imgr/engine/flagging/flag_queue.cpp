#include "imgr/engine/flagging/flag_queue.h"

#include <algorithm>
#include <exception>

namespace imgr {

namespace {
// Nothing the person could have changed differs; an empty note is the note cleared after that row was saved.
bool repeats(const FlagRequest& row, const FlagRequest& saved) {
    return row.values == saved.values && row.flag_option == saved.flag_option && row.corrections == saved.corrections &&
           (row.note.empty() || row.note == saved.note);
}
}  // namespace

// A quarter of the bound: early enough to slow down, late enough that a
// quick double click never warns.
FlagQueue::FlagQueue(size_t capacity)
    : capacity_(std::max<size_t>(capacity, 1)), warning_level_(std::max<size_t>(capacity_ / 4, 2)) {}

FlagQueue::Admission FlagQueue::push(FlagRequest request) {
    std::lock_guard lock(mutex_);
    Admission admission;
    if (rows_.size() >= capacity_) {
        admission.waiting = rows_.size();
        return admission;
    }
    rows_.push_back(std::move(request));
    admission.accepted = true;
    admission.waiting = rows_.size();
    if (admission.waiting >= warning_level_ && !warned_) {
        warned_ = true;
        admission.falling_behind = true;
    }
    return admission;
}

FlagQueue::Written FlagQueue::write_front(const WriteRow& write) {
    Written written;
    FlagRequest request;
    {
        std::lock_guard lock(mutex_);
        if (rows_.empty()) return written;
        // Taken out before writing: a row that fails is kept by the flagging callback, not here.
        request = std::move(rows_.front());
        rows_.pop_front();
        if (rows_.empty()) warned_ = false;
    }
    written.took = true;
    if (auto last = last_saved_.find(request.source);
        request.skip_repeat && last != last_saved_.end() && repeats(request, last->second.request)) {
        written.repeat = true;
        written.rows = last->second.rows;
    } else {
        try {
            written.rows = write(request);
            last_saved_[request.source] = {request, written.rows};
        } catch (const std::exception& e) {
            written.error = e.what();  // not saved: the same row clicked again is written, not a repeat
            last_saved_.erase(request.source);
        }
    }
    done_[request.source].push_back(written);
    return written;
}

FlagQueue::Written FlagQueue::write_through(int source, const WriteRow& write) {
    std::lock_guard write_lock(write_mutex_);
    // Rows are written in order, so the first result kept for `source` is its oldest row.
    for (;;) {
        if (auto kept = done_.find(source); kept != done_.end() && !kept->second.empty()) {
            Written written = kept->second.front();
            kept->second.pop_front();
            return written;
        }
        if (!write_front(write).took) return {};  // nothing of `source` is waiting
    }
}

std::vector<FlagQueue::Written> FlagQueue::write_all(const WriteRow& write) {
    std::lock_guard write_lock(write_mutex_);
    std::vector<Written> results;
    for (Written written = write_front(write); written.took; written = write_front(write))
        results.push_back(std::move(written));
    done_.clear();  // no writer run comes for them any more
    return results;
}

size_t FlagQueue::waiting() const {
    std::lock_guard lock(mutex_);
    return rows_.size();
}

}  // namespace imgr
