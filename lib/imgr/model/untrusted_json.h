// JSON from a file someone else wrote (a flagged folder's logs.jsonl, a JSON
// cell, annotations, captions, a conversation): nesting is bounded before it
// is parsed, and a parse error never repeats the text it read.
#pragma once
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

namespace imgr {

// Deeper than any value imgr flags (a Plot is 4 levels) by far, and far from
// where the parser's and the values' recursion would exhaust a stack.
inline constexpr size_t kMaxJsonNesting = 512;

// Throws std::invalid_argument ("nested more than 512 levels deep") when
// arrays and objects nest deeper than max_depth; strings are skipped, so a
// '[' inside one does not count. Cheap: one pass, no allocation.
void check_json_nesting(std::string_view text, size_t max_depth = kMaxJsonNesting);

// A JSON error's message for a person, without what nlohmann quotes of the
// input ("; last read: '...'") and without its "[json.exception...]" prefix;
// any other exception's what(), made printable and short.
std::string json_error_message(const std::exception& error);

}  // namespace imgr
