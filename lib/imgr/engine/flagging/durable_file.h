// The POSIX file operations flagging relies on to never lose an acknowledged
// row: appends made of one write_all() then fsync, rolled back when cut short;
// directories synced after their entries change. Each returns an IoResult
// (model/io_result.h) whose message names the path and the OS's reason.
// Whole files are written with model/file_write.h and read with model/file_read.h.
#pragma once
#include "imgr/model/file_read.h"
#include "imgr/model/file_write.h"
#include "imgr/model/io_result.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace imgr {

struct [[nodiscard]] AppendResult : IoResult {  // ok(): the bytes are on disk (fsync'ed)
    bool was_empty = false;  // the file was new or empty, so `prefix` went first
    bool intact = true;      // after a failure: the file is as before (a cut-short write was rolled back)
};

// Appends `bytes` (preceded by `prefix` when the file is new or empty) on an
// O_APPEND descriptor under an exclusive flock, so another writer never
// interleaves, then fsync. A short write or failed fsync truncates the file
// back, so a reader never sees part of a record.
AppendResult append_durably(const std::filesystem::path& path, std::string_view prefix, std::string_view bytes);

// Cuts the file to `size` bytes and syncs it.
IoResult truncate_durably(const std::filesystem::path& path, size_t size);

// Creates the directory and its missing parents, syncing each parent that gained an entry.
IoResult create_directories_durably(const std::filesystem::path& path);

}  // namespace imgr
