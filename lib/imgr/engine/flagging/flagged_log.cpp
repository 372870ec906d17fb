// A flagging folder's log files read back record by record (flagged_rows.h):
// the reader replay, examples and the Flagged panel share. The folder may be
// someone else's: the file is opened inside it only (folder_reader.h), rows
// are bounded in size, JSON in nesting, and an error quotes, never dumps.
#include "imgr/engine/flagging/flagged_rows.h"

#include "imgr/model/folder_reader.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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

// A JSON value as a cell: strings as they are, null as nothing, the rest compact.
std::string jsonl_cell(const nlohmann::ordered_json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// One line's record; throws with a message that quotes nothing of the line but keys.
// The first readable record's keys become the header.
void read_jsonl_record(std::string_view text, std::vector<std::string>& header, FlaggedRecord& record) {
    if (text.size() > kMaxFlaggedRowBytes) throw std::length_error(too_long(text.size()));
    check_json_nesting(text);
    const auto object = nlohmann::ordered_json::parse(text);
    if (!object.is_object()) throw std::invalid_argument("not a JSON object");
    if (header.empty())
        for (const auto& item : object.items()) header.push_back(item.key());
    for (const std::string& key : header) {
        if (!object.contains(key)) throw std::invalid_argument("no key " + quoted_excerpt(key));
        record.cells.push_back(jsonl_cell(object[key]));
    }
    if (object.size() != header.size())
        throw std::invalid_argument(std::to_string(object.size()) + " keys where the first record has " +
                                    std::to_string(header.size()));
}

constexpr size_t kChunkBytes = size_t(1) << 20;  // read at a time
constexpr std::string_view kBom = "\xEF\xBB\xBF";   // written by no logger, but by editors and spreadsheets

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

FlaggedLogReader::FlaggedLogReader(const std::filesystem::path& file) {
    jsonl_ = file.extension() == ".jsonl";
    file_ = open_beneath(file.parent_path(), file.filename().string());
    if (!file_) {
        error_ = file_.error;
        return;
    }
    size_ = file_.size;
    if (size_ > kMaxFlaggedLogBytes) {
        error_ = quoted_excerpt(file.filename().string()) + " is more than " + std::to_string(kMaxFlaggedLogBytes) +
                 " bytes, the limit for a file read from the folder";
        return;
    }
    skip_bom();
    if (!error_.empty()) return;
    if (!jsonl_) {
        FlaggedRecord header;
        if (!read_csv(header)) return;  // an empty file: no header, no rows
        if (!header.error.empty()) {
            error_ = "line 1: " + header.error;
            return;
        }
        header_ = std::move(header.cells);
        error_ = duplicated_column(header_);
        return;
    }
    // A JSONL file's header is its first readable record's keys: read up to it.
    FlaggedRecord record;
    while (header_.empty() && read_jsonl(record)) pending_.push_back(std::move(record));
}

bool FlaggedLogReader::fill() {
    if (at_end_ || !file_) return false;
    buffer_.erase(0, pos_);  // what was returned is dropped: the buffer holds about one record
    done_ += pos_;
    pos_ = 0;
    const size_t had = buffer_.size();
    buffer_.resize(had + kChunkBytes);
    ssize_t got;
    while ((got = ::read(file_.fd(), buffer_.data() + had, kChunkBytes)) < 0 && errno == EINTR) {
    }
    buffer_.resize(had + (size_t)std::max<ssize_t>(got, 0));
    if (got < 0 && error_.empty() && done_ + had == 0) error_ = std::string("cannot read the log file: ") + std::strerror(errno);
    // A file that grew past the limit since it was opened is read up to the limit.
    if (got <= 0 || done_ + buffer_.size() >= kMaxFlaggedLogBytes) at_end_ = true;
    return got > 0;
}

// Before the first record: the first three bytes decide whether a BOM is skipped.
void FlaggedLogReader::skip_bom() {
    while (buffer_.size() < kBom.size() && fill()) {
    }
    if (std::string_view(buffer_).starts_with(kBom)) pos_ = kBom.size();
}

bool FlaggedLogReader::next(FlaggedRecord& record) {
    if (!error_.empty()) return false;
    if (pending_next_ < pending_.size()) {
        record = std::move(pending_[pending_next_++]);
        if (pending_next_ == pending_.size()) pending_.clear(), pending_next_ = 0;
        return true;
    }
    return jsonl_ ? read_jsonl(record) : read_csv(record);
}

bool FlaggedLogReader::read_csv(FlaggedRecord& record) {
    for (;;) {
        if (pos_ >= buffer_.size() && !fill()) return false;
        const std::string_view text(buffer_);
        if (text[pos_] == '\n' || text[pos_] == '\r') {  // a blank line, written by no logger: skipped
            if (text[pos_] == '\r' && pos_ + 1 >= text.size() && !at_end_) {
                fill();  // is it CR LF?
                continue;
            }
            pos_ += text.compare(pos_, 2, "\r\n") == 0 ? 2 : 1;
            ++line_;
            continue;
        }
        const size_t start = pos_;
        size_t pos = pos_;
        int line = line_;
        record = next_csv_record(text, pos, line);
        if (pos >= text.size() && !at_end_) {  // the record may go on in the next chunk
            if (text.size() - start > kMaxFlaggedRowBytes) {
                skip_long_csv_record(record, start);
                return true;
            }
            pos_ = start;
            fill();
            continue;
        }
        pos_ = pos;
        line_ = line;
        const bool ended = pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == '\r');
        if (record.error.empty() && pos - start > kMaxFlaggedRowBytes) {
            record.cells.clear();
            record.error = too_long(pos - start);
        }
        if (record.error.empty() && !header_.empty() && record.cells.size() != header_.size())
            record.error = (ended ? "" : "the row is cut short: ") + std::to_string(record.cells.size()) +
                           " columns where the header has " + std::to_string(header_.size());
        return true;
    }
}

