#include "imgr/engine/flagging/flagged_examples.h"

#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/folder_reader.h"
#include "imgr/model/quoted_text.h"

#include <algorithm>

namespace imgr {

namespace {

namespace fs = std::filesystem;

constexpr size_t kSkippedRowsRead = 1000;  // unreadable rows read past before a file's rest is left unread

// One row's values for the inputs; throws Error naming what does not fit.
FlaggedExample example_of(const FlaggedRecord& record, const std::vector<size_t>& columns, int flag_column,
                          const std::vector<ExampleInput>& inputs, const fs::path& dir) {
    FlaggedExample example;
    example.dir = dir;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const std::string& cell = record.cells.at(columns[i]);
        example.cells.push_back(cell);
        if (inputs[i].kind != ComponentKind::Image) {
            example.values.push_back(value_from_cell(inputs[i].kind, inputs[i].props, cell, dir));
            continue;
        }
        // Images stay names until shown or clicked, so a large folder costs no memory up
        // front; the name must already lead to a regular file inside the folder.
        if (!cell.empty()) {
            const BeneathFile file = open_beneath(dir, cell);
            if (!file && file.refused) throw FolderRefusal(file.error);
            if (!file) throw Error("its image '" + printable(shortened(cell)) + "' is missing");
        }
        example.values.push_back(cell.empty() ? std::string() : (dir / cell).lexically_normal().string());
    }
    if (flag_column >= 0) example.flag = record.cells.at((size_t)flag_column);
    return example;
}

}  // namespace

ImageBuffer load_example_image(const FlaggedExample& example, size_t i) {
    if (i >= example.cells.size() || example.cells[i].empty()) return ImageBuffer{};
    return load_folder_image(example.dir, example.cells[i]);
}

FlaggedExamples read_flagged_examples(const fs::path& dir, const std::vector<ExampleInput>& inputs, size_t max_rows) {
    FlaggedExamples result;
    const std::vector<fs::path> files = flagged_log_files(dir);  // CSV first, each kind by number: as the loggers fill them
    if (files.empty()) result.problems.push_back("no flagged data in '" + dir.string() + "' (no logs.csv or logs.jsonl)");
    for (const fs::path& file : files) {
        const std::string name = file.filename().string();
        // A million rows are not parsed to show a hundred: what still fits, room for
        // skipped rows, and one more to know whether rows were left out.
        const size_t most = max_rows - result.rows.size() + 1 + kSkippedRowsRead;
        const FlaggedLog log = read_flagged_log(file, most);
        if (!log.error.empty()) {
            result.problems.push_back(name + ": " + log.error);
            continue;
        }
        if (log.records.empty()) continue;  // a header alone
        std::vector<size_t> columns;
        for (const ExampleInput& input : inputs) {
            const auto found = std::find(log.header.begin(), log.header.end(), input.label);
            if (found == log.header.end()) break;
            columns.push_back((size_t)(found - log.header.begin()));
        }
        if (columns.size() < inputs.size()) {
            result.problems.push_back(name + ": no column '" + inputs[columns.size()].label + "'; its rows are skipped");
            continue;
        }
        const auto flag = std::find(log.header.begin(), log.header.end(), "flag");
        const int flag_column = flag == log.header.end() ? -1 : (int)(flag - log.header.begin());
        result.has_flag_column = result.has_flag_column || flag_column >= 0;
        for (const FlaggedRecord& record : log.records) {
            if (result.rows.size() >= max_rows) {
                result.problems.push_back("only the first " + std::to_string(max_rows) + " flagged rows are shown");
                return result;
            }
            const std::string where = name + ":" + std::to_string(record.line);
            if (!record.error.empty()) {
                result.problems.push_back(where + ": " + record.error + "; skipped");
                continue;
            }
            try {
                result.rows.push_back(example_of(record, columns, flag_column, inputs, dir));
                result.rows.back().source = where;
            } catch (const std::exception& e) {
                result.problems.push_back(where + ": " + e.what() + "; skipped");
            }
        }
        if (log.records.size() >= most)
            result.problems.push_back(name + ": only its first " + std::to_string(most) + " records were read");
    }
    return result;
}

}  // namespace imgr
