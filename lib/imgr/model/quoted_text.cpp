#include "imgr/model/quoted_text.h"

#include "imgr/model/utf8.h"

#include <algorithm>
#include <cstdio>

namespace imgr {

namespace {

void append_escape(std::string& out, unsigned char byte) {
    switch (byte) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x", byte);
        out += hex;
    }
    }
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char byte = (unsigned char)text[i];
        if (byte < 0x20 || byte == 0x7f) {
            append_escape(out, byte);
            ++i;
            continue;
        }
        if (byte < 0x80) {
            out += (char)byte;
            ++i;
            continue;
        }
        const Utf8Char ch = utf8_decode(text, i);
        if (ch.length == 0) {  // not UTF-8: the byte itself, escaped
            append_escape(out, byte);
            ++i;
            continue;
        }
        if (ch.codepoint >= 0x80 && ch.codepoint <= 0x9f) {  // C1 controls: CSI (U+009B) acts as ESC [ does
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\u%04x", (unsigned)ch.codepoint);
            out += hex;
        } else {
            out.append(text.substr(i, ch.length));
        }
        i += ch.length;
    }
    return out;
}

std::string shortened(std::string_view text, size_t max_characters) {
    size_t end = 0;
    for (size_t count = 0; end < text.size() && count < max_characters; ++count)
        end += std::max<size_t>(1, utf8_sequence_length(text, end));
    if (end >= text.size()) return std::string(text);
    return std::string(text.substr(0, end)) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string quoted_excerpt(std::string_view text, size_t max_characters) {
    std::string out = "\"";
    size_t end = 0;
    for (size_t count = 0; end < text.size() && count < max_characters; ++count)
        end += std::max<size_t>(1, utf8_sequence_length(text, end));
    for (char c : printable(text.substr(0, end))) {
        if (c == '"') out += '\\';
        out += c;
    }
    out += '"';
    if (end < text.size()) out += "... (" + std::to_string(text.size()) + " bytes)";
    return out;
}

}  // namespace imgr
