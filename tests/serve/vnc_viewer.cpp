#include "serve/vnc_viewer.h"

#include <rfb/keysym.h>

#include <chrono>
#include <cstring>

namespace imgr::test {
namespace {
long now_ms() {
    return (long)std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch()).count();
}
void quiet(const char*, ...) {}
VncViewer* viewer_of(rfbClient* client) { return static_cast<VncViewer*>(rfbClientGetClientData(client, nullptr)); }
char* give_password(rfbClient* client) {
    return strdup(static_cast<std::string*>(rfbClientGetClientData(client, (void*)&give_password))->c_str());
}
}  // namespace

VncViewer::VncViewer(int port, const std::string& password, bool lossless) : password_(password) {
    rfbClientLog = quiet;
    rfbClientErr = quiet;
    rfbClient* client = rfbGetClient(8, 3, 4);
    free(client->serverHost);  // rfbGetClient's own empty one
    client->serverHost = strdup("127.0.0.1");
    client->serverPort = port;
    client->canHandleNewFBSize = TRUE;
    client->appData.enableJPEG = lossless ? FALSE : TRUE;  // JPEG would make pixel comparisons approximate
    client->GotFrameBufferUpdate = got_update;
    client->GotXCutText = got_cut_text;
    client->FinishedFrameBufferUpdate = finished_update;
    client->GetPassword = give_password;
    rfbClientSetClientData(client, nullptr, this);
    rfbClientSetClientData(client, (void*)&give_password, &password_);
    if (rfbInitClient(client, nullptr, nullptr)) client_ = client;  // on failure it freed the client
}

VncViewer::~VncViewer() {
    if (!client_) return;
    free(client_->frameBuffer);  // libvncclient's cleanup leaves the frame to its owner
    rfbClientCleanup(client_);
}

void VncViewer::got_update(rfbClient* client, int, int, int, int) {
    VncViewer* viewer = viewer_of(client);
    ++viewer->updates;
    viewer->last_update_ms_ = now_ms();
}

void VncViewer::finished_update(rfbClient* client) { ++viewer_of(client)->frames; }

void VncViewer::got_cut_text(rfbClient* client, const char* text, int length) {
    viewer_of(client)->clipboard_.assign(text, (size_t)length);
}

bool VncViewer::pump(int ms) {
    if (!client_) return false;
    const long end = now_ms() + ms;
    do {
        const int ready = WaitForMessage(client_, 20000);
        if (ready < 0) return false;
        if (ready > 0 && !HandleRFBServerMessage(client_)) return false;
    } while (now_ms() < end);
    return true;
}

bool VncViewer::settle(int quiet_ms, int limit_ms) {
    const long end = now_ms() + limit_ms;
    last_update_ms_ = now_ms();
    while (now_ms() < end) {
        if (!pump(20)) return false;
        if (now_ms() - last_update_ms_ >= quiet_ms) return true;
    }
    return true;
}

// Looks after every message, not every pump(20): bench_serve times the change with it.
bool VncViewer::wait_for_change(const std::vector<uint8_t>& before, int limit_ms) {
    if (!client_) return false;
    const long end = now_ms() + limit_ms;
    while (now_ms() < end) {
        const int ready = WaitForMessage(client_, 20000);
        if (ready < 0 || (ready > 0 && !HandleRFBServerMessage(client_))) return false;
        if (ready > 0 && rgb() != before) return true;
    }
    return false;
}

bool VncViewer::wait_for_size(int width, int height, int limit_ms) {
    const long end = now_ms() + limit_ms;
    while (now_ms() < end) {
        if (!pump(20)) return false;
        if (this->width() == width && this->height() == height) return true;
    }
    return false;
}

std::vector<uint8_t> VncViewer::rgb() const {
    std::vector<uint8_t> out;
    if (!client_) return out;
    out.reserve((size_t)client_->width * client_->height * 3);
    const uint8_t* pixel = client_->frameBuffer;
    for (int i = 0; i < client_->width * client_->height; ++i, pixel += 4) out.insert(out.end(), pixel, pixel + 3);
    return out;
}

void VncViewer::move(int x, int y) {
    if (client_) SendPointerEvent(client_, x, y, buttons_);
}

void VncViewer::press(int x, int y) {
    buttons_ = rfbButton1Mask;
    move(x, y);
}

void VncViewer::release(int x, int y) {
    buttons_ = 0;
    move(x, y);
}

void VncViewer::click(int x, int y) {
    if (!client_) return;
    SendPointerEvent(client_, x, y, 0);
    SendPointerEvent(client_, x, y, rfbButton1Mask);
    SendPointerEvent(client_, x, y, 0);
}

void VncViewer::key(uint32_t keysym) {
    if (!client_) return;
    SendKeyEvent(client_, keysym, TRUE);
    SendKeyEvent(client_, keysym, FALSE);
}

void VncViewer::type(const std::string& ascii) {
    for (char c : ascii) key((uint32_t)(unsigned char)c);
}

void VncViewer::send_clipboard(const std::string& text) {
    if (client_) SendClientCutText(client_, const_cast<char*>(text.data()), (int)text.size());
}

}  // namespace imgr::test
