// The serve module's parts that need no network and no window: which tiles of
// a frame changed, how viewers' input reaches ImGui a frame at a time, what a
// keysym means, the browser page, what a new connection may send first, and
// the bridge between the network and libvncserver.
#include <doctest/doctest.h>
#include <imgr/serve/byte_bridge.h>
#include <imgr/serve/first_bytes_check.h>
#include <imgr/serve/frame_tiles.h>
#include <imgr/serve/keysyms.h>
#include <imgr/serve/latency_trace.h>
#include <imgr/serve/novnc_page.h>
#include <imgr/serve/page_server.h>
#include <imgr/serve/remote_input.h>

#include <imgui.h>
#include <rfb/keysym.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>

using namespace imgr;
using namespace imgr::serve;

namespace {
ImageBuffer grey_frame(int width, int height, uint8_t value) {
    return ImageBuffer(width, height, 3, std::vector<uint8_t>((size_t)width * height * 3, value));
}

// An ImGui context with the key map GLFW's backend sets (key codes are GLFW's).
struct ImGuiFixture {
    ImGuiFixture() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Enter] = 257;
        io.KeyMap[ImGuiKey_Tab] = 258;
        io.KeyMap[ImGuiKey_Backspace] = 259;
        io.KeyMap[ImGuiKey_LeftArrow] = 263;
        io.KeyMap[ImGuiKey_A] = 65;
        io.KeyMap[ImGuiKey_V] = 86;
    }
    ~ImGuiFixture() { ImGui::DestroyContext(); }
    ImGuiIO& io() { return ImGui::GetIO(); }
    std::string typed() {
        std::string text;
        for (ImWchar c : io().InputQueueCharacters) text += (char)c;
        io().InputQueueCharacters.resize(0);
        return text;
    }
};
}  // namespace

TEST_CASE("the first frame is sent whole, an unchanged frame sends nothing, a change sends its tiles") {
    FrameTiles tiles;
    std::vector<uint8_t> framebuffer(100 * 70 * 4);
    ImageBuffer frame = grey_frame(100, 70, 200);
    auto first = tiles.update(frame, framebuffer.data());
    REQUIRE(first.size() == 1);
    CHECK(first[0].width == 100);
    CHECK(first[0].height == 70);
    CHECK(framebuffer[0] == 200);
    CHECK(framebuffer[3] == 0);
    CHECK(tiles.update(grey_frame(100, 70, 200), framebuffer.data()).empty());
    ImageBuffer changed = grey_frame(100, 70, 200);
    changed.mutable_u8()[(40 * 100 + 98) * 3] = 5;  // x 98, y 40: the tile at (96, 32)
    auto sent = tiles.update(changed, framebuffer.data());
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].x == 96);
    CHECK(sent[0].y == 32);
    CHECK(sent[0].width == 100 - 96);  // the last column of tiles is narrower
    CHECK(sent[0].height == FrameTiles::kTile);
    CHECK(framebuffer[(40 * 100 + 98) * 4] == 5);
    CHECK(tiles.update(grey_frame(50, 50, 1), framebuffer.data()).size() == 1);  // a new size: whole
}

TEST_CASE("a click's press and release land in different frames, at the pointer's place") {
    ImGuiFixture imgui;
    RemoteInput input;
    input.pointer(0, 10, 20);
    input.pointer(1, 10, 20);
    input.pointer(0, 10, 20);
    input.apply(imgui.io());
    CHECK(imgui.io().MousePos.x == 10);
    CHECK(imgui.io().MouseDown[0]);
    CHECK(input.pending());
    input.apply(imgui.io());
    CHECK_FALSE(imgui.io().MouseDown[0]);
    CHECK_FALSE(input.pending());
}

TEST_CASE("a move after a press waits for the next frame, a flood of moves collapses") {
    ImGuiFixture imgui;
    RemoteInput input;
    input.pointer(1, 5, 5);
    for (int i = 0; i < 10000; ++i) CHECK(input.pointer(1, 6 + i % 100, 7));
    input.apply(imgui.io());
    CHECK(imgui.io().MousePos.x == 5);
    input.apply(imgui.io());
    CHECK(imgui.io().MousePos.x == 6 + 9999 % 100);
    CHECK_FALSE(input.pending());
}

