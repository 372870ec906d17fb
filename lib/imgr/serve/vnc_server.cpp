#include "imgr/serve/vnc_server.h"

#include <rfb/rfb.h>
extern "C" {  // rfbregion.h, unlike rfb.h, declares its C functions without it
#include <rfb/rfbregion.h>
}
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace imgr::serve {
namespace {

// libvncserver narrates every connection on stderr; imgr says what matters
// itself. IMGR_SERVE_LOG=1 brings the narration back (debugging a viewer).
void quiet(const char*, ...) {}
void prefixed(const char* format, ...) {
    std::fputs("imgr: vnc: ", stderr);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
}

std::string latin1_to_utf8(const char* text, int length) {
    std::string out;
    for (int i = 0; i < length; ++i) {
        const auto c = (unsigned char)text[i];
        if (c < 0x80) {
            out += (char)c;
        } else {
            out += (char)(0xc0 | (c >> 6));
            out += (char)(0x80 | (c & 0x3f));
        }
    }
    return out;
}

// For viewers without RFB's UTF-8 clipboard: what Latin-1 can say, '?' for the rest.
std::string utf8_to_latin1(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const auto c = (unsigned char)text[i];
        const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        uint32_t code = c;
        if (length == 2 && i + 1 < text.size()) code = ((c & 0x1f) << 6) | (text[i + 1] & 0x3f);
        out += code <= 0xff && length <= 2 ? (char)code : '?';
        i += length;
    }
    return out;
}

}  // namespace

// libvncserver's hooks, run on each viewer's own thread.
struct VncServer::Callbacks {
    static VncServer& of(rfbClientPtr client) { return *static_cast<VncServer*>(client->screen->screenData); }

    // On the listening thread, before the viewer's own thread starts.
    static enum rfbNewClientAction new_client(rfbClientPtr client) {
        VncServer& server = of(client);
        {
            // Each viewer costs two threads and four descriptors, and libvncserver's select()
            // must never see a descriptor past FD_SETSIZE: a flood of connections is refused.
            std::lock_guard lock(server.threads_mutex_);
            if (server.viewers_ >= max_viewers) return RFB_CLIENT_REFUSE;
            ++server.viewers_;
        }
        client->viewOnly = server.options_.view_only ? TRUE : FALSE;
        client->clientGoneHook = client_gone;
        server.wake_();  // frames are read back only while someone watches: the newcomer needs the current one
        return RFB_CLIENT_ACCEPT;
    }
    // On the viewer's own thread, as its last act: nobody holds the client any more.
    static void client_gone(rfbClientPtr client) {
        VncServer& server = of(client);
        // What libvncserver 0.9.14 never frees: a viewer's wake-up pipe (two descriptors
        // per connection) and a browser's WebSocket state (45 KB per connection).
        for (int& end : client->pipe_notify_client_thread) {
            if (end >= 0) close(end);
            end = -1;
        }
        free(client->wsctx);
        client->wsctx = nullptr;
        server.input_.release_all();  // a button it held must not stay pressed
        {
            std::lock_guard lock(server.threads_mutex_);
            server.finished_threads_.push_back(pthread_self());  // joined by the UI thread
            --server.viewers_;
        }
        server.viewer_left_.notify_all();
        if (!server.stopping_) server.wake_();
    }
    static void pointer(int mask, int x, int y, rfbClientPtr client) {
        VncServer& server = of(client);
        if (server.trace_.on() && (mask & ~server.buttons_.exchange(mask) & 7)) server.trace_.input_arrived();
        if (server.input_.pointer(mask, x, y)) server.wake_();
    }
    static void update_sent(rfbClientPtr client, int) { of(client).trace_.update_sent(); }
    static void key(rfbBool down, rfbKeySym keysym, rfbClientPtr client) {
        VncServer& server = of(client);
        if (server.input_.key(down != FALSE, keysym)) server.wake_();
    }
    // The app follows on the UI thread (ServedView); every viewer then gets the new size.
    // At most two a second: libvncserver 0.9.14 leaks 24 bytes for each one accepted
    // (an iterator it never releases), and a browser's window resizes come far slower.
    static int set_desktop_size(int width, int height, int, rfbExtDesktopScreen*, rfbClientPtr client) {
        VncServer& server = of(client);
        if (client->viewOnly) return rfbExtDesktopSize_ResizeProhibited;
        if (width < kMinSide || height < kMinSide || width > kMaxSide || height > kMaxSide)
            return rfbExtDesktopSize_InvalidScreenLayout;
        {
            std::lock_guard lock(server.size_mutex_);
            const auto now = std::chrono::steady_clock::now();
            if (now - server.last_resize_ < std::chrono::milliseconds(500)) return rfbExtDesktopSize_OutOfResources;
            server.last_resize_ = now;
            server.requested_width_ = width;
            server.requested_height_ = height;
        }
        server.wake_();
        return rfbExtDesktopSize_Success;
    }
    static void cut_text(char* text, int length, rfbClientPtr client) {
        store_clipboard(of(client), latin1_to_utf8(text, length));
    }
    static void cut_text_utf8(char* text, int length, rfbClientPtr client) {
        store_clipboard(of(client), std::string(text, (size_t)std::max(0, length)));
    }
    static void store_clipboard(VncServer& server, std::string text) {
        std::lock_guard lock(server.clipboard_mutex_);
        server.clipboard_ = std::move(text);  // libvncserver refuses cut texts over 1 MB
    }
};

