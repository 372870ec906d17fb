#include "imgr/model/utf8.h"

namespace imgr {

Utf8Char utf8_decode(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1};
    size_t length;
    char32_t codepoint;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte (RFC 3629, table 3-7)
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codepoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codepoint = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codepoint = lead & 0x07;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    } else {
        return {};
    }
    if (pos + length > text.size()) return {};
    if (byte(pos + 1) < low || byte(pos + 1) > high) return {};
    for (size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return {};
        codepoint = (codepoint << 6) | (byte(pos + i) & 0x3F);
    }
    return {codepoint, length};
}

size_t utf8_sequence_length(std::string_view text, size_t pos) { return utf8_decode(text, pos).length; }

std::string valid_utf8(std::string_view text, std::string_view replacement) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = utf8_sequence_length(text, pos);
        if (length == 0) {
            out += replacement;
            ++pos;
        } else {
            out.append(text, pos, length);
            pos += length;
        }
    }
    return out;
}

}  // namespace imgr
