#include "imgr/engine/flagging/durable_file.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imgr {

namespace {

std::string failure(const char* what, const std::filesystem::path& path, int error) {
    return std::string(what) + " '" + path.string() + "': " + std::strerror(error);
}

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

FileRead read_whole_file(const std::filesystem::path& path) {
    FileRead result;
    Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.fd < 0) {
        result.error = errno;
        return result;
    }
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            result.error = errno;  // EISDIR arrives here on Linux
            result.content.clear();
            return result;
        }
        if (n == 0) return result;
        result.content.append(buffer, static_cast<size_t>(n));
    }
}

AppendResult append_durably(const std::filesystem::path& path, std::string_view prefix, std::string_view bytes) {
    AppendResult result;
    Descriptor file(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (file.fd < 0) {
        result.error = failure("cannot open", path, errno);
        return result;
    }
    // Another process flagging into the same file waits here rather than interleaving.
    while (::flock(file.fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            result.error = failure("cannot lock", path, errno);
            return result;
        }
    }
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) {
        result.error = failure("cannot inspect", path, errno);
        return result;
    }
    const off_t size = info.st_size;
    result.was_empty = size == 0;
    std::string data;
    if (result.was_empty) data.assign(prefix);
    data.append(bytes);

    ssize_t written;
    do {
        written = ::write(file.fd, data.data(), data.size());  // one write: a record is never split across calls
    } while (written < 0 && errno == EINTR);
    if (written < 0) {
        result.error = failure("cannot write", path, errno);
        return result;
    }
    if (static_cast<size_t>(written) < data.size()) {
        result.error = "cannot write '" + path.string() + "': only " + std::to_string(written) + " of " +
                       std::to_string(data.size()) + " bytes written (disk full or file too large)";
    } else if (::fsync(file.fd) != 0) {
        result.error = failure("cannot sync", path, errno);
    }
    if (!result.error.empty()) result.intact = ::ftruncate(file.fd, size) == 0 && ::fsync(file.fd) == 0;
    return result;
}

std::string truncate_durably(const std::filesystem::path& path, size_t size) {
    Descriptor file(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (file.fd < 0) return failure("cannot open", path, errno);
    if (::ftruncate(file.fd, static_cast<off_t>(size)) != 0) return failure("cannot truncate", path, errno);
    if (::fsync(file.fd) != 0) return failure("cannot sync", path, errno);
    return "";
}

std::string sync_directory(const std::filesystem::path& path) {
    Descriptor dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd < 0) return failure("cannot open folder", path, errno);
    // Some file systems cannot sync a directory (EINVAL); their entries are as durable as they get.
    if (::fsync(dir.fd) != 0 && errno != EINVAL) return failure("cannot sync folder", path, errno);
    return "";
}

std::string create_directories_durably(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> missing;  // deepest first
    std::error_code ec;
    for (std::filesystem::path p = path; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    if (!std::filesystem::create_directories(path, ec) && ec) return failure("cannot create folder", path, ec.value());
    if (!std::filesystem::is_directory(path, ec)) return failure("cannot create folder", path, ENOTDIR);
    for (const std::filesystem::path& created : missing) {
        const std::filesystem::path parent = created.parent_path().empty() ? "." : created.parent_path();
        if (std::string error = sync_directory(parent); !error.empty()) return error;
    }
    return "";
}

}  // namespace imgr