std::unique_ptr<VncServer> VncServer::start(const VncServerOptions& options, std::function<void()> wake,
                                            std::string& error) {
    static const bool logging = std::getenv("IMGR_SERVE_LOG") != nullptr;
    rfbLog = logging ? prefixed : quiet;
    rfbErr = logging ? prefixed : quiet;
    std::unique_ptr<VncServer> server(new VncServer(options));
    server->wake_ = std::move(wake);
    const int width = std::max(1, options.width), height = std::max(1, options.height);
    rfbScreenInfoPtr screen = rfbGetScreen(nullptr, nullptr, width, height, 8, 3, 4);
    if (!screen) {
        error = "libvncserver cannot make a screen";
        return nullptr;
    }
    server->screen_ = screen;
    server->framebuffers_.push_back(std::make_unique<uint8_t[]>((size_t)width * height * 4));
    screen->frameBuffer = (char*)server->framebuffers_.back().get();
    screen->screenData = server.get();
    screen->desktopName = server->options_.title.c_str();
    screen->alwaysShared = TRUE;  // several viewers: a new one never disconnects the others
    screen->cursor = nullptr;     // no cursor drawn into the frame: each viewer shows its own pointer
    screen->newClientHook = Callbacks::new_client;
    screen->ptrAddEvent = Callbacks::pointer;
    screen->kbdAddEvent = Callbacks::key;
    screen->setXCutText = Callbacks::cut_text;
    screen->setXCutTextUTF8 = Callbacks::cut_text_utf8;
    screen->setDesktopSizeHook = Callbacks::set_desktop_size;
    screen->displayFinishedHook = Callbacks::update_sent;
    // A frame's changed tiles are marked at once, as one region (show()): nothing to wait
    // for and coalesce, so each update leaves as soon as it is marked (the default waits 5 ms).
    screen->deferUpdateTime = 0;
    if (!options.password.empty()) {
        server->password_ = options.password;
        server->passwords_ = {server->password_.data(), nullptr};
        screen->authPasswdData = server->passwords_.data();
        screen->passwordCheck = rfbCheckPasswordByList;
    }
    if (!server->listen(error)) return nullptr;
    rfbInitServer(screen);  // our sockets are in place: it only sets up the rest
    // Each viewer gets libvncserver's two threads; the accepting is ours (connection_gate.h).
    screen->backgroundLoop = TRUE;
    server->gate_ = std::make_unique<ConnectionGate>(server->rfb_sockets_, [screen](int inside) {
        rfbClientPtr viewer = rfbNewClient(screen, inside);  // null: refused (too many), and closed
        if (viewer && !viewer->onHold) rfbStartOnHoldClient(viewer);
        return viewer != nullptr;
    });
    server->rfb_sockets_ = {};  // the gate's now
    return server;
}

