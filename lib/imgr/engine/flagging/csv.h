// CSV as RFC 4180 describes it, as written by flagging and read back by its
// tests and by restarts: fields separated by ',', a field holding ',' '"' CR
// or LF is quoted with its quotes doubled, each row ends with "\n".
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace imgr {

using CsvRow = std::vector<std::string>;

// One field, quoted only when it must be.
std::string csv_field(std::string_view text);

// One row with its "\n". A row of a single empty field is written `""` so that
// it does not read back as a blank line (Python's csv writer does the same).
std::string csv_row(const CsvRow& fields);

// Thrown by parse_csv: "line N: what is wrong" (N counts physical lines from 1).
class CsvError : public std::runtime_error {
public:
    explicit CsvError(const std::string& message) : std::runtime_error(message) {}
};

// Reads rows. Records end with LF, CRLF or a lone CR (as Python's reader
// accepts); the last record may lack its line break; a blank line is a row of
// no fields. Throws CsvError for a quote inside an unquoted field, text after
// a closing quote, or a quoted field still open at the end.
std::vector<CsvRow> parse_csv(std::string_view text);

// What a reader finds in a file that may end in a row cut short by a crash.
struct CsvScan {
    std::vector<CsvRow> rows;   // the records ended by a line break
    size_t complete_bytes = 0;  // how much of the text those records span; the rest is an unfinished record
    std::string error;          // "" or, for malformed text before the unfinished record, parse_csv's message
};
CsvScan scan_csv(std::string_view text);

}  // namespace imgr
