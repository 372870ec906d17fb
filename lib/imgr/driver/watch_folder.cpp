#include "imgr/driver/watch_folder.h"

#include "imgr/model/file_read.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
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

WatchFolder process_folder(const std::filesystem::path& app_folder, long pid) {
    WatchFolder result;
    result.path = app_folder / std::to_string(pid);
    if (IoResult made = private_folder(result.path); !made) static_cast<IoResult&>(result) = made;
    return result;
}

std::vector<std::filesystem::path> orphaned_process_folders(const std::filesystem::path& app_folder) {
    std::vector<std::pair<long, std::filesystem::path>> found;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(app_folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name.size() > 10 || name.find_first_not_of("0123456789") != std::string::npos) continue;
        const long pid = std::stol(name);
        if (pid <= 0 || pid == (long)getpid() || !it->is_directory(ec) || it->is_symlink(ec)) continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to ask): its own
        found.emplace_back(pid, it->path());
    }
    std::sort(found.begin(), found.end());
    std::vector<std::filesystem::path> folders;
    for (auto& [pid, path] : found) folders.push_back(std::move(path));
    return folders;
}

long long process_start_ticks() {
    const FileRead stat = read_file("/proc/self/stat");
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count after its last ')'.
    const size_t close = stat.content.rfind(')');
    if (!stat || close == std::string::npos) return 0;
    std::istringstream fields(stat.content.substr(close + 1));
    std::string field;
    for (int n = 3; n <= 22; ++n)
        if (!(fields >> field)) return 0;
    return std::atoll(field.c_str());  // the 20th after ')': field 22
}

void remove_process_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}

}  // namespace imgr
