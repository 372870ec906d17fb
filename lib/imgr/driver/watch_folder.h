// Where --watch keeps an app's state between two builds (docs/watch.md):
// ${TMPDIR:-/tmp}/imgr-watch-<uid>/<program>-<hash of the executable's path>/<pid>/,
// one folder per executable, so the next start of the same build finds what a
// crash left, and in it one per process, so two windows of one build reloading
// at once never take each other's state. Only its owner may enter it: a folder
// at that place that is not a directory of ours closed to others (made by
// someone else, a symlink) is refused, never used.
#pragma once
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace imgr {

// The running program's executable, as the kernel knows it (/proc/self/exe), made absolute.
std::filesystem::path own_executable();

struct [[nodiscard]] WatchFolder : IoResult {
    std::filesystem::path path;
};

// The folder for `executable`, made (mode 0700) when missing.
WatchFolder watch_folder(const std::filesystem::path& executable);

// The folder of process `pid` inside the executable's, made (mode 0700) when missing.
WatchFolder process_folder(const std::filesystem::path& app_folder, long pid);

// Folders in the executable's folder left by processes that are gone (a crash before the
// new build restored), oldest pid first; a live process's folder is its own business.
std::vector<std::filesystem::path> orphaned_process_folders(const std::filesystem::path& app_folder);

// When this process started (/proc/self/stat, clock ticks since boot): an exec keeps it,
// so a state saved by this very process tells a reload from a new process given its pid.
long long process_start_ticks();

// Removes a process's folder and the state it holds.
void remove_process_folder(const std::filesystem::path& folder);

}  // namespace imgr