TEST_CASE("the wheel turns once per press of its button") {
    ImGuiFixture imgui;
    RemoteInput input;
    input.pointer(0x08, 1, 1);
    input.pointer(0, 1, 1);
    input.pointer(0x10, 1, 1);
    input.pointer(0, 1, 1);
    imgui.io().MouseWheel = 0;
    while (input.pending()) input.apply(imgui.io());
    CHECK(imgui.io().MouseWheel == 0);  // one up, one down
}

TEST_CASE("text is typed, Enter comes after it, Ctrl+A is a shortcut and types nothing") {
    ImGuiFixture imgui;
    RemoteInput input;
    for (char c : std::string("hi")) {
        input.key(true, (uint32_t)c);
        input.key(false, (uint32_t)c);
    }
    input.key(true, XK_Return);
    input.key(false, XK_Return);
    input.apply(imgui.io());
    CHECK(imgui.typed() == "hi");
    CHECK_FALSE(imgui.io().KeysDown[257]);
    input.apply(imgui.io());
    CHECK(imgui.io().KeysDown[257]);
    input.apply(imgui.io());
    CHECK_FALSE(imgui.io().KeysDown[257]);
    input.key(true, XK_Control_L);
    input.key(true, XK_a);
    input.apply(imgui.io());
    CHECK(imgui.io().KeyCtrl);
    CHECK(imgui.io().KeysDown[65]);
    CHECK(imgui.typed().empty());
    input.release_all();  // the viewer left: Ctrl is released
    input.key(false, XK_a);
    while (input.pending()) input.apply(imgui.io());
    CHECK_FALSE(imgui.io().KeyCtrl);
    CHECK_FALSE(imgui.io().KeysDown[65]);
}

TEST_CASE("a full queue drops events instead of growing") {
    RemoteInput input;
    size_t accepted = 0;
    for (int i = 0; i < 10000; ++i) accepted += input.key(i % 2 == 0, XK_a) ? 1 : 0;
    CHECK(accepted == RemoteInput::kMaxQueued);
}

TEST_CASE("keysyms: named keys, modifiers and Unicode text") {
    CHECK(imgui_key_of(XK_Tab) == ImGuiKey_Tab);
    CHECK(imgui_key_of(XK_Home) == ImGuiKey_Home);
    CHECK(imgui_key_of(XK_Delete) == ImGuiKey_Delete);
    CHECK(modifier_of(XK_Control_R) == Modifier::Ctrl);
    CHECK(character_of(XK_a) == 'a');
    CHECK(character_of(0xe9) == 0xe9);            // é, Latin-1
    CHECK(character_of(0x010020ac) == 0x20ac);    // €, a Unicode keysym
    CHECK(character_of(XK_Return) == 0);
}

TEST_CASE("the browser page is titled with the app's title, escaped, and connects to the RFB port") {
    const std::string page = novnc_index_page("Sepia <& $5>", 5917);
    CHECK(page.find("<title>Sepia &lt;&amp; $5&gt;</title>") != std::string::npos);
    CHECK(page.find("vnc.html?autoconnect=1") != std::string::npos);
    CHECK(page.find("port=5917") != std::string::npos);
}

TEST_CASE("the page server answers a GET of a file in its folder, nothing else") {
    CHECK(requested_file("GET / HTTP/1.1") == "index.html");
    CHECK(requested_file("GET /app/ui.js?v=1 HTTP/1.1") == "app/ui.js");
    CHECK(requested_file("GET /../etc/passwd HTTP/1.1").empty());
    CHECK(requested_file("GET /%2e%2e/etc/passwd HTTP/1.1").empty());
    CHECK(requested_file("POST / HTTP/1.1").empty());
    CHECK(requested_file("garbage").empty());
}

