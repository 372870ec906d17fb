#include "imgr/engine/flagging/flag_columns.h"

#include "imgr/engine/flagging/safe_name.h"
#include "imgr/model/utf8.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace imgr {

bool is_log_file_name(const std::string& name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    // Case-insensitive: on macOS and Windows "Logs.csv" is the same file.
    std::string_view rest(lower);
    if (!rest.starts_with("logs")) return false;
    rest.remove_prefix(4);
    if (rest.starts_with("_")) {
        rest.remove_prefix(1);
        const size_t digits = std::min(rest.find_first_not_of("0123456789"), rest.size());
        if (digits == 0) return false;
        rest.remove_prefix(digits);
    }
    return rest == ".csv" || rest == ".jsonl";
}

namespace {

// The name itself when free, else name + " 1", name + " 2", ... (Gradio's way for repeated labels).
std::string first_free(const std::string& name, const std::set<std::string>& taken, bool (*reserved)(const std::string&)) {
    std::string candidate = name;
    for (int n = 1; taken.count(candidate) || reserved(candidate); ++n) candidate = name + " " + std::to_string(n);
    return candidate;
}

bool nothing_reserved(const std::string&) { return false; }

}  // namespace

FlagLayout plan_flag_columns(const std::vector<FlagField>& fields, bool flag_column, bool note_column,
                             std::vector<size_t> corrected_fields) {
    FlagLayout layout;
    // The logger's own columns keep their names; a component labelled "timestamp" becomes "timestamp 1".
    std::set<std::string> names = {"timestamp"};
    if (flag_column) names.insert("flag");
    if (note_column) names.insert("note");
    std::set<std::string> folders;
    for (size_t i = 0; i < fields.size(); ++i) {
        // Unnamed: called by its position, in the column (an empty label) and the folder (no usable characters).
        const std::string by_position = "component " + std::to_string(i);
        const std::string label = fields[i].label.empty() ? by_position : valid_utf8(fields[i].label);
        FlagColumn column;
        column.name = first_free(label, names, nothing_reserved);
        names.insert(column.name);
        if (is_file_kind(fields[i].kind)) {
            column.folder = first_free(safe_folder_name(column.name, by_position), folders, is_log_file_name);
            folders.insert(column.folder);
        }
        layout.header.push_back(column.name);
        layout.columns.push_back(std::move(column));
    }
    // Corrections follow the fields in field order, whatever order they were given in.
    std::sort(corrected_fields.begin(), corrected_fields.end());
    corrected_fields.erase(std::unique(corrected_fields.begin(), corrected_fields.end()), corrected_fields.end());
    for (size_t field : corrected_fields) {
        if (field >= fields.size())
            throw std::invalid_argument("a corrected field " + std::to_string(field) + " of " +
                                        std::to_string(fields.size()) + " flagged components");
        if (is_file_kind(fields[field].kind))
            throw std::invalid_argument("'" + fields[field].label + "' is saved as a file and cannot have a corrected column");
        // A component already labelled "Output (corrected)" keeps its column; the correction gets " 1".
        const std::string name = first_free(layout.columns[field].name + " (corrected)", names, nothing_reserved);
        names.insert(name);
        layout.header.push_back(name);
    }
    layout.corrected_fields = std::move(corrected_fields);
    if (note_column) layout.header.push_back("note");
    if (flag_column) layout.header.push_back("flag");
    layout.header.push_back("timestamp");
    return layout;
}

}  // namespace imgr
