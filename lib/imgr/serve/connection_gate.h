// The RFB port's accepting thread: new connections wait here until they have
// shown what they are (first_bytes_check.h). libvncserver is then given one end
// of a socketpair holding just what passed (nothing for a VNC viewer, the whole
// WebSocket request for a browser), and the byte bridge copies the rest
// (byte_bridge.h): libvncserver's own reading of a request never sees the network.
// Not libvncserver's listening thread either: it reads each WebSocket request on
// that one thread (a browser sending a byte a second stalls everybody else) and,
// in 0.9.14, when accept() fails, starts a second thread for the previous,
// possibly freed, client. The number waiting is bounded, and so is their time.
#pragma once
#include "imgr/serve/byte_bridge.h"
#include "imgr/serve/listen_sockets.h"

#include <chrono>
#include <functional>
#include <thread>

namespace imgr::serve {

class ConnectionGate {
public:
    static constexpr int kMaxWaiting = 16;
    static constexpr std::chrono::milliseconds kViewerQuiet{150};   // a VNC viewer sends nothing first
    static constexpr std::chrono::milliseconds kRequestTime{5000};  // a browser's whole WebSocket request

    // Takes the sockets and accepts at once. `admit` (on the gate's thread) is given
    // libvncserver's end for each connection that passed; it returns whether
    // libvncserver took it (and then owns it).
    ConnectionGate(ListenSockets sockets, std::function<bool(int inside)> admit);
    ~ConnectionGate();  // stops accepting, closes the listening sockets and every connection still waiting
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;

private:
    void run();
    void let_in(int connection, size_t request_size);

    ListenSockets sockets_;
    std::function<bool(int)> admit_;
    ByteBridge bridge_;
    int wake_pipe_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace imgr::serve
