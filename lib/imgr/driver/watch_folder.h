// Where --watch keeps an app's state between two builds (docs/watch.md):
// ${TMPDIR:-/tmp}/imgr-watch-<uid>/<program>-<hash of the executable's path>/,
// one folder per executable, so the next start of the same build finds what a
// crash left. Only its owner may enter it: a folder at that place that is not
// a directory of ours closed to others (made by someone else, a symlink) is
// refused, never used.
#pragma once
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>

namespace imgr {

// The running program's executable, as the kernel knows it (/proc/self/exe), made absolute.
std::filesystem::path own_executable();

struct [[nodiscard]] WatchFolder : IoResult {
    std::filesystem::path path;
};

// The folder for `executable`, made (mode 0700) when missing.
WatchFolder watch_folder(const std::filesystem::path& executable);

// Removes the state the folder holds after it was restored (the folder itself stays).
void clear_watch_folder(const std::filesystem::path& folder);

}  // namespace imgr
