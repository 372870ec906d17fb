#include "imgr/engine/flagging/csv.h"

namespace imgr {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const CsvRow& fields) {
    if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += '\n';
    return out;
}

namespace {

struct Parsed {
    std::vector<CsvRow> rows;   // terminated records
    size_t complete_bytes = 0;
    CsvRow tail;                // the unterminated last record, when one is there and well formed
    bool has_tail = false;
    bool open_quote = false;    // the text ends inside a quoted field
    std::string error;          // malformed text; parsing stopped there
    size_t error_pos = 0;
};

Parsed parse(std::string_view text) {
    Parsed out;
    size_t pos = 0, line = 1;
    const size_t n = text.size();
    auto fail = [&](const char* what) {
        out.error = "line " + std::to_string(line) + ": " + what;
        out.error_pos = pos;
    };
    while (pos < n) {
        CsvRow record;
        if (text[pos] == '\n' || text[pos] == '\r') {  // a blank line: a record of no fields
            pos += (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') ? 2 : 1;
            ++line;
            out.rows.push_back(std::move(record));
            out.complete_bytes = pos;
            continue;
        }
        for (;;) {  // one field per turn, then its delimiter
            std::string field;
            if (pos < n && text[pos] == '"') {
                ++pos;
                for (;;) {
                    const size_t quote = text.find('"', pos);
                    const size_t end = quote == std::string_view::npos ? n : quote;
                    for (size_t i = pos; i < end; ++i)
                        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
                    field.append(text, pos, end - pos);
                    if (quote == std::string_view::npos) {
                        out.open_quote = true;
                        return out;
                    }
                    pos = quote + 1;
                    if (pos < n && text[pos] == '"') {  // a doubled quote stands for one
                        field += '"';
                        ++pos;
                        continue;
                    }
                    break;
                }
                if (pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
                    fail("text after a closing quote");
                    return out;
                }
            } else {
                const size_t end = std::min(text.find_first_of(",\r\n", pos), n);
                const size_t quote = text.find('"', pos);
                if (quote < end) {
                    pos = quote;
                    fail("a quote inside an unquoted field (quote the field and double the quote)");
                    return out;
                }
                field.assign(text, pos, end - pos);
                pos = end;
            }
            record.push_back(std::move(field));
            if (pos >= n) {
                out.tail = std::move(record);
                out.has_tail = true;
                return out;
            }
            const char delimiter = text[pos++];
            if (delimiter == ',') continue;
            if (delimiter == '\r' && pos < n && text[pos] == '\n') ++pos;
            ++line;
            out.rows.push_back(std::move(record));
            out.complete_bytes = pos;
            break;
        }
    }
    return out;
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text) {
    Parsed parsed = parse(text);
    if (!parsed.error.empty()) throw CsvError(parsed.error);
    if (parsed.open_quote) {
        size_t line = 1;
        for (size_t i = 0; i < parsed.complete_bytes; ++i)
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
        throw CsvError("line " + std::to_string(line) + ": a quoted field is not closed before the end");
    }
    if (parsed.has_tail) parsed.rows.push_back(std::move(parsed.tail));
    return std::move(parsed.rows);
}

CsvScan scan_csv(std::string_view text) {
    Parsed parsed = parse(text);
    CsvScan scan;
    scan.rows = std::move(parsed.rows);
    scan.complete_bytes = parsed.complete_bytes;
    // Malformed text within the unfinished last record is a cut-short row, not a foreign file.
    if (!parsed.error.empty() && text.find_first_of("\r\n", parsed.error_pos) != std::string_view::npos)
        scan.error = parsed.error;
    return scan;
}

}  // namespace imgr
