#include "imgr/engine/flagging/durable_file.h"

#include <cerrno>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imgr {

namespace {

// Closes on every path out of a function.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int f) : fd(f) {}
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
};

}  // namespace

AppendResult append_durably(const std::filesystem::path& path, std::string_view prefix, std::string_view bytes) {
    Descriptor file(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (file.fd < 0) return AppendResult{os_failure("open", path.string(), errno)};
    // Another process flagging into the same file waits here rather than interleaving.
    while (::flock(file.fd, LOCK_EX) != 0) {
        if (errno != EINTR) return AppendResult{os_failure("lock", path.string(), errno)};
    }
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) return AppendResult{os_failure("inspect", path.string(), errno)};
    const off_t size = info.st_size;
    AppendResult result;
    result.was_empty = size == 0;
    std::string data;
    if (result.was_empty) data.assign(prefix);
    data.append(bytes);

    // Under the lock and O_APPEND, the record's bytes follow one another even
    // when the kernel takes them in more than one write().
    IoResult written = write_all(file.fd, data.data(), data.size(), path.string());
    if (written && ::fsync(file.fd) != 0) written = os_failure("sync", path.string(), errno);
    static_cast<IoResult&>(result) = std::move(written);
    if (!result) result.intact = ::ftruncate(file.fd, size) == 0 && ::fsync(file.fd) == 0;
    return result;
}

IoResult truncate_durably(const std::filesystem::path& path, size_t size) {
    Descriptor file(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (file.fd < 0) return os_failure("open", path.string(), errno);
    if (::ftruncate(file.fd, static_cast<off_t>(size)) != 0) return os_failure("truncate", path.string(), errno);
    if (::fsync(file.fd) != 0) return os_failure("sync", path.string(), errno);
    return IoResult::success();
}

IoResult create_directories_durably(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> missing;  // deepest first
    std::error_code ec;
    for (std::filesystem::path p = path; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    if (!std::filesystem::create_directories(path, ec) && ec) return os_failure("create folder", path.string(), ec.value());
    if (!std::filesystem::is_directory(path, ec)) return os_failure("create folder", path.string(), ENOTDIR);
    for (const std::filesystem::path& created : missing) {
        const std::filesystem::path parent = created.parent_path().empty() ? "." : created.parent_path();
        if (IoResult synced = sync_directory(parent); !synced) return synced;
    }
    return IoResult::success();
}

}  // namespace imgr
