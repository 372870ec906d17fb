#include "faults/read_only_view.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace imgr::test {

namespace {

std::string failed(const std::string& what) { return kNoReadOnlyView + what + ": " + std::strerror(errno); }

bool write_text(const char* path, const std::string& text) {
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == (ssize_t)text.size();
    ::close(fd);
    return ok;
}

// A remount may not drop the flags the mount already has (nosuid, nodev, noexec, ...):
// inside a user namespace they are locked, and the remount is refused with EPERM.
unsigned long kept_flags(const std::filesystem::path& folder) {
    struct statvfs info {};
    if (::statvfs(folder.c_str(), &info) != 0) return 0;
    unsigned long flags = 0;
    if (info.f_flag & ST_NOSUID) flags |= MS_NOSUID;
    if (info.f_flag & ST_NODEV) flags |= MS_NODEV;
    if (info.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
    if (info.f_flag & ST_NOATIME) flags |= MS_NOATIME;
    if (info.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
    if (info.f_flag & ST_RELATIME) flags |= MS_RELATIME;
    return flags;
}

}  // namespace

std::string enter_read_only_view(const std::filesystem::path& folder) {
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (uid == 0) {
        if (::unshare(CLONE_NEWNS) != 0) return failed("unshare(CLONE_NEWNS) as root");
    } else {
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return failed("not root, and unshare(CLONE_NEWUSER) was refused");
        // Our own user and group, as root of the new namespace (the files stay readable).
        if (!write_text("/proc/self/setgroups", "deny") ||
            !write_text("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1\n") ||
            !write_text("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1\n"))
            return failed("cannot map the user into its namespace");
    }
    // Private: the mounts below must not propagate back to the rest of the machine.
    if (::mount(nullptr, "/", nullptr, MS_PRIVATE | MS_REC, nullptr) != 0) return failed("cannot make / private");
    if (::mount(folder.c_str(), folder.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
        return failed("cannot bind-mount " + folder.string());
    if (::mount(nullptr, folder.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | kept_flags(folder), nullptr) != 0)
        return failed("cannot remount " + folder.string() + " read-only");
    // Never assumed: a new file must be refused.
    const std::filesystem::path probe = folder / ".write_probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ::close(fd);
        ::unlink(probe.c_str());
        return "the read-only view of " + folder.string() + " still took a new file";  // not kNoReadOnlyView: a failure
    }
    if (errno != EROFS) return failed("a new file in the view was refused, but not as a read-only file system");
    return "";
}

}  // namespace imgr::test
