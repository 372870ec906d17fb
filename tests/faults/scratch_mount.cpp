#include "faults/scratch_mount.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace imgr::test {

ScratchMount::ScratchMount(size_t bytes) : options_("size=" + std::to_string(bytes) + ",mode=0755") {
    std::string pattern = (std::filesystem::temp_directory_path() / "imgr_faults_XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        why_not_ = std::string("cannot create a folder to mount on: ") + std::strerror(errno);
        return;
    }
    path_ = pattern;
    if (::mount("tmpfs", path_.c_str(), "tmpfs", 0, options_.c_str()) != 0) {
        why_not_ = std::string("cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): ") + std::strerror(errno);
        return;
    }
    mounted_ = true;
}

ScratchMount::~ScratchMount() {
    // Lazy, so a descriptor a failed test left open cannot keep the mount alive.
    if (mounted_ && ::umount2(path_.c_str(), MNT_DETACH) != 0)
        std::fprintf(stderr, "cannot unmount %s: %s\n", path_.c_str(), std::strerror(errno));
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string ScratchMount::set_read_only(bool read_only) {
    const unsigned long flags = MS_REMOUNT | (read_only ? MS_RDONLY : 0UL);
    if (::mount("tmpfs", path_.c_str(), "tmpfs", flags, options_.c_str()) != 0)
        return std::string("cannot remount ") + (read_only ? "read-only" : "writable") + ": " + std::strerror(errno);
    return "";
}

std::filesystem::path fill_file_system(const std::filesystem::path& folder) {
    const std::filesystem::path filler = folder / "filler";
    const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE_MESSAGE(fd >= 0, "cannot create " << filler << ": " << std::strerror(errno));
    const std::vector<char> chunk(4096, 'f');
    int error = 0;
    for (;;) {
        const ssize_t n = ::write(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < (ssize_t)chunk.size()) {
            error = n < 0 ? errno : ENOSPC;
            break;
        }
    }
    ::close(fd);
    REQUIRE_MESSAGE(error == ENOSPC, "filling " << folder << " stopped with: " << std::strerror(error));
    return filler;
}

}  // namespace imgr::test
