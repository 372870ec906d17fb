// The in-process VNC server (libvncserver 0.9.14): one RFB screen that the
// app's frames are copied into, the changed tiles marked for every viewer;
// RFB and WebSocket viewers on one port, noVNC's page on another (page_server.h). Each viewer
// has its own libvncserver threads, so a slow or hostile one stalls nobody
// else; their input goes to a RemoteInput for the UI thread.
#pragma once
#include "imgr/model/image.h"
#include "imgr/serve/frame_tiles.h"
#include "imgr/serve/listen_sockets.h"
#include "imgr/serve/novnc_page.h"
#include "imgr/serve/page_server.h"
#include "imgr/serve/remote_input.h"

#include <atomic>
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

    void show(const ImageBuffer& frame);           // UI thread: the changed tiles go to every viewer
    void send_clipboard(const std::string& utf8);  // the app copied text: every viewer gets it
    std::string clipboard() const;                 // the text a viewer copied last (UTF-8)
    RemoteInput& input() { return input_; }
    int port() const { return options_.port; }
    int http_port() const { return http_port_; }   // 0: no browser page
    const std::string& page_problem() const { return page_problem_; }
    int viewers() const { return viewers_.load(); }

private:
    explicit VncServer(const VncServerOptions& options) : options_(options) {}
    bool listen(std::string& error);
    void resize(int width, int height);

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
    ListenSockets rfb_sockets_;
    NoVncPage page_;
    std::unique_ptr<PageServer> page_server_;
    std::string page_problem_;
    int http_port_ = 0;
    std::atomic<int> viewers_{0};
    mutable std::mutex clipboard_mutex_;
    std::string clipboard_;
};

}  // namespace imgr::serve
