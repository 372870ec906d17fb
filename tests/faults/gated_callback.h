// A flagging callback standing in for a disk that is slow: flag() waits while
// the gate is closed, then records the row. Tests wait for "a write is in
// progress" through entered(), never by sleeping a guessed time.
#pragma once
#include "imgr/engine/flagging/flagging_callback.h"

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace imgr::test {

class GatedCallback : public FlaggingCallback {
public:
    void setup(std::vector<FlagField>, std::string, FlagSetup) override {}
    int flag(const std::vector<Value>& values, const std::string& flag_option) override {
        std::unique_lock lock(mutex_);
        ++entered_;
        changed_.notify_all();
        changed_.wait(lock, [&] { return open_; });
        rows_.push_back({values, flag_option});
        return (int)rows_.size();
    }
    int retry_pending() override { return (int)rows().size(); }
    size_t pending_count() const override { return 0; }

    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    void wait_until_entered(int calls) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return entered_ >= calls; });
    }
    struct Row {
        std::vector<Value> values;
        std::string flag_option;
    };
    std::vector<Row> rows() const {
        std::lock_guard lock(mutex_);
        return rows_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
    int entered_ = 0;
    std::vector<Row> rows_;
};

}  // namespace imgr::test