// A record over the limit is never held whole: read past it (to the first line
// break outside quotes), counting its bytes and lines.
void FlaggedLogReader::skip_long_csv_record(FlaggedRecord& record, size_t start) {
    record.cells.clear();
    record.line = line_;
    bool quoted = false;
    std::uint64_t bytes = 0;
    size_t i = start;
    for (;;) {
        if (i >= buffer_.size()) {
            pos_ = i;
            if (!fill()) break;
            i = pos_;
        }
        const char c = buffer_[i++];
        ++bytes;
        if (c == '"') quoted = !quoted;
        const bool line_break = c == '\n' || (c == '\r' && (i >= buffer_.size() || buffer_[i] != '\n'));
        if (line_break) {
            ++line_;
            if (!quoted) break;
        }
    }
    pos_ = i;
    record.error = too_long(bytes);
}

bool FlaggedLogReader::read_jsonl(FlaggedRecord& record) {
    for (;;) {
        if (pos_ >= buffer_.size() && !fill()) return false;
        size_t end = buffer_.find('\n', pos_);
        if (end == std::string::npos && !at_end_) {
            if (buffer_.size() - pos_ > kMaxFlaggedRowBytes) {  // never held whole: read past its line
                record = FlaggedRecord{line_, {}, {}};
                std::uint64_t bytes = buffer_.size() - pos_;
                pos_ = buffer_.size();
                while (fill()) {
                    end = buffer_.find('\n', pos_);
                    bytes += (end == std::string::npos ? buffer_.size() : end) - pos_;
                    pos_ = end == std::string::npos ? buffer_.size() : end + 1;
                    if (end != std::string::npos) break;
                }
                ++line_;
                record.error = too_long(bytes);
                return true;
            }
            fill();
            continue;
        }
        const bool last = end == std::string::npos;
        if (last) end = buffer_.size();
        std::string_view text = std::string_view(buffer_).substr(pos_, end - pos_);
        pos_ = last ? end : end + 1;
        const int line = line_++;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.empty()) continue;
        record = FlaggedRecord{line, {}, {}};
        try {
            read_jsonl_record(text, header_, record);
        } catch (const std::exception& e) {
            record.cells.clear();
            record.error = last ? "the row is cut short (" + json_error_message(e) + ")"
                                : "not a flagged record: " + json_error_message(e);
        }
        return true;
    }
}

FlaggedLog read_flagged_log(const std::filesystem::path& file, size_t max_records) {
    FlaggedLog log;
    log.path = file;
    FlaggedLogReader reader(file);
    FlaggedRecord record;
    while (log.records.size() < max_records && reader.next(record)) log.records.push_back(std::move(record));
    log.header = reader.header();
    log.error = reader.error();
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
