#include "imgr/serve/vnc_server.h"

#include <rfb/rfb.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

    static enum rfbNewClientAction new_client(rfbClientPtr client) {
        VncServer& server = of(client);
        client->viewOnly = server.options_.view_only ? TRUE : FALSE;
        client->clientGoneHook = client_gone;
        ++server.viewers_;
        server.wake_();  // frames are read back only while someone watches: the newcomer needs the current one
        return RFB_CLIENT_ACCEPT;
    }
    static void client_gone(rfbClientPtr client) {
        VncServer& server = of(client);
        --server.viewers_;
        server.input_.release_all();  // a button it held must not stay pressed
        server.wake_();
    }
    static void pointer(int mask, int x, int y, rfbClientPtr client) {
        VncServer& server = of(client);
        if (server.input_.pointer(mask, x, y)) server.wake_();
    }
    static void key(rfbBool down, rfbKeySym keysym, rfbClientPtr client) {
        VncServer& server = of(client);
        if (server.input_.key(down != FALSE, keysym)) server.wake_();
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
    if (!options.password.empty()) {
        server->password_ = options.password;
        server->passwords_ = {server->password_.data(), nullptr};
        screen->authPasswdData = server->passwords_.data();
        screen->passwordCheck = rfbCheckPasswordByList;
    }
    if (!server->listen(error)) return nullptr;
    rfbInitServer(screen);                // our sockets are in place: it only sets up the rest
    rfbRunEventLoop(screen, -1, TRUE);    // a listening thread, and two threads per viewer
    return server;
}

// The sockets are ours (listen_sockets.h); libvncserver is handed them as if it had made them.
bool VncServer::listen(std::string& error) {
    rfb_sockets_ = listen_on(options_.host, options_.port, error);
    if (!rfb_sockets_.open()) return false;
    screen_->port = options_.port;
    screen_->listenSock = rfb_sockets_.first;
    screen_->listen6Sock = rfb_sockets_.second;
    screen_->maxFd = std::max(rfb_sockets_.first, rfb_sockets_.second);
    screen_->socketState = RFB_SOCKET_READY;
    rfb_sockets_ = {};  // libvncserver closes them now
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

VncServer::~VncServer() {
    page_server_.reset();
    if (!screen_) return;
    if (screen_->listenSock != RFB_INVALID_SOCKET || screen_->backgroundLoop) rfbShutdownServer(screen_, TRUE);
    rfbScreenCleanup(screen_);
    close_sockets(rfb_sockets_);
}

void VncServer::resize(int width, int height) {
    framebuffers_.push_back(std::make_unique<uint8_t[]>((size_t)width * height * 4));
    rfbNewFramebuffer(screen_, (char*)framebuffers_.back().get(), width, height, 8, 3, 4);
    tiles_.forget();
}

void VncServer::show(const ImageBuffer& frame) {
    if (frame.width() <= 0 || frame.height() <= 0) return;
    if (frame.width() != screen_->width || frame.height() != screen_->height) resize(frame.width(), frame.height());
    for (const TileRect& tile : tiles_.update(frame, framebuffers_.back().get()))
        rfbMarkRectAsModified(screen_, tile.x, tile.y, tile.x + tile.width, tile.y + tile.height);
}

void VncServer::send_clipboard(const std::string& utf8) {
    std::string latin1 = utf8_to_latin1(utf8);
    std::string text = utf8;
    rfbSendServerCutTextUTF8(screen_, text.data(), (int)text.size(), latin1.data(), (int)latin1.size());
}

std::string VncServer::clipboard() const {
    std::lock_guard lock(clipboard_mutex_);
    return clipboard_;
}

}  // namespace imgr::serve
