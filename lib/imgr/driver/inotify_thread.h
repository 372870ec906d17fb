// An inotify descriptor watched on a thread of its own, stopped and joined by
// the destructor: what --watch's executable watch and --watch-build's source
// watch share. Declare it last in its owner, so that it is destroyed (its
// thread joined) before the members the thread's body reads.
#pragma once
#include <sys/inotify.h>

#include <functional>
#include <thread>

namespace imgr {

class InotifyThread {
public:
    InotifyThread() = default;
    ~InotifyThread();
    InotifyThread(const InotifyThread&) = delete;
    InotifyThread& operator=(const InotifyThread&) = delete;

    bool open();  // false: errno says why
    int fd() const { return inotify_fd_; }
    int stop_fd() const { return stop_fd_; }  // readable once the destructor asks the thread to end
    void start(std::function<void()> body);

    enum class Wait { events, timeout, stop };
    // Waits for events, at most timeout_ms (-1: no limit); stop when the destructor
    // asks the thread to end or waiting fails. An interrupted wait counts as events.
    Wait wait(int timeout_ms);
    // Each queued event with a name, until none is left.
    void drain(const std::function<void(const inotify_event&)>& handle);

private:
    int inotify_fd_ = -1, stop_fd_ = -1;
    std::thread thread_;
};

}  // namespace imgr
