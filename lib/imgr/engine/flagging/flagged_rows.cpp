#include "imgr/engine/flagging/flagged_rows.h"

#include <algorithm>

#include "imgr/engine/flagging/flag_file_kinds.h"
#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/kind_traits.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

namespace imgr {

FlaggedRows read_flagged_rows(FileLogger& logger) {
    FlaggedRows result;
    const std::filesystem::path path = logger.log_path();
    result.dir = path.parent_path();
    result.header = logger.header();
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return result;  // nothing flagged yet
    // The reader replay uses too: a row that cannot be read is left out
    // (replay names it), the others are listed.
    FlaggedLog log = read_flagged_log(path);
    if (!log.error.empty()) throw Error("cannot read the flagged rows in " + quoted_excerpt(path.string()) + ": " + log.error);
    if (path.extension() == ".jsonl") {
        // Cells by the logger's own columns, wherever the file's first record put them.
        std::vector<int> at;
        for (const std::string& key : result.header) {
            const auto it = std::find(log.header.begin(), log.header.end(), key);
            at.push_back(it == log.header.end() ? -1 : (int)(it - log.header.begin()));
        }
        for (FlaggedRecord& record : log.records) {
            if (!record.error.empty()) continue;
            std::vector<std::string> row;
            for (int i : at) row.push_back(i < 0 ? "" : std::move(record.cells[(size_t)i]));
            result.rows.push_back(std::move(row));
        }
        return result;
    }
    for (FlaggedRecord& record : log.records)
        if (record.error.empty()) result.rows.push_back(std::move(record.cells));
    return result;
}

// A cell is read back by its kind (model/kinds/: from_cell); files by the flag file layer.
Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir) {
    if (!has_kind_traits(kind)) throw Error(missing_module_message(kind));
    const KindTraits& traits = kind_traits(kind);
    const Value empty = traits.default_value(props);
    if (cell.empty()) return empty;
    if (cell.size() > kMaxFlaggedRowBytes) throw Error("the cell is " + std::to_string(cell.size()) + " bytes, more than a row may hold");
    if (traits.from_cell) {
        ValueOrError read = traits.from_cell(kind, props, cell);
        if (auto* error = std::get_if<std::string>(&read)) throw Error(*error);
        return std::get<Value>(std::move(read));
    }
    const FlagFiles* files = flag_files(kind);
    if (!files) throw Error(std::string("a ") + kind_name(kind) + " cannot be loaded from a flagged row");
    try {
        return files->load(kind, dir, cell);
    } catch (const Error&) {
        throw;
    } catch (const std::exception&) {
        throw Error(quoted_excerpt(cell) + " is not a value a " + kind_name(kind) + " can take");
    }
}

}  // namespace imgr
