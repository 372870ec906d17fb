// Numbered files in a folder (0.png, 1.png, ...): numbering continues after
// the highest number already there, and a number is taken by creating its
// file exclusively, so an existing file is never overwritten, even by another
// process numbering the same folder.
#pragma once
#include "imgr/model/io_result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace imgr {

// One more than the highest N of the files "N<extension>" in the folder; 0 when none (or no folder).
std::uint64_t next_file_number(const std::filesystem::path& folder, std::string_view extension);

struct [[nodiscard]] NumberedFile : IoResult {
    std::uint64_t number = 0;
    std::filesystem::path path;  // created empty, ours to fill
};

// Creates folder/N<extension> with O_EXCL for the first N >= first that is free.
NumberedFile reserve_numbered_file(const std::filesystem::path& folder, std::uint64_t first, std::string_view extension);

}  // namespace imgr
