// A folder that a test can make read-only and writable again. Permission bits
// do not stop root (the CI machine runs tests as root), so as root it is a
// tmpfs remounted read-only; otherwise chmod 0555 (0444 for files). Each switch is checked by
// really trying to create a file, so "read-only" is never assumed.
#pragma once
#include "faults/scratch_mount.h"

#include <filesystem>
#include <memory>
#include <string>

namespace imgr::test {

class ReadOnlyFolder {
public:
    ReadOnlyFolder();
    ~ReadOnlyFolder();
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

    bool available() const { return why_not_.empty(); }
    const std::string& why_not() const { return why_not_; }  // why this machine cannot make one
    const std::filesystem::path& path() const { return path_; }  // exists, writable at first
    std::string how() const { return mount_ ? "a tmpfs remounted read-only" : "chmod 0555 of the folder and its files"; }

    // What a write is told: "Read-only file system" or "Permission denied".
    std::string refusal() const { return mount_ ? "Read-only file system" : "Permission denied"; }

    // "" once the folder refuses (or accepts) a new file, or why it could not be switched.
    std::string set_read_only(bool read_only);

private:
    std::unique_ptr<ScratchMount> mount_;  // as root
    std::filesystem::path owned_;          // otherwise: a temporary folder of ours
    std::filesystem::path path_;
    std::string why_not_;
};

}  // namespace imgr::test
