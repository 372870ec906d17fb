// Reading a whole file, the one way imgr does it (images, flagged log files).
#pragma once
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>

namespace imgr {

// ok() and error as every I/O result; os_error tells a missing file (ENOENT)
// from a folder (EISDIR) from the rest. content is empty on failure.
struct [[nodiscard]] FileRead : IoResult {
    std::string content;
};

// The message: "cannot open '<path>': <reason>" or "cannot read '<path>': <reason>".
FileRead read_file(const std::filesystem::path& path);

}  // namespace imgr
