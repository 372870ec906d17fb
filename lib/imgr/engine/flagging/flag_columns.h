// The columns of a flagging log: which header cell and which folder each
// flagged component gets, so that no two collide with each other or with the
// logger's own `flag` and `timestamp` columns and log files.
#pragma once
#include "imgr/engine/flagging/flagging_callback.h"

#include <string>
#include <vector>

namespace imgr {

struct FlagColumn {
    std::string name;    // header cell: the label (valid UTF-8), "component N" when empty; repeats get " 1", " 2", ...
    std::string folder;  // for file kinds: a safe folder name, distinct from other columns' and from log files; else ""
};

struct FlagLayout {
    std::vector<FlagColumn> columns;  // one per field, in order
    std::vector<std::string> header;  // the column names, then "<name> (corrected)" per corrected field,
                                      // then "note", "flag" when used, then "timestamp"
    std::vector<size_t> corrected_fields;  // the fields with a "(corrected)" column, in field order
};

// note_column and corrected_fields as in FlagSetup; a corrected field that is
// not one of `fields` throws std::invalid_argument.
FlagLayout plan_flag_columns(const std::vector<FlagField>& fields, bool flag_column, bool note_column = false,
                             std::vector<size_t> corrected_fields = {});

// "logs.csv", "logs_3.jsonl", ...: names a folder must not take in the flagging directory.
bool is_log_file_name(const std::string& name);

}  // namespace imgr
