// Reading a folder someone else wrote (a flagged folder: replay, examples, the
// Flagged panel). A name read from one of its files — a CSV cell, a mask path
// in an annotations file — must lead to a regular file inside the folder after
// every symbolic link is resolved: an absolute path, ".." that leaves it, a
// symlink pointing out, a FIFO, a device or a socket is refused, and nothing
// is read past a size limit. Opened with openat2(RESOLVE_BENEATH), or, where
// the kernel lacks it, opened and then checked by the path of the descriptor.
// Opened non-blocking, so a FIFO or a device can never hang the reader.
#pragma once
#include "imgr/model/file_read.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace imgr {

// The largest file read into memory from a folder (an image, a WAV, a JSON file beside a cell).
inline constexpr std::uint64_t kMaxFolderFileBytes = std::uint64_t(256) << 20;

// A regular file inside the folder, open for reading (closed with it), or why not.
class [[nodiscard]] BeneathFile : public IoResult {
public:
    BeneathFile() = default;
    BeneathFile(IoResult failure, bool refused) : IoResult(std::move(failure)), refused(refused) {}
    explicit BeneathFile(int fd, std::uint64_t size) : size(size), fd_(fd) {}
    BeneathFile(BeneathFile&& other) noexcept;
    BeneathFile& operator=(BeneathFile&& other) noexcept;
    ~BeneathFile();

    int fd() const { return fd_; }
    std::uint64_t size = 0;   // as fstat saw it at open
    // Failure because the folder's content is refused (outside it, not a regular
    // file, too large), not because the OS failed: the message stands alone
    // ("\"x\" is outside the flagged folder") and needs no "cannot load ..." before it.
    bool refused = false;

    // The path the descriptor resolves to (readlink of /proc/self/fd/N): inside
    // the folder, for a library that opens files by name. Empty when unknown.
    std::string resolved_path() const;

private:
    int fd_ = -1;
};

// Opens `name`, a path relative to `dir` as the folder's files spell it.
BeneathFile open_beneath(const std::filesystem::path& dir, std::string_view name);

struct [[nodiscard]] BeneathRead : FileRead {
    bool refused = false;     // as BeneathFile::refused
};

// The whole file, refused when larger than max_bytes.
BeneathRead read_beneath(const std::filesystem::path& dir, std::string_view name,
                         std::uint64_t max_bytes = kMaxFolderFileBytes);

namespace detail {
// The fallback open_beneath takes when the kernel has no openat2 (before Linux 5.6):
// open, then check the descriptor's path. Public for its tests.
BeneathFile open_beneath_by_checking(const std::filesystem::path& dir, std::string_view name);
}  // namespace detail

}  // namespace imgr