TEST_CASE("first bytes: a complete, well-formed WebSocket request passes, and what libvncserver misreads does not") {
    using imgr::serve::FirstBytes;
    using imgr::serve::judge_first_bytes;
    const std::string good = "GET /websockify HTTP/1.1\r\nHost: localhost:5900\r\nOrigin: http://localhost:6080\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                             "Sec-WebSocket-Protocol: binary\r\n\r\n";
    CHECK(judge_first_bytes(good) == FirstBytes::admit);
    for (size_t cut : {1ul, 4ul, 30ul, good.size() - 1}) CHECK(judge_first_bytes(good.substr(0, cut)) == FirstBytes::wait);
    std::string why;
    const auto refused = [&](const std::string& sent, const std::string& reason) {
        why.clear();
        CHECK(judge_first_bytes(sent, &why) == FirstBytes::refuse);
        CHECK(why.find(reason) != std::string::npos);
    };
    std::string empty_version = good;
    empty_version.replace(empty_version.find(": 13"), 4, ": ");
    refused(empty_version, "empty 'sec-websocket-version' header");
    refused("GET / HTTP/1.1\r\nhost:  \t\r\n\r\n", "empty 'host' header");
    refused("GET / HTTP/1.1\r\nSec-WebSocket-Version: \v\f\r\n\r\n", "empty 'sec-websocket-version' header");
    refused("\x16\x03\x01", "other than a WebSocket request");       // TLS
    refused("RFB 003.008\n", "other than a WebSocket request");        // a viewer never speaks first
    refused("GET / HTTP/1.0\r\n\r\n", "not an HTTP/1.1 request line");
    refused("GET / HTTP/1.1\r\nSec-WebSocket-Key1: 1\r\n\r\n", "Hixie");
    refused("GET / HTTP/1.1\r\nHost: a\nb\r\n\r\n", "bare CR or LF");
    refused(good + "\x81\x80", "data after the WebSocket request");
    refused("GET /" + std::string(5000, 'a'), "over 4000 bytes");
    refused("GET /" + std::string(3990, 'a') + " HTTP/1.1\r\n\r\n", "over 4000 bytes");
    std::string with_nul = good;
    with_nul[20] = '\0';
    refused(with_nul, "NUL byte");
}

TEST_CASE("the byte bridge copies both ways, and when one side ends the other is closed") {
    int outside[2], inside[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, outside) == 0);
    REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, inside) == 0);
    imgr::serve::ByteBridge bridge;
    bridge.add(outside[1], inside[1]);
    const std::string big(1 << 20, 'x');  // more than the bridge buffers: it must wait for the reader
    std::thread writer([&] { CHECK(write(outside[0], big.data(), big.size()) == (ssize_t)big.size()); });
    std::string received;
    char chunk[65536];
    while (received.size() < big.size()) {
        const ssize_t got = read(inside[0], chunk, sizeof chunk);
        REQUIRE(got > 0);
        received.append(chunk, (size_t)got);
    }
    writer.join();
    CHECK(received == big);
    CHECK(write(inside[0], "RFB 003.008\n", 12) == 12);
    CHECK(read(outside[0], chunk, 12) == 12);
    CHECK(std::string(chunk, 12) == "RFB 003.008\n");
    close(inside[0]);                              // libvncserver let go of the viewer:
    CHECK(read(outside[0], chunk, 1) == 0);        // the network side is closed too
    close(outside[0]);
    for (int i = 0; i < 200 && bridge.bridged() > 0; ++i) usleep(5000);
    CHECK(bridge.bridged() == 0);
}

TEST_CASE("a traced click: one line of four parts, frames that changed nothing count as drawing") {
    imgr::serve::LatencyTrace trace(true);
    CHECK(trace.update_sent().empty());  // nothing traced yet
    trace.input_arrived();
    trace.input_arrived();  // a second press while the first is traced is not traced
    trace.frame_started();
    trace.frame_drawn();
    trace.frame_marked(false);  // the press showed nothing yet
    CHECK(trace.update_sent().empty());
    trace.frame_drawn();
    trace.frame_marked(true);
    const std::string line = trace.update_sent();
    double wait = -1, draw = -1, read_back = -1, send = -1;
    REQUIRE(std::sscanf(line.c_str(),
                        "imgr: serve trace: wait for frame %lf ms, draw %lf ms, read back and compare %lf ms, "
                        "encode and send %lf ms",
                        &wait, &draw, &read_back, &send) == 4);
    CHECK(wait >= 0);
    CHECK(draw >= 0);
    CHECK(read_back >= 0);
    CHECK(send >= 0);
    CHECK(trace.update_sent().empty());  // one line a click, however many viewers are sent the update
    // Off (no IMGR_SERVE_TRACE): nothing is traced.
    imgr::serve::LatencyTrace off(false);
    off.input_arrived();
    off.frame_started();
    off.frame_drawn();
    off.frame_marked(true);
    CHECK(off.update_sent().empty());
}
