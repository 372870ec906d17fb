// The one UTF-8 decoder: flagging checks the text it writes with it (CSV and
// JSON files are declared UTF-8, folder names must be valid on every system),
// and the script player splits typed text into characters with it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace imgr {

struct Utf8Char {
    char32_t codepoint = 0xFFFD;  // U+FFFD when the bytes there are no valid character
    size_t length = 0;            // bytes of the character (1..4); 0 when invalid
};

// The character starting at text[pos] (pos < text.size()). Invalid: a stray
// continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut
// short (RFC 3629).
Utf8Char utf8_decode(std::string_view text, size_t pos);

// utf8_decode(text, pos).length.
size_t utf8_sequence_length(std::string_view text, size_t pos);

// The text with each invalid byte replaced by `replacement`; valid text is returned unchanged.
std::string valid_utf8(std::string_view text, std::string_view replacement = "\xEF\xBF\xBD");  // U+FFFD

}  // namespace imgr
