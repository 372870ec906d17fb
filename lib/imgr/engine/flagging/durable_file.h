// The POSIX file operations flagging relies on to never lose an acknowledged
// row: appends made of one write() then fsync, rolled back when cut short;
// directories synced after their entries change. Each returns "" or a
// one-line reason naming the path.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace imgr {

struct FileRead {
    std::string content;
    int error = 0;  // errno: ENOENT when missing, EISDIR for a directory, ...
};
FileRead read_whole_file(const std::filesystem::path& path);

struct AppendResult {
    std::string error;       // "" when the bytes are on disk (fsync'ed)
    bool was_empty = false;  // the file was new or empty, so `prefix` went first
    bool intact = true;      // after a failure: the file is as before (a cut-short write was rolled back)
};

// Appends `bytes` (preceded by `prefix` when the file is new or empty) with a
// single write() on an O_APPEND descriptor under an exclusive flock, then
// fsync. A short write or failed fsync truncates the file back, so a reader
// never sees part of a record.
AppendResult append_durably(const std::filesystem::path& path, std::string_view prefix, std::string_view bytes);

// Cuts the file to `size` bytes and syncs it.
std::string truncate_durably(const std::filesystem::path& path, size_t size);

// Creates the directory and its missing parents, syncing each parent that gained an entry.
std::string create_directories_durably(const std::filesystem::path& path);

// fsync on a directory: makes a new or renamed entry in it survive a crash.
std::string sync_directory(const std::filesystem::path& path);

}  // namespace imgr
