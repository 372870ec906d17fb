// The browser page's HTTP server: the files of one folder (noVNC's, novnc_page.h)
// over GET, each connection on its own thread (at most kMaxConnections at once,
// each with a 10 s limit per read or write). Not libvncserver's HTTP side: it
// answers one connection at a time and drops the previous one whenever another
// arrives, and a browser loads noVNC's sixty-odd files over parallel
// connections (the page came up broken: "noVNC encountered an error").
#pragma once
#include "imgr/serve/listen_sockets.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace imgr::serve {

class PageServer {
public:
    static constexpr int kMaxConnections = 16;

    PageServer(ListenSockets sockets, std::filesystem::path folder);  // takes the sockets, serves at once
    ~PageServer();  // stops accepting, waits for the connections (bounded by their timeouts)
    PageServer(const PageServer&) = delete;
    PageServer& operator=(const PageServer&) = delete;

private:
    void accept_loop();
    void answer(int connection);

    ListenSockets sockets_;
    std::filesystem::path folder_;
    int wake_pipe_[2] = {-1, -1};
    std::thread acceptor_;
    std::mutex open_mutex_;
    std::set<int> open_;           // connections being answered, each on a detached thread
    std::atomic<int> active_{0};
};

// What a request line asks for, as a path relative to the folder ("index.html"
// for "/"); empty for anything but a plain GET of a path without "..".
std::string requested_file(const std::string& request);

}  // namespace imgr::serve
