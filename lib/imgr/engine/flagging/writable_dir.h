// Whether flagged rows can be written under a folder, asked when a logger is
// set up: a flagging folder on /proc or /sys, or under a folder the app may
// not write, is said at start-up, not discovered at the first flag.
#pragma once
#include <filesystem>
#include <string>

namespace imgr {

// "" when the folder, or the nearest folder above it that exists, looks writable;
// else why rows cannot be written there. A hint, not a promise: the write itself decides.
std::string why_flags_cannot_be_written(const std::filesystem::path& dir);

}  // namespace imgr
