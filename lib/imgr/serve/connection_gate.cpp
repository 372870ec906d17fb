#include "imgr/serve/connection_gate.h"

#include "imgr/serve/first_bytes_check.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <vector>

namespace imgr::serve {
namespace {

using Clock = std::chrono::steady_clock;

struct Waiting {
    int connection;
    Clock::time_point quiet_until;  // no byte by then: a VNC viewer
    Clock::time_point deadline;     // a request not complete by then is dropped
    bool sent_some = false;         // peeked bytes stay readable: polled on a tick, not for input
};

// Everything the connection sent so far, left in the socket for libvncserver to read.
// -1: closed or failed.
long peek(int connection, std::string& sent) {
    sent.resize(kMaxWebSocketRequest + 1);
    const ssize_t got = recv(connection, sent.data(), sent.size(), MSG_PEEK | MSG_DONTWAIT);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return sent.clear(), 0;
    if (got <= 0) return -1;
    sent.resize((size_t)got);
    return got;
}

}  // namespace

ConnectionGate::ConnectionGate(ListenSockets sockets, std::function<bool(int)> admit)
    : sockets_(sockets), admit_(std::move(admit)) {
    if (pipe2(wake_pipe_, O_CLOEXEC) != 0) {
        std::perror("imgr: vnc: no pipe for the accepting thread");
        return;
    }
    thread_ = std::thread([this] { run(); });
}

ConnectionGate::~ConnectionGate() {
    if (thread_.joinable()) {
        if (write(wake_pipe_[1], "", 1) < 0) std::perror("imgr: vnc: waking the accepting thread");
        thread_.join();
    }
    for (int end : wake_pipe_)
        if (end >= 0) close(end);
    close_sockets(sockets_);
}

void ConnectionGate::run() {
    std::vector<Waiting> waiting;
    std::vector<pollfd> polled;
    std::string sent;
    for (;;) {
        const Clock::time_point now = Clock::now();
        Clock::time_point next = Clock::time_point::max();
        polled = {{wake_pipe_[0], POLLIN, 0}, {sockets_.first, POLLIN, 0}, {sockets_.second, POLLIN, 0}};
        for (const Waiting& w : waiting) {
            polled.push_back({w.sent_some ? -1 : w.connection, POLLIN, 0});
            next = std::min(next, w.sent_some ? now + std::chrono::milliseconds(10)
                                              : std::min(w.quiet_until, w.deadline));
        }
        const int timeout_ms = next == Clock::time_point::max()
                                   ? -1
                                   : (int)std::max<long>(
                                         0, std::chrono::ceil<std::chrono::milliseconds>(next - now).count());
        if (poll(polled.data(), polled.size(), timeout_ms) < 0) {
            if (errno == EINTR) continue;
            std::perror("imgr: vnc: waiting for viewers");
            break;
        }
        if (polled[0].revents) break;
        for (int i = 1; i <= 2; ++i) {
            if (!(polled[i].revents & POLLIN)) continue;
            const int connection = accept4(polled[i].fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (connection < 0) continue;
            // libvncserver select()s on each viewer's socket and its two pipes: all must stay below FD_SETSIZE.
            if ((int)waiting.size() >= kMaxWaiting || connection >= FD_SETSIZE - 16) {
                close(connection);
                continue;
            }
            const Clock::time_point accepted = Clock::now();
            waiting.push_back({connection, accepted + kViewerQuiet, accepted + kRequestTime});
        }
        const Clock::time_point checked = Clock::now();
        std::vector<Waiting> still_waiting;
        for (Waiting& w : waiting) {
            const long got = peek(w.connection, sent);
            FirstBytes verdict = FirstBytes::wait;
            size_t request_size = 0;
            if (got < 0) {
                verdict = FirstBytes::refuse;
            } else if (got == 0) {
                if (checked >= w.quiet_until) verdict = FirstBytes::admit;  // a VNC viewer waiting for the greeting
            } else {
                w.sent_some = true;
                verdict = judge_first_bytes(sent);
                request_size = sent.size();
                if (verdict == FirstBytes::wait && checked >= w.deadline) verdict = FirstBytes::refuse;
            }
            if (verdict == FirstBytes::admit)
                let_in(w.connection, request_size);
            else if (verdict == FirstBytes::refuse)
                close(w.connection);
            else
                still_waiting.push_back(w);
        }
        waiting.swap(still_waiting);
    }
    for (const Waiting& w : waiting) close(w.connection);
}

void ConnectionGate::let_in(int connection, size_t request_size) {
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        close(connection);
        return;
    }
    const int inside = ends[0], bridge_end = ends[1];
    std::string request(request_size, '\0');
    const bool moved = request_size == 0 ||
                       (recv(connection, request.data(), request_size, MSG_DONTWAIT) == (ssize_t)request_size &&
                        send(bridge_end, request.data(), request_size, MSG_NOSIGNAL) == (ssize_t)request_size);
    if (inside >= FD_SETSIZE - 16 || !moved || !admit_(inside)) {  // refused: libvncserver closed `inside`
        if (!moved || inside >= FD_SETSIZE - 16) close(inside);
        close(bridge_end);
        close(connection);
        return;
    }
    const int on = 1;
    setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // RFB's small messages go at once
    fcntl(bridge_end, F_SETFL, O_NONBLOCK);
    bridge_.add(connection, bridge_end);
}

}  // namespace imgr::serve
