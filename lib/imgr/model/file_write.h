// The one way imgr writes a file: flagged images and screenshots, recorded
// frames, every PNG. The bytes go to a temporary file in the same folder,
// which is then renamed over the final name, so a reader (or a crash) never
// sees half a file under it: the old file or the new one, nothing between.
//
// Durability says whether a power cut may still lose the new file:
//   Fsync    flagged data: the file is fsync'ed before the rename and the folder
//            after it, so a file reported written is on disk (docs/flagging.md: flagging
//            never loses an acknowledged row, nor the image it points at).
//   NoFsync  screenshots and recorded frames: atomic all the same, but left to
//            the kernel to flush (a recording writes dozens of frames a second).
//
// write_all() is the loop every write to a descriptor goes through (files,
// appended log rows, the pipe to ffmpeg): it retries after EINTR and goes on
// after a partial write, until every byte is taken or the OS says why not.
#pragma once
#include "imgr/model/io_result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace imgr {

enum class Durability { NoFsync, Fsync };

// Writes `size` bytes to `path` atomically (see above); the folder must exist.
// On failure the temporary file is removed and an existing file at `path` is
// left as it was; the message names `path` and the OS's reason.
IoResult write_file_atomically(const std::filesystem::path& path, const void* data, size_t size,
                               Durability durability);

// Every byte to `fd`, whatever the partial writes and interruptions on the way.
// `name` is what the message calls the destination (a path, "the pipe to ffmpeg").
// After a failure part of the bytes may have been written: the message says
// how many ("only 12 of 80 bytes written: No space left on device").
IoResult write_all(int fd, const void* data, size_t size, const std::string& name);

// fsync on a folder: makes a new or renamed entry in it survive a crash.
IoResult sync_directory(const std::filesystem::path& path);

}  // namespace imgr
