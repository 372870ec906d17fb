// Reading flagged samples back: the rows of a CSVLogger's or JSONLogger's
// current log file, as text for a table and as values to load into a demo.
// This is what the Interface's "Flagged" panel shows.
#pragma once
#include "imgr/engine/flagging/file_logger.h"
#include "imgr/model/component.h"

#include <filesystem>
#include <string>
#include <vector>

namespace imgr {

struct FlaggedRows {
    std::filesystem::path dir;                   // paths in cells are relative to it
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // cells as the file spells them (JSON values as compact text)
};

// Reads the logger's current file; an absent file is no rows. Throws Error
// with a one-line message when the file cannot be read or parsed.
FlaggedRows read_flagged_rows(FileLogger& logger);

// A cell back as the value a component of this kind holds; image cells are
// loaded from dir. Throws Error when the cell does not fit the kind.
Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir);

}  // namespace imgr