// The listening sockets are ours (listen_sockets.h); libvncserver is told it has
// sockets so that it makes none, and is handed each accepted connection.
bool VncServer::listen(std::string& error) {
    rfb_sockets_ = listen_on(options_.host, options_.port, error);
    if (!rfb_sockets_.open()) return false;
    screen_->port = options_.port;
    screen_->socketState = RFB_SOCKET_READY;
    screen_->httpInitDone = TRUE;  // libvncserver's HTTP side stays off: page_server.h says why
    page_problem_ = page_.make(options_.title, options_.port);
    if (!page_problem_.empty()) return true;  // VNC viewers still work
    int http_port = options_.http_port;
    std::string why;
    ListenSockets http_sockets = listen_on_free_port(options_.host, http_port, 100, why);
    if (!http_sockets.open()) {
        page_problem_ = "no browser page: " + why;
        return true;
    }
    http_port_ = http_port;
    page_server_ = std::make_unique<PageServer>(http_sockets, page_.dir());
    return true;
}

// Not libvncserver's rfbShutdownServer: in 0.9.14 it reads each viewer after
// letting go of it, while the viewer's thread frees it (a use-after-free ASan
// caught at every exit with a viewer connected). Here: no new viewers, every
// viewer told to go and waited for, every thread joined, then the screen freed.
VncServer::~VncServer() {
    page_server_.reset();
    if (!screen_) return;
    stopping_ = true;
    if (gate_) {
        gate_.reset();  // no new viewers, and every network connection closed
        disconnect_viewers();
    }
    close_sockets(rfb_sockets_);
    rfbScreenCleanup(screen_);
}

void VncServer::disconnect_viewers() {
    rfbClientIteratorPtr viewers = rfbGetClientIterator(screen_);
    while (rfbClientPtr viewer = rfbClientIteratorNext(viewers)) {
        // shutdown() first: a thread blocked writing to a viewer that stopped reading returns at once.
        if (viewer->sock != RFB_INVALID_SOCKET) shutdown(viewer->sock, SHUT_RDWR);
        rfbCloseClient(viewer);
    }
    rfbReleaseClientIterator(viewers);
    std::unique_lock lock(threads_mutex_);
    viewer_left_.wait(lock, [this] { return viewers_ == 0; });
    lock.unlock();
    join_finished_viewers();
}

void VncServer::join_finished_viewers() {
    std::vector<pthread_t> finished;
    {
        std::lock_guard lock(threads_mutex_);
        finished.swap(finished_threads_);
    }
    for (pthread_t thread : finished) pthread_join(thread, nullptr);
}

void VncServer::resize(int width, int height) {
    framebuffers_.push_back(std::make_unique<uint8_t[]>((size_t)width * height * 4));
    rfbNewFramebuffer(screen_, (char*)framebuffers_.back().get(), width, height, 8, 3, 4);
    tiles_.forget();
}

bool VncServer::show(const ImageBuffer& frame) {
    join_finished_viewers();
    if (frame.width() <= 0 || frame.height() <= 0) return false;
    if (frame.width() != screen_->width || frame.height() != screen_->height) resize(frame.width(), frame.height());
    const std::vector<TileRect> changed = tiles_.update(frame, framebuffers_.back().get());
    if (changed.empty()) return false;
    // One region for the whole frame: a viewer's thread woken by the first tile sends them all in one update.
    sraRegionPtr region = sraRgnCreate();
    for (const TileRect& tile : changed) {
        sraRegionPtr rect = sraRgnCreateRect(tile.x, tile.y, tile.x + tile.width, tile.y + tile.height);
        sraRgnOr(region, rect);
        sraRgnDestroy(rect);
    }
    rfbMarkRegionAsModified(screen_, region);
    sraRgnDestroy(region);
    return true;
}

void VncServer::send_clipboard(const std::string& utf8) {
    std::string latin1 = utf8_to_latin1(utf8);
    std::string text = utf8;
    rfbSendServerCutTextUTF8(screen_, text.data(), (int)text.size(), latin1.data(), (int)latin1.size());
}

bool VncServer::take_size_request(int& width, int& height) {
    std::lock_guard lock(size_mutex_);
    if (requested_width_ == 0) return false;
    width = std::exchange(requested_width_, 0);
    height = std::exchange(requested_height_, 0);
    return true;
}

std::string VncServer::clipboard() const {
    std::lock_guard lock(clipboard_mutex_);
    return clipboard_;
}

}  // namespace imgr::serve
