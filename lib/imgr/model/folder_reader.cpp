#include "imgr/model/folder_reader.h"

#include "imgr/model/quoted_text.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace imgr {

BeneathFile::BeneathFile(BeneathFile&& other) noexcept
    : IoResult(std::move(other)), size(other.size), refused(other.refused), fd_(other.fd_) {
    other.fd_ = -1;
}

BeneathFile& BeneathFile::operator=(BeneathFile&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        IoResult::operator=(std::move(other));
        size = other.size;
        refused = other.refused;
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

BeneathFile::~BeneathFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string BeneathFile::resolved_path() const {
    if (fd_ < 0) return "";
    char target[4096];
    const std::string link = "/proc/self/fd/" + std::to_string(fd_);
    const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
    if (n <= 0 || (size_t)n >= sizeof target) return "";
    return std::string(target, (size_t)n);
}

namespace {

constexpr int kOpenFlags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;

BeneathFile refuse(std::string_view name, const std::string& why, int os_error) {
    return BeneathFile(IoResult::failure(quoted_excerpt(name) + " " + why, os_error), true);
}

BeneathFile outside(std::string_view name) { return refuse(name, "is outside the flagged folder", EXDEV); }

BeneathFile failed(std::string_view name, int error_number) {
    if (error_number == EXDEV) return outside(name);
    if (error_number == ELOOP) return refuse(name, "is a loop of symbolic links, or a link the folder may not use", ELOOP);
    // open() of a socket, or of a device without its driver.
    if (error_number == ENXIO) return refuse(name, "is not a regular file (a socket or a device)", ENXIO);
    return BeneathFile(IoResult::failure("cannot open " + quoted_excerpt(name) + ": " + std::strerror(error_number), error_number),
                       false);
}

const char* file_type_name(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// The descriptor is ours once this is called: a regular file keeps it, anything else closes it.
BeneathFile checked(int fd, std::string_view name) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int error_number = errno;
        ::close(fd);
        return failed(name, error_number);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return refuse(name, std::string("is not a regular file (") + file_type_name(st.st_mode) + ")", EINVAL);
    }
    return BeneathFile(fd, (std::uint64_t)st.st_size);
}

class FolderFd {
public:
    explicit FolderFd(const std::filesystem::path& dir) : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}
    ~FolderFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    FolderFd(const FolderFd&) = delete;
    FolderFd& operator=(const FolderFd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::string real_folder_path(int dir_fd) {
    char target[4096];
    const std::string link = "/proc/self/fd/" + std::to_string(dir_fd);
    const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
    if (n <= 0 || (size_t)n >= sizeof target) return "";
    return std::string(target, (size_t)n);
}

BeneathFile open_by_checking(int dir_fd, std::string_view name) {
    const std::string folder = real_folder_path(dir_fd);
    if (folder.empty()) return failed(name, ENOENT);
    const int fd = ::openat(dir_fd, std::string(name).c_str(), kOpenFlags);
    if (fd < 0) return failed(name, errno);
    BeneathFile file = checked(fd, name);
    if (!file) return file;
    const std::string path = file.resolved_path();
    const std::string prefix = folder == "/" ? folder : folder + "/";
    if (!path.starts_with(prefix)) return outside(name);
    return file;
}

// Refused before any system call: what can only name something outside.
bool plainly_outside(std::string_view name) { return name.front() == '/'; }

}  // namespace

namespace detail {
BeneathFile open_beneath_by_checking(const std::filesystem::path& dir, std::string_view name) {
    if (name.empty() || name.find('\0') != std::string_view::npos) return refuse(name, "is not a file name", EINVAL);
    if (plainly_outside(name)) return outside(name);
    const FolderFd folder(dir);
    if (folder.get() < 0) return failed(dir.string(), errno);
    return open_by_checking(folder.get(), name);
}
}  // namespace detail

BeneathFile open_beneath(const std::filesystem::path& dir, std::string_view name) {
    if (name.empty() || name.find('\0') != std::string_view::npos) return refuse(name, "is not a file name", EINVAL);
    if (plainly_outside(name)) return outside(name);
    const FolderFd folder(dir);
    if (folder.get() < 0) return failed(dir.string(), errno);
    open_how how{};
    how.flags = kOpenFlags;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    const std::string path(name);
    const long fd = ::syscall(SYS_openat2, folder.get(), path.c_str(), &how, sizeof how);
    // ENOSYS: a kernel before 5.6; EPERM: a seccomp filter that does not know the call.
    if (fd < 0 && (errno == ENOSYS || errno == EPERM)) return open_by_checking(folder.get(), name);
    if (fd < 0) return failed(name, errno);
    return checked((int)fd, name);
}

BeneathRead read_beneath(const std::filesystem::path& dir, std::string_view name, std::uint64_t max_bytes) {
    BeneathRead result;
    BeneathFile file = open_beneath(dir, name);
    if (!file) {
        result.error = file.error;
        result.os_error = file.os_error;
        result.refused = file.refused;
        return result;
    }
    auto too_large = [&] {
        result.content.clear();
        result.error = quoted_excerpt(name) + " is more than " + std::to_string(max_bytes) + " bytes, the limit for a file read from the folder";
        result.os_error = EFBIG;
        result.refused = true;
        return result;
    };
    if (file.size > max_bytes) return too_large();
    result.content.reserve((size_t)file.size);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(file.fd(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            result.content.clear();
            result.error = "cannot read " + quoted_excerpt(name) + ": " + std::strerror(errno);
            result.os_error = errno;
            return result;
        }
        if (n == 0) break;
        if (result.content.size() + (size_t)n > max_bytes) return too_large();  // it grew since fstat
        result.content.append(buffer, (size_t)n);
    }
    return result;
}

}  // namespace imgr
