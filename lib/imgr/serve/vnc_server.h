// The in-process VNC server (libvncserver 0.9.14): one RFB screen that the
// app's frames are copied into, the changed tiles marked for every viewer;
// RFB and WebSocket viewers on one port, noVNC's page on another (page_server.h). Each viewer
// has its own libvncserver threads, so a slow or hostile one stalls nobody
// else; their input goes to a RemoteInput for the UI thread.
#pragma once
#include "imgr/model/image.h"
#include "imgr/serve/connection_gate.h"
#include "imgr/serve/frame_tiles.h"
#include "imgr/serve/latency_trace.h"
#include "imgr/serve/listen_sockets.h"
#include "imgr/serve/novnc_page.h"
#include "imgr/serve/page_server.h"
#include "imgr/serve/remote_input.h"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

typedef struct _rfbScreenInfo* rfbScreenInfoPtr;

namespace imgr::serve {

struct VncServerOptions {
    std::string host = "127.0.0.1";
    int port = 5900;
    int http_port = 6080;       // the first one tried for the browser page
    std::string password;       // empty: no authentication
    bool view_only = false;
    std::string title;
    int width = 0, height = 0;
};

class VncServer {
public:
    // Listens and starts the server; null and `error` when it cannot.
    // `wake` is called (from a viewer's thread) when input arrives.
    static std::unique_ptr<VncServer> start(const VncServerOptions& options, std::function<void()> wake,
                                            std::string& error);
    ~VncServer();  // disconnects the viewers, closes the sockets, removes the page's folder
    VncServer(const VncServer&) = delete;
    VncServer& operator=(const VncServer&) = delete;

    bool show(const ImageBuffer& frame);           // UI thread: the changed tiles go to every viewer; false: none changed
    void send_clipboard(const std::string& utf8);  // the app copied text: every viewer gets it
    std::string clipboard() const;                 // the text a viewer copied last (UTF-8)
    RemoteInput& input() { return input_; }
    LatencyTrace& trace() { return trace_; }
    // The size a viewer last asked the desktop to take (RFB SetDesktopSize, noVNC's
    // "remote resizing"), once; false when none is waiting.
    bool take_size_request(int& width, int& height);
    static constexpr int kMinSide = 200, kMaxSide = 4096;
    int port() const { return options_.port; }
    int http_port() const { return http_port_; }   // 0: no browser page
    const std::string& page_problem() const { return page_problem_; }
    int viewers() const {
        std::lock_guard lock(threads_mutex_);
        return viewers_;
    }
    void join_finished_viewers();  // UI thread: the threads of viewers that left (each thread is 8 MiB of stack until joined)

    static constexpr int max_viewers = 64;

private:
    explicit VncServer(const VncServerOptions& options) : options_(options) {}
    bool listen(std::string& error);
    void resize(int width, int height);
    void disconnect_viewers();

    struct Callbacks;
    VncServerOptions options_;
    std::function<void()> wake_;
    rfbScreenInfoPtr screen_ = nullptr;
    std::vector<std::unique_ptr<uint8_t[]>> framebuffers_;  // the current one last; older ones stay
                                                           // alive: a viewer's thread may still read them
    std::vector<char*> passwords_;  // libvncserver's list: the password, then null
    std::string password_;
    FrameTiles tiles_;
    RemoteInput input_;
    LatencyTrace trace_;
    std::atomic<int> buttons_{0};  // the last pointer event's buttons, from any viewer: a press starts a trace
    ListenSockets rfb_sockets_;
    NoVncPage page_;
    std::unique_ptr<PageServer> page_server_;
    std::string page_problem_;
    int http_port_ = 0;
    mutable std::mutex threads_mutex_;
    int viewers_ = 0;                         // accepted and not yet gone
    std::vector<pthread_t> finished_threads_;  // gone, not yet joined
    std::condition_variable viewer_left_;
    std::atomic<bool> stopping_{false};
    std::unique_ptr<ConnectionGate> gate_;
    std::mutex size_mutex_;
    int requested_width_ = 0, requested_height_ = 0;
    std::chrono::steady_clock::time_point last_resize_{};
    mutable std::mutex clipboard_mutex_;
    std::string clipboard_;
};

}  // namespace imgr::serve
