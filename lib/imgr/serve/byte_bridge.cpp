#include "imgr/serve/byte_bridge.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace imgr::serve {
namespace {

// Reads what fits into `buffer`; false when the socket ended or failed.
bool read_into(int socket, std::string& buffer) {
    char chunk[64 * 1024];
    const size_t room = ByteBridge::kBuffer - buffer.size();
    if (room == 0) return true;  // read again once the other side took some
    const ssize_t got = recv(socket, chunk, std::min(room, sizeof chunk), MSG_DONTWAIT);
    if (got > 0) {
        buffer.append(chunk, (size_t)got);
        return true;
    }
    return got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
}

// Writes what the socket takes; false when it failed.
bool write_from(int socket, std::string& buffer) {
    const ssize_t sent = send(socket, buffer.data(), buffer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent >= 0) {
        buffer.erase(0, (size_t)sent);
        return true;
    }
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

}  // namespace

ByteBridge::ByteBridge() {
    if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        std::perror("imgr: vnc: no pipe for the bridge thread");
        return;
    }
    thread_ = std::thread([this] { run(); });
}

ByteBridge::~ByteBridge() {
    if (thread_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        if (write(wake_pipe_[1], "", 1) < 0) std::perror("imgr: vnc: waking the bridge thread");
        thread_.join();
    }
    for (int end : wake_pipe_)
        if (end >= 0) close(end);
    for (const Pair& pair : added_) close(pair.outside), close(pair.inside);
}

void ByteBridge::add(int outside, int inside) {
    {
        std::lock_guard lock(mutex_);
        added_.push_back({outside, inside, {}, {}});
    }
    if (write(wake_pipe_[1], "", 1) < 0 && errno != EAGAIN) std::perror("imgr: vnc: waking the bridge thread");
}

size_t ByteBridge::bridged() const {
    std::lock_guard lock(mutex_);
    return bridged_;
}

void ByteBridge::run() {
    std::vector<Pair> pairs;
    std::vector<pollfd> polled;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
            for (Pair& pair : added_) pairs.push_back(std::move(pair));
            added_.clear();
            bridged_ = pairs.size();
        }
        polled.assign(1, {wake_pipe_[0], POLLIN, 0});
        for (const Pair& pair : pairs) {
            const auto wanted = [](const std::string& reading_into, const std::string& writing_from) {
                return (short)((reading_into.size() < kBuffer ? POLLIN : 0) | (writing_from.empty() ? 0 : POLLOUT));
            };
            polled.push_back({pair.outside, wanted(pair.to_inside, pair.to_outside), 0});
            polled.push_back({pair.inside, wanted(pair.to_outside, pair.to_inside), 0});
        }
        if (poll(polled.data(), polled.size(), -1) < 0) {
            if (errno == EINTR) continue;
            std::perror("imgr: vnc: the bridge's poll");
            break;
        }
        if (polled[0].revents) {
            char drained[64];
            while (read(wake_pipe_[0], drained, sizeof drained) > 0) {
            }
        }
        for (size_t i = 0; i < pairs.size(); ++i) {
            Pair& pair = pairs[i];
            const short outside = polled[1 + 2 * i].revents, inside = polled[2 + 2 * i].revents;
            bool alive = true;
            if (outside & (POLLIN | POLLHUP | POLLERR)) alive &= read_into(pair.outside, pair.to_inside);
            if (inside & (POLLIN | POLLHUP | POLLERR)) alive &= read_into(pair.inside, pair.to_outside);
            if (outside & POLLOUT) alive &= write_from(pair.outside, pair.to_outside);
            if (inside & POLLOUT) alive &= write_from(pair.inside, pair.to_inside);
            pair.ended = !alive;
        }
        for (auto it = pairs.begin(); it != pairs.end();) {
            if (!it->ended) {
                ++it;
                continue;
            }
            // One last try at what each side still has coming (e.g. libvncserver's reason for refusing).
            write_from(it->outside, it->to_outside);
            write_from(it->inside, it->to_inside);
            close(it->outside);
            close(it->inside);
            it = pairs.erase(it);
        }
    }
    for (const Pair& pair : pairs) close(pair.outside), close(pair.inside);
}

}  // namespace imgr::serve
