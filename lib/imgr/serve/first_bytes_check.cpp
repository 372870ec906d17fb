#include "imgr/serve/first_bytes_check.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imgr::serve {
namespace {

bool starts_with_ignoring_case(std::string_view line, std::string_view prefix) {
    return line.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), line.begin(),
                      [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); });
}

FirstBytes refuse(std::string* why, std::string reason) {
    if (why) *why = std::move(reason);
    return FirstBytes::refuse;
}

// The headers libvncserver's handshake looks for, each read from just after its name.
constexpr std::array<std::string_view, 6> kHeadersRead = {"host: ",
                                                          "origin: ",
                                                          "sec-websocket-protocol: ",
                                                          "sec-websocket-origin: ",
                                                          "sec-websocket-key: ",
                                                          "sec-websocket-version: "};

}  // namespace

FirstBytes judge_first_bytes(std::string_view sent, std::string* why) {
    constexpr std::string_view get = "GET ";
    if (sent.substr(0, std::min(sent.size(), get.size())) != get.substr(0, std::min(sent.size(), get.size())))
        return refuse(why, "sent something other than a WebSocket request before the greeting");
    const size_t end = sent.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (sent.size() >= kMaxWebSocketRequest) return refuse(why, "a WebSocket request over 4000 bytes");
        return FirstBytes::wait;
    }
    if (end + 4 > kMaxWebSocketRequest) return refuse(why, "a WebSocket request over 4000 bytes");
    std::string_view request = sent.substr(0, end + 2);  // each line with its CRLF
    if (request.find('\0') != std::string_view::npos) return refuse(why, "a NUL byte in the WebSocket request");
    bool first = true;
    while (!request.empty()) {
        const size_t line_end = request.find("\r\n");
        if (line_end == std::string_view::npos) return refuse(why, "a WebSocket request line without CRLF");
        const std::string_view line = request.substr(0, line_end);
        request.remove_prefix(line_end + 2);
        if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos)
            return refuse(why, "a bare CR or LF in the WebSocket request");
        if (first) {
            first = false;
            if (line.size() < 14 || line.substr(line.size() - 9) != " HTTP/1.1")
                return refuse(why, "not an HTTP/1.1 request line");
            continue;
        }
        if (starts_with_ignoring_case(line, "sec-websocket-key1") || starts_with_ignoring_case(line, "sec-websocket-key2"))
            return refuse(why, "an old (Hixie) WebSocket handshake");
        for (std::string_view header : kHeadersRead) {
            if (!starts_with_ignoring_case(line, header)) continue;
            const std::string_view value = line.substr(header.size());
            // strtol() skips any whitespace, line ends included: a value needs something else.
            if (std::all_of(value.begin(), value.end(), [](char c) { return std::isspace((unsigned char)c); }))
                return refuse(why, "an empty '" + std::string(header.substr(0, header.size() - 2)) + "' header");
        }
    }
    if (sent.size() > end + 4) return refuse(why, "data after the WebSocket request before the handshake");
    return FirstBytes::admit;
}

}  // namespace imgr::serve
