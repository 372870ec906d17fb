#include "imgr/engine/flagging/writable_dir.h"

#include <cerrno>
#include <cstring>

#include <linux/magic.h>
#include <sys/statfs.h>
#include <unistd.h>

namespace imgr {

namespace {

// File systems the kernel makes up: they hold no files of ours, whatever the permissions say.
const char* kernel_file_system(const std::filesystem::path& path) {
    struct statfs fs {};
    if (::statfs(path.c_str(), &fs) != 0) return nullptr;
    switch (fs.f_type) {
    case PROC_SUPER_MAGIC: return "/proc";
    case SYSFS_MAGIC: return "/sys";
    case DEVPTS_SUPER_MAGIC: return "devpts";
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC: return "cgroup";
    case DEBUGFS_MAGIC: return "debugfs";
    case SECURITYFS_MAGIC: return "securityfs";
    default: return nullptr;
    }
}

}  // namespace

std::string why_flags_cannot_be_written(const std::filesystem::path& dir) {
    std::filesystem::path existing = dir;
    std::error_code ec;
    while (!std::filesystem::exists(existing, ec) && existing.has_parent_path() && existing != existing.parent_path())
        existing = existing.parent_path();
    if (const char* kernel = kernel_file_system(existing))
        return "'" + dir.string() + "' is on " + kernel + ", a file system of the kernel: flagged rows cannot be written there";
    if (!std::filesystem::is_directory(existing, ec)) return "";  // a file in the way: the logger says so itself
    if (::access(existing.c_str(), W_OK | X_OK) != 0)
        return "'" + dir.string() + "' cannot be written (" +
               (existing == dir ? std::string() : "'" + existing.string() + "': ") + std::strerror(errno) + ")";
    return "";
}

}  // namespace imgr
