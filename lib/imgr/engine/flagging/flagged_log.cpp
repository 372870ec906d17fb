// A flagging folder's log files read back record by record (flagged_rows.h):
// the reader replay, examples and the Flagged panel share. The folder may be
// someone else's: the file is opened inside it only (folder_reader.h), rows
// are bounded in size, JSON in nesting, and an error quotes, never dumps.
#include "imgr/engine/flagging/flagged_rows.h"

#include "imgr/model/folder_reader.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <algorithm>
#include <map>
#include <set>

namespace imgr {

namespace {

// "logs.csv" -> 0, "logs_3.csv" -> 3; -1 for other names or the other extension.
int log_index(const std::string& name, const std::string& extension) {
    if (name == "logs" + extension) return 0;
    if (!name.starts_with("logs_") || !name.ends_with(extension)) return -1;
    const std::string digits = name.substr(5, name.size() - 5 - extension.size());
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(digits);
}

bool is_line_break(std::string_view text, size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
}

std::string too_long(size_t bytes) {
    return "the row is " + std::to_string(bytes) + " bytes, more than the limit of " +
           std::to_string(kMaxFlaggedRowBytes) + " bytes for a row";
}

// One CSV record from pos (RFC 4180, as csv.h), advancing pos and line past
// it. A malformed record is skipped to its line's end and returned with the error.
FlaggedRecord next_csv_record(std::string_view text, size_t& pos, int& line) {
    FlaggedRecord record;
    record.line = line;
    const size_t n = text.size();
    auto skip_line = [&](const std::string& why) {
        record.error = why;
        record.cells.clear();
        while (pos < n && !is_line_break(text, pos)) ++pos;
        if (pos < n) ++pos, ++line;
        return record;
    };
    for (;;) {
        std::string field;
        if (pos < n && text[pos] == '"') {
            for (++pos;;) {
                const size_t quote = text.find('"', pos);
                const size_t end = quote == std::string_view::npos ? n : quote;
                for (size_t i = pos; i < end; ++i) line += is_line_break(text, i) ? 1 : 0;
                field.append(text, pos, end - pos);
                pos = end;
                if (quote == std::string_view::npos) {
                    // RFC 4180 lets a quoted field run on; say how much of the file it took.
                    record.cells.clear();
                    record.error = "the row is cut short: a quoted field is not closed before the end of the file";
                    const int last = n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r') ? line - 1 : line;
                    if (last > record.line)
                        record.error += " (lines " + std::to_string(record.line) + "-" + std::to_string(last) +
                                        " are read as this one row)";
                    return record;
                }
                ++pos;
                if (pos < n && text[pos] == '"') { field += '"'; ++pos; continue; }
                break;
            }
            if (pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                return skip_line("text after a closing quote");
        } else {
            const size_t end = std::min(text.find_first_of(",\r\n", pos), n);
            if (text.substr(pos, end - pos).find('"') != std::string_view::npos)
                return skip_line("a quote inside an unquoted field");
            field.assign(text, pos, end - pos);
            pos = end;
        }
        record.cells.push_back(std::move(field));
        if (pos >= n) return record;  // the last record may lack its line break
        const char delimiter = text[pos++];
        if (delimiter == ',') continue;
        if (delimiter == '\r' && pos < n && text[pos] == '\n') ++pos;
        ++line;
        return record;
    }
}

// "" when every name is there once; else why the header cannot be used.
std::string duplicated_column(const std::vector<std::string>& header) {
    std::set<std::string> seen;
    for (const std::string& name : header)
        if (!seen.insert(name).second)
            return "the column " + quoted_excerpt(name) + " appears twice in the header, so its cells are ambiguous";
    return "";
}

void read_csv_log(std::string_view content, FlaggedLog& log, size_t max_records) {
    size_t pos = 0;
    int line = 1;
    FlaggedRecord header = next_csv_record(content, pos, line);
    if (!header.error.empty()) {
        log.error = "line 1: " + header.error;
        return;
    }
    log.header = std::move(header.cells);
    if (const std::string duplicated = duplicated_column(log.header); !duplicated.empty()) {
        log.error = duplicated;
        return;
    }
    while (pos < content.size() && log.records.size() < max_records) {
        const bool blank = content[pos] == '\n' || content[pos] == '\r';
        if (blank) {  // written by no logger: skipped as Python's csv reader gives an empty row
            pos += content.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
            ++line;
            continue;
        }
        const size_t start = pos;
        FlaggedRecord record = next_csv_record(content, pos, line);
        const bool ended = pos > 0 && (content[pos - 1] == '\n' || content[pos - 1] == '\r');
        if (record.error.empty() && pos - start > kMaxFlaggedRowBytes) {
            record.cells.clear();
            record.error = too_long(pos - start);
        }
        if (record.error.empty() && record.cells.size() != log.header.size())
            record.error = (ended ? "" : "the row is cut short: ") + std::to_string(record.cells.size()) +
                           " columns where the header has " + std::to_string(log.header.size());
        log.records.push_back(std::move(record));
    }
}

// A JSON value as a cell: strings as they are, null as nothing, the rest compact.
std::string jsonl_cell(const nlohmann::ordered_json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// One line's record; throws with a message that quotes nothing of the line but keys.
void read_jsonl_record(std::string_view text, FlaggedLog& log, FlaggedRecord& record) {
    if (text.size() > kMaxFlaggedRowBytes) throw std::length_error(too_long(text.size()));
    check_json_nesting(text);
    const auto object = nlohmann::ordered_json::parse(text);
    if (!object.is_object()) throw std::invalid_argument("not a JSON object");
    if (log.header.empty())
        for (const auto& item : object.items()) log.header.push_back(item.key());
    for (const std::string& key : log.header) {
        if (!object.contains(key)) throw std::invalid_argument("no key " + quoted_excerpt(key));
        record.cells.push_back(jsonl_cell(object[key]));
    }
    if (object.size() != log.header.size())
        throw std::invalid_argument(std::to_string(object.size()) + " keys where the first record has " +
                                    std::to_string(log.header.size()));
}

void read_jsonl_log(std::string_view content, FlaggedLog& log, size_t max_records) {
    size_t pos = 0;
    for (int line = 1; pos < content.size() && log.records.size() < max_records; ++line) {
        const size_t end = std::min(content.find('\n', pos), content.size());
        std::string_view text = content.substr(pos, end - pos);
        const bool last = end >= content.size();
        pos = end + 1;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.empty()) continue;
        FlaggedRecord record;
        record.line = line;
        try {
            read_jsonl_record(text, log, record);
        } catch (const std::exception& e) {
            record.cells.clear();
            record.error = last ? "the row is cut short (" + json_error_message(e) + ")"
                                : "not a flagged record: " + json_error_message(e);
        }
        log.records.push_back(std::move(record));
    }
}

// A UTF-8 byte order mark: written by no logger, but by editors and spreadsheets.
std::string_view without_bom(std::string_view content) {
    return content.starts_with("\xEF\xBB\xBF") ? content.substr(3) : content;
}

}  // namespace

std::vector<std::filesystem::path> flagged_log_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const std::string extension : {".csv", ".jsonl"}) {
        std::map<int, std::filesystem::path> found;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            const int index = log_index(entry.path().filename().string(), extension);
            // A symlink is listed too: reading it says whether it stays inside the folder.
            if (index >= 0 && !entry.is_directory(ec)) found[index] = entry.path();
        }
        for (auto& [index, path] : found) files.push_back(std::move(path));
    }
    return files;
}

FlaggedLog read_flagged_log(const std::filesystem::path& file, size_t max_records) {
    FlaggedLog log;
    log.path = file;
    const BeneathRead read = read_beneath(file.parent_path(), file.filename().string(), kMaxFlaggedLogBytes);
    if (!read) {
        log.error = read.error;
        return log;
    }
    const std::string_view content = without_bom(read.content);
    if (file.extension() == ".jsonl")
        read_jsonl_log(content, log, max_records);
    else
        read_csv_log(content, log, max_records);
    return log;
}

FlaggedColumns match_flagged_columns(const std::vector<std::string>& header, const std::vector<std::string>& names) {
    FlaggedColumns columns;
    auto find = [&](const std::string& name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : (int)(it - header.begin());
    };
    for (const std::string& name : names) {
        columns.field.push_back(find(name));
        columns.corrected.push_back(find(name + " (corrected)"));
        if (columns.field.back() < 0 && columns.error.empty()) columns.error = "no column \"" + name + "\"";
    }
    columns.note = find("note");
    columns.flag = find("flag");
    return columns;
}

}  // namespace imgr
