// How a value of a kind flagged as files (model/kinds/: a flag_file_extension)
// is written when flagged and read back from a flagged row: the flag file layer
// asks flag_files(kind) instead of testing the value's type. One entry per core
// kind, listed in flag_file_kinds.cpp next to the file unit that does the work
// (annotated_files, slider_files, ...); a module's kind (Audio, Video) is served
// by the codec its module registered (model/kind_files.h), through the same entry.
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/io_result.h"
#include "imgr/model/value.h"

#include <filesystem>
#include <string>

namespace imgr {

struct FlagFiles {
    // The kind's value, with something to write: an empty image, conversation or
    // gallery leaves the cell empty and writes nothing.
    bool (*has_content)(ComponentKind kind, const Value& value) = nullptr;
    // Writes `value` to `path`, the file (or, for a numbered-folder kind, the folder)
    // reserved for it, durably: the row will point at it. `folder_name` is the
    // column's folder, which a file naming other files (annotations) records.
    IoResult (*save)(ComponentKind kind, const std::filesystem::path& path, const std::string& folder_name,
                     const Value& value) = nullptr;
    // The value a flagged cell names, loaded from inside `dir` only (folder_files.h);
    // throws FolderRefusal or Error saying what is wrong.
    Value (*load)(ComponentKind kind, const std::filesystem::path& dir, const std::string& cell) = nullptr;
    bool numbered_folders = false;  // each value is a folder N/ (a Gallery's items), not a file N.ext
};

// Null for a kind flagged as a CSV cell, or a module's kind whose module is not linked.
const FlagFiles* flag_files(ComponentKind kind);

}  // namespace imgr
