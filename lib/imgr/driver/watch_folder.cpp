#include "imgr/driver/watch_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace imgr {
namespace {

// A folder we made for ourselves: a real directory (not a symlink to one), ours, closed to group and others.
IoResult private_folder(const std::filesystem::path& path) {
    if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return os_failure("create", path.string(), errno);
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) return os_failure("inspect", path.string(), errno);
    if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077) != 0)
        return IoResult::failure("'" + path.string() + "' is not a private folder of this user (a directory of "
                                 "yours, mode 0700): refusing to keep the state there");
    return IoResult::success();
}

// FNV-1a: the same path gives the same folder in every build of the app.
std::uint64_t path_hash(const std::string& text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

std::filesystem::path own_executable() {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : path;
}

WatchFolder watch_folder(const std::filesystem::path& executable) {
    WatchFolder result;
    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path base =
        std::filesystem::path(tmp && *tmp == '/' ? tmp : "/tmp") / ("imgr-watch-" + std::to_string(getuid()));
    if (IoResult made = private_folder(base); !made) {
        static_cast<IoResult&>(result) = made;
        return result;
    }
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", (unsigned long long)path_hash(executable.string()));
    std::string name = executable.filename().string();
    for (char& c : name)
        if (!(std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.')) c = '_';
    result.path = base / (name.substr(0, 64) + "-" + hash);
    if (IoResult made = private_folder(result.path); !made) static_cast<IoResult&>(result) = made;
    return result;
}

void clear_watch_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::remove(folder / "state.json", ec);
    std::filesystem::remove_all(folder / "values", ec);
}

}  // namespace imgr
