#include "imgr/driver/inotify_thread.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace imgr {

InotifyThread::~InotifyThread() {
    if (thread_.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] ssize_t n = write(stop_fd_, &one, sizeof one);
        thread_.join();
    }
    if (inotify_fd_ >= 0) close(inotify_fd_);
    if (stop_fd_ >= 0) close(stop_fd_);
}

bool InotifyThread::open() {
    inotify_fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    return inotify_fd_ >= 0 && stop_fd_ >= 0;
}

void InotifyThread::start(std::function<void()> body) { thread_ = std::thread(std::move(body)); }

InotifyThread::Wait InotifyThread::wait(int timeout_ms) {
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    const int ready = poll(fds, 2, timeout_ms);
    if (ready < 0) return errno == EINTR ? Wait::events : Wait::stop;
    if (fds[1].revents) return Wait::stop;
    return ready == 0 ? Wait::timeout : Wait::events;
}

void InotifyThread::drain(const std::function<void(const inotify_event&)>& handle) {
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
        if (n <= 0) return;
        for (char* p = buffer; p < buffer + n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(p);
            p += sizeof(inotify_event) + event->len;
            if (event->len > 0) handle(*event);
        }
    }
}

}  // namespace imgr
