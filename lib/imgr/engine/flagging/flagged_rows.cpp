#include "imgr/engine/flagging/flagged_rows.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "imgr/engine/flagging/annotated_files.h"
#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/gallery_files.h"
#include "imgr/engine/flagging/slider_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/file_read.h"
#include "imgr/model/image_io.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/kind_traits.h"

namespace imgr {

FlaggedRows read_flagged_rows(FileLogger& logger) {
    FlaggedRows result;
    const std::filesystem::path path = logger.log_path();
    result.dir = path.parent_path();
    result.header = logger.header();
    const FileRead file = read_file(path);
    if (!file) return result;  // nothing flagged yet
    const std::string& content = file.content;
    try {
        if (path.extension() == ".jsonl") {
            std::istringstream lines(content);
            std::string line;
            while (std::getline(lines, line)) {
                if (line.empty()) continue;
                const Json record = Json::parse(line);
                std::vector<std::string> row;
                for (const std::string& key : result.header) {
                    const Json& cell = record.contains(key) ? record[key] : Json(nullptr);
                    row.push_back(cell.is_string() ? cell.get<std::string>() : cell.is_null() ? "" : cell.dump());
                }
                result.rows.push_back(std::move(row));
            }
        } else {
            // The reader replay uses too: a row that cannot be read is left out
            // (replay names it), the others are listed.
            FlaggedLog log = read_flagged_log(path);
            if (!log.error.empty()) throw std::runtime_error(log.error);
            for (FlaggedRecord& record : log.records)
                if (record.error.empty()) result.rows.push_back(std::move(record.cells));
        }
    } catch (const std::exception& e) {
        throw Error("cannot read the flagged rows in '" + path.string() + "': " + e.what());
    }
    return result;
}


namespace {

// A cell naming the files of a kind flagged as files (model/kinds/: a flag_file_extension),
// loaded from the flagging folder `dir`.
Value value_from_files(ComponentKind kind, const Value& empty, const std::string& cell, const std::filesystem::path& dir) {
    if (std::holds_alternative<Conversation>(empty)) {
        const FileRead file = read_file(dir / cell);
        if (!file) throw Error("cannot load the flagged conversation '" + cell + "': " + file.error);
        try {
            return conversation_from_json(Json::parse(file.content));
        } catch (const std::exception& e) {
            throw Error("the flagged conversation '" + cell + "' is not valid: " + e.what());
        }
    }
    if (std::holds_alternative<ImageBuffer>(empty)) {
        ImageLoadResult loaded = load_image_file((dir / cell).string());
        if (!loaded) throw Error("cannot load the flagged image " + loaded.error);
        return std::move(loaded.image);
    }
    if (std::holds_alternative<AnnotatedImageValue>(empty)) return load_annotated_files(dir, cell);
    if (std::holds_alternative<ImageSliderValue>(empty)) return load_slider_files(dir, cell);
    if (std::holds_alternative<GalleryValue>(empty)) return load_gallery_files(dir, cell);
    if (const KindFileCodec* codec = kind_file_codec(kind); codec && codec->load) {
        ValueLoadResult loaded = codec->load((dir / cell).string());
        if (!loaded) {
            std::string what = kind_name(kind);
            std::transform(what.begin(), what.end(), what.begin(), [](unsigned char ch) { return (char)std::tolower(ch); });
            throw Error("cannot load the flagged " + what + " " + loaded.error);
        }
        return std::move(loaded.value);
    }
    throw Error(std::string("a ") + kind_name(kind) + " cannot be loaded from a flagged row");
}

}  // namespace

// A cell is read back by its kind (model/kinds/: from_cell); files by the flag file layer.
Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir) {
    if (!has_kind_traits(kind)) throw Error(missing_module_message(kind));
    const KindTraits& traits = kind_traits(kind);
    const Value empty = traits.default_value(props);
    if (cell.empty()) return empty;
    if (traits.from_cell) {
        ValueOrError read = traits.from_cell(kind, props, cell);
        if (auto* error = std::get_if<std::string>(&read)) throw Error(*error);
        return std::get<Value>(std::move(read));
    }
    try {
        return value_from_files(kind, empty, cell, dir);
    } catch (const Error&) {
        throw;
    } catch (const std::exception&) {
        throw Error(std::string("'") + cell + "' is not a value a " + kind_name(kind) + " can take");
    }
}

}  // namespace imgr

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

// One CSV record from pos (RFC 4180, as csv.h), advancing pos and line past
// it. A malformed record is skipped to its line's end and returned with the error.
FlaggedRecord next_csv_record(std::string_view text, size_t& pos, int& line) {
    FlaggedRecord record;
    record.line = line;
    const size_t n = text.size();
    auto skip_line = [&](const std::string& why) {
        record.error = why;
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
                    record.error = "the row is cut short: a quoted field is not closed before the end of the file";
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

void read_csv_log(const std::string& content, FlaggedLog& log) {
    size_t pos = 0;
    int line = 1;
    FlaggedRecord header = next_csv_record(content, pos, line);
    if (!header.error.empty()) {
        log.error = "line 1: " + header.error;
        return;
    }
    log.header = std::move(header.cells);
    while (pos < content.size()) {
        const bool blank = content[pos] == '\n' || content[pos] == '\r';
        if (blank) {  // written by no logger: skipped as Python's csv reader gives an empty row
            pos += content.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
            ++line;
            continue;
        }
        FlaggedRecord record = next_csv_record(content, pos, line);
        const bool ended = pos > 0 && (content[pos - 1] == '\n' || content[pos - 1] == '\r');
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

void read_jsonl_log(const std::string& content, FlaggedLog& log) {
    std::istringstream lines(content);
    std::string text;
    for (int line = 1; std::getline(lines, text); ++line) {
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (text.empty()) continue;
        FlaggedRecord record;
        record.line = line;
        try {
            const auto object = nlohmann::ordered_json::parse(text);
            if (!object.is_object()) throw std::invalid_argument("not a JSON object");
            if (log.header.empty())
                for (const auto& item : object.items()) log.header.push_back(item.key());
            for (const std::string& key : log.header) {
                if (!object.contains(key)) throw std::invalid_argument("no key \"" + key + "\"");
                record.cells.push_back(jsonl_cell(object[key]));
            }
            if (object.size() != log.header.size())
                throw std::invalid_argument(std::to_string(object.size()) + " keys where the first record has " +
                                            std::to_string(log.header.size()));
        } catch (const std::exception& e) {
            record.cells.clear();
            record.error = lines.eof() && content.back() != '\n' ? std::string("the row is cut short (") + e.what() + ")"
                                                                 : std::string("not a flagged record: ") + e.what();
        }
        log.records.push_back(std::move(record));
    }
}

}  // namespace

std::vector<std::filesystem::path> flagged_log_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const std::string extension : {".csv", ".jsonl"}) {
        std::map<int, std::filesystem::path> found;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            const int index = log_index(entry.path().filename().string(), extension);
            if (index >= 0 && entry.is_regular_file(ec)) found[index] = entry.path();
        }
        for (auto& [index, path] : found) files.push_back(std::move(path));
    }
    return files;
}

FlaggedLog read_flagged_log(const std::filesystem::path& file) {
    FlaggedLog log;
    log.path = file;
    const FileRead read = read_file(file);
    if (!read) {
        log.error = read.error;
        return log;
    }
    if (file.extension() == ".jsonl")
        read_jsonl_log(read.content, log);
    else
        read_csv_log(read.content, log);
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
