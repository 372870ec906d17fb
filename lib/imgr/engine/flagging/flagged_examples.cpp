#include "imgr/engine/flagging/flagged_examples.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/flag_columns.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/messages.h"
#include "imgr/model/file_read.h"

#include <algorithm>
#include <sstream>

namespace imgr {

namespace {

namespace fs = std::filesystem;

struct LogFile {
    fs::path path;
    bool jsonl = false;
    long number = 0;  // logs.csv is 0, logs_3.csv is 3
};

// The folder's log files, CSV first, each kind by number: the order the loggers fill them.
std::vector<LogFile> log_files(const fs::path& dir) {
    std::vector<LogFile> files;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!is_log_file_name(name) || !entry.is_regular_file(ec)) continue;
        LogFile file{entry.path(), entry.path().extension() == ".jsonl", 0};
        if (const size_t underscore = name.find('_'); underscore != std::string::npos)
            file.number = std::strtol(name.c_str() + underscore + 1, nullptr, 10);
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(), [](const LogFile& a, const LogFile& b) {
        return a.jsonl != b.jsonl ? !a.jsonl : a.number < b.number;
    });
    return files;
}

// A file's records as header + rows of cells (JSON values other than strings as compact text).
std::vector<CsvRow> records_of(const LogFile& file, const std::string& content) {
    if (!file.jsonl) return parse_csv(content);
    std::vector<CsvRow> records(1);  // records[0]: the keys of the first record, as a header
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        const Json record = Json::parse(line);
        if (!record.is_object()) throw std::runtime_error("a line that is not a JSON object");
        if (records.size() == 1)
            for (const auto& item : record.items()) records[0].push_back(item.key());
        CsvRow row;
        for (const std::string& key : records[0]) {
            const Json cell = record.contains(key) ? record[key] : Json(nullptr);
            row.push_back(cell.is_string() ? cell.get<std::string>() : cell.is_null() ? "" : cell.dump());
        }
        records.push_back(std::move(row));
    }
    return records;
}

// One row's values for the inputs; throws Error naming what does not fit.
FlaggedExample example_of(const CsvRow& row, const std::vector<size_t>& columns, long flag_column,
                          const std::vector<ExampleInput>& inputs, const fs::path& dir) {
    FlaggedExample example;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const std::string& cell = row.at(columns[i]);
        if (inputs[i].kind != ComponentKind::Image) {
            example.values.push_back(value_from_cell(inputs[i].kind, inputs[i].props, cell, dir));
            continue;
        }
        // Images stay paths until shown or clicked, so a large folder costs no memory up front.
        const fs::path image = cell.empty() ? fs::path() : (dir / cell).lexically_normal();
        std::error_code ec;
        if (!image.empty() && !fs::is_regular_file(image, ec))
            throw Error("its image '" + cell + "' is missing");
        example.values.push_back(image.string());
    }
    if (flag_column >= 0) example.flag = row.at((size_t)flag_column);
    return example;
}

}  // namespace

FlaggedExamples read_flagged_examples(const fs::path& dir, const std::vector<ExampleInput>& inputs, size_t max_rows) {
    FlaggedExamples result;
    const std::vector<LogFile> files = log_files(dir);
    if (files.empty()) result.problems.push_back("no flagged data in '" + dir.string() + "' (no logs.csv or logs.jsonl)");
    for (const LogFile& file : files) {
        const std::string name = file.path.filename().string();
        const FileRead read = read_file(file.path);
        if (!read) {
            result.problems.push_back(name + ": " + read.error);
            continue;
        }
        std::vector<CsvRow> records;
        try {
            records = records_of(file, read.content);
        } catch (const std::exception& e) {
            result.problems.push_back(name + ": cannot be read: " + e.what());
            continue;
        }
        if (records.size() < 2) continue;  // a header alone
        const CsvRow& header = records[0];
        std::vector<size_t> columns;
        for (const ExampleInput& input : inputs) {
            const auto found = std::find(header.begin(), header.end(), input.label);
            if (found == header.end()) break;
            columns.push_back((size_t)(found - header.begin()));
        }
        if (columns.size() < inputs.size()) {
            result.problems.push_back(name + ": no column '" + inputs[columns.size()].label + "'; its rows are skipped");
            continue;
        }
        const auto flag = std::find(header.begin(), header.end(), "flag");
        const long flag_column = flag == header.end() ? -1 : (long)(flag - header.begin());
        result.has_flag_column = result.has_flag_column || flag_column >= 0;
        for (size_t r = 1; r < records.size(); ++r) {
            if (result.rows.size() >= max_rows) {
                result.problems.push_back("only the first " + std::to_string(max_rows) + " flagged rows are shown");
                return result;
            }
            const std::string where = name + ":" + std::to_string(r + 1);  // a record's number, the header being 1
            if (records[r].size() != header.size()) {
                result.problems.push_back(where + ": " + std::to_string(records[r].size()) + " cells under " +
                                          std::to_string(header.size()) + " columns; skipped");
                continue;
            }
            try {
                result.rows.push_back(example_of(records[r], columns, flag_column, inputs, dir));
                result.rows.back().source = where;
            } catch (const std::exception& e) {
                result.problems.push_back(where + ": " + e.what() + "; skipped");
            }
        }
    }
    return result;
}

}  // namespace imgr
