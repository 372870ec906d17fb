#include "imgr/engine/flag_queue.h"

#include <algorithm>
#include <exception>

namespace imgr {

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

FlagQueue::Written FlagQueue::write_next(const std::function<int(const FlagRequest&)>& write) {
    std::lock_guard write_lock(write_mutex_);
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
    try {
        written.rows = write(request);
    } catch (const std::exception& e) {
        written.error = e.what();
    }
    return written;
}

size_t FlagQueue::waiting() const {
    std::lock_guard lock(mutex_);
    return rows_.size();
}

}  // namespace imgr
