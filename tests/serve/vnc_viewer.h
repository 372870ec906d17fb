// A VNC viewer for tests and benchmarks: libvncclient (Debian's
// libvncserver-dev) connected to a served app, its framebuffer readable as an
// image, and a person's pointer and keys sent through it.
#pragma once
#include <rfb/rfbclient.h>

#include <cstdint>
#include <string>
#include <vector>

namespace imgr::test {

class VncViewer {
public:
    // lossless: no JPEG (pixel-exact framebuffers); off, the encodings a viewer such as noVNC uses.
    explicit VncViewer(int port, const std::string& password = "", bool lossless = true);
    ~VncViewer();
    VncViewer(const VncViewer&) = delete;
    VncViewer& operator=(const VncViewer&) = delete;

    bool connected() const { return client_ != nullptr; }
    // Handles what the server sends for up to `ms` milliseconds; false when the connection broke.
    bool pump(int ms);
    // Pumps until no update came for `quiet_ms` (at most `limit_ms`); false when the connection broke.
    bool settle(int quiet_ms = 400, int limit_ms = 10000);
    // Pumps until the framebuffer differs from `before` somewhere (at most `limit_ms`).
    bool wait_for_change(const std::vector<uint8_t>& before, int limit_ms = 10000);

    int width() const { return client_ ? client_->width : 0; }
    int height() const { return client_ ? client_->height : 0; }
    std::vector<uint8_t> rgb() const;  // the framebuffer, RGB8, top row first

    void move(int x, int y);   // with the buttons held as they are (press, release)
    void press(int x, int y);
    void release(int x, int y);
    void click(int x, int y);  // press and release the left button
    bool request_size(int width, int height) { return client_ && SendExtDesktopSize(client_, width, height); }
    bool wait_for_size(int width, int height, int limit_ms = 10000);
    void key(uint32_t keysym);  // press and release
    void type(const std::string& ascii);
    void send_clipboard(const std::string& text);
    std::string clipboard() const { return clipboard_; }  // what the app copied last

    long updates = 0;       // rectangles received
    long frames = 0;        // framebuffer updates (each one or more rectangles) received

private:
    static void got_update(rfbClient* client, int x, int y, int w, int h);
    static void finished_update(rfbClient* client);
    static void got_cut_text(rfbClient* client, const char* text, int length);
    rfbClient* client_ = nullptr;
    std::string password_, clipboard_;
    long last_update_ms_ = 0;
    int buttons_ = 0;
};

}  // namespace imgr::test
