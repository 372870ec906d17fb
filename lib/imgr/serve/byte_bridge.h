// Copies bytes both ways between each viewer's network connection and the
// socket libvncserver was given for it (one end of a socketpair), on one
// thread for all viewers. libvncserver so never reads the network itself:
// what it gets was let through by the connection gate (connection_gate.h).
// Each direction buffers at most kBuffer bytes; a full buffer stops reading
// that side, so a viewer that stops reading slows only itself.
#pragma once
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace imgr::serve {

class ByteBridge {
public:
    static constexpr size_t kBuffer = 256 * 1024;

    ByteBridge();
    ~ByteBridge();  // stops, and closes every connection still bridged
    ByteBridge(const ByteBridge&) = delete;
    ByteBridge& operator=(const ByteBridge&) = delete;

    // Takes both sockets; when either side ends, the other is given what was
    // still buffered for it and both are closed.
    void add(int outside, int inside);
    size_t bridged() const;

private:
    struct Pair {
        int outside, inside;
        std::string to_inside, to_outside;
        bool ended = false;
    };
    void run();

    int wake_pipe_[2] = {-1, -1};
    mutable std::mutex mutex_;
    std::vector<Pair> added_;  // handed over to the thread on its next turn
    size_t bridged_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace imgr::serve
