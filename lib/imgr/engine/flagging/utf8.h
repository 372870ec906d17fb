// UTF-8 checking for text that flagging writes: CSV and JSON files are
// declared UTF-8, and folder names must be valid names on every system.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace imgr {

// Length of the valid UTF-8 sequence starting at text[pos] (1..4), or 0 when
// the byte there does not start one (stray continuation, overlong form,
// surrogate, beyond U+10FFFF, or cut short).
size_t utf8_sequence_length(std::string_view text, size_t pos);

// The text with each invalid byte replaced by `replacement`; valid text is returned unchanged.
std::string valid_utf8(std::string_view text, std::string_view replacement = "\xEF\xBF\xBD");  // U+FFFD

}  // namespace imgr
