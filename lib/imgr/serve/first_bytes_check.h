// What a new connection to the RFB port sent before the server spoke, judged
// before libvncserver 0.9.14 sees it. A VNC viewer sends nothing until it has
// the server's greeting; a browser (noVNC) sends a WebSocket request at once.
// libvncserver reads that request itself, one byte at a time on the accepting
// thread, and misreads some: a header with an empty value (e.g.
// "Sec-WebSocket-Version: ") makes it parse past what it received (an
// out-of-bounds read ASan caught in the hostile-client test). So a request is
// handed over only when it is complete and well-formed.
#pragma once
#include <string>
#include <string_view>

namespace imgr::serve {

enum class FirstBytes {
    wait,        // a WebSocket request so far, not complete yet
    admit,       // a complete request libvncserver reads safely
    refuse,      // anything else a viewer never sends first (TLS, garbage, Hixie, too long)
};

inline constexpr size_t kMaxWebSocketRequest = 4000;  // libvncserver's buffer is 4096

// `sent`: everything the connection sent so far (nothing: a VNC viewer, admitted elsewhere).
FirstBytes judge_first_bytes(std::string_view sent, std::string* why = nullptr);

}  // namespace imgr::serve
