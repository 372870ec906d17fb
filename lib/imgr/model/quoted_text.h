// Text from files someone else wrote, made fit for a one-line message: a
// message quotes a cell, it never dumps it. Used wherever a flagged folder's
// contents reach the terminal, the window or a report.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace imgr {

// At most ~80 characters: a message shows what a cell starts with, never all of it.
inline constexpr size_t kQuotedCharacters = 80;

// The text with what a terminal would act on shown as escapes instead: C0
// controls and DEL (\n, \r, \t, \x1b, \x00, ...), C1 controls (\u0085) and
// bytes that are not UTF-8 (\xff). Backslashes are kept as they are; valid
// UTF-8 (accents, CJK, emoji) too.
std::string printable(std::string_view text);

// The first max_characters characters of text (cut between UTF-8 characters),
// followed by "... (N bytes)" when there was more.
std::string shortened(std::string_view text, size_t max_characters = kQuotedCharacters);

// printable(shortened(text)) in double quotes, a quote inside as \": how a message quotes a cell.
std::string quoted_excerpt(std::string_view text, size_t max_characters = kQuotedCharacters);

}  // namespace imgr
