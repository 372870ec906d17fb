// Watching the app's own executable for a rebuild (--watch, docs/watch.md).
// A thread waits on inotify for the executable's folder; an event for its
// name starts a check, repeated until the file is complete: a regular,
// executable file whose size and time stay the same for kSettleMs, that is
// not the file running now. A linker's rename into place and an in-place
// rewrite both pass; a half-written file waits. Then the new build is asked
// for its --help in a child process: one that cannot start (a missing
// library, a crash before main) is reported and the running app is kept.
#pragma once
#include "imgr/driver/inotify_thread.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace imgr {

class ExecutableWatch {
public:
    static constexpr int kSettleMs = 40;

    // Starts watching `executable` (an absolute path). Fails with why (no inotify, no folder).
    static std::unique_ptr<ExecutableWatch> start(const std::filesystem::path& executable, std::string& error);
    ~ExecutableWatch();  // stops the thread
    ExecutableWatch(const ExecutableWatch&) = delete;
    ExecutableWatch& operator=(const ExecutableWatch&) = delete;

    // Called from the watching thread when ready() or a failure becomes true (the window's redraw).
    void set_wake(std::function<void()> wake);
    // A new build is complete and starts; the CLOCK_MONOTONIC time it was complete (the reload's start).
    bool ready() const { return ready_ns_.load() != 0; }
    std::int64_t ready_ns() const { return ready_ns_.load(); }
    // A new build that did not start, said once ("the new build does not start: exit 127: ..."); "" when none.
    std::string take_failure();
    // After a reload that could not exec: watch for the next build again.
    void rearm() { ready_ns_ = 0; }

private:
    ExecutableWatch() = default;
    void run();
    bool check_candidate(std::int64_t& seen_ns);  // true when handled (ready, failed or unchanged)

    std::filesystem::path executable_;
    std::atomic<std::int64_t> ready_ns_{0};
    std::mutex mutex_;
    std::function<void()> wake_;
    std::string failure_;
    struct Identity {
        std::uint64_t device = 0, inode = 0, size = 0;
        std::int64_t mtime_ns = 0;
        bool operator==(const Identity&) const = default;
    } running_, failed_;  // the file running now; the last build that failed to start (not tried twice)
    static bool identity(const std::filesystem::path& path, Identity& out);
    InotifyThread inotify_;  // last: its thread is joined before the members it reads go
};

// CLOCK_MONOTONIC in nanoseconds: the same clock in the process before and after exec.
std::int64_t monotonic_ns();

}  // namespace imgr
