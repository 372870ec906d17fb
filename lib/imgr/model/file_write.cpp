#include "imgr/model/file_write.h"

#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace imgr {
namespace fs = std::filesystem;

namespace {

// Hidden, beside the file, unique to this process and call: two writers (a
// recording's threads, two apps) never share one, and no numbering scan
// ("N.png") or frame pattern ever matches one a crash left behind.
fs::path temporary_path_for(const fs::path& path) {
    static std::atomic<unsigned long> next{0};
    std::string name = path.filename().string();
    if (name.size() > 200) name.resize(200);  // the temporary's name stays under NAME_MAX (255)
    return path.parent_path() /
           ("." + name + "." + std::to_string(::getpid()) + "-" + std::to_string(next++) + ".partial");
}

IoResult cannot_create(const fs::path& path, int error_number) {
    const fs::path folder = path.parent_path();
    std::error_code ec;
    if (error_number == ENOENT && !folder.empty() && !fs::is_directory(folder, ec))
        return IoResult::failure("cannot write '" + path.string() + "': folder '" + folder.string() + "' does not exist",
                                 ENOENT);
    return os_failure("write", path.string(), error_number);
}

}  // namespace

IoResult write_all(int fd, const void* data, size_t size, const std::string& name) {
    const auto* bytes = static_cast<const uint8_t*>(data);
    size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, bytes + written, size - written);
        if (n < 0 && errno == EINTR) continue;
        if (n > 0) {
            written += (size_t)n;
            continue;
        }
        // write() returning 0 for a non-empty buffer means the device takes no more.
        const int error_number = n < 0 ? errno : ENOSPC;
        if (written == 0) return os_failure("write", name, error_number);
        return IoResult::failure("cannot write '" + name + "': only " + std::to_string(written) + " of " +
                                     std::to_string(size) + " bytes written: " + std::strerror(error_number),
                                 error_number);
    }
    return IoResult::success();
}

IoResult write_file_atomically(const fs::path& path, const void* data, size_t size, Durability durability) {
    fs::path temporary;
    int fd = -1;
    // EEXIST only when a crashed process of the same pid left its temporary: the next name is free.
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temporary = temporary_path_for(path);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return cannot_create(path, errno);

    const std::string shown = path.string();
    IoResult result = write_all(fd, data, size, shown);
    if (result && durability == Durability::Fsync && ::fsync(fd) != 0) result = os_failure("write", shown, errno);
    // Network file systems may report a failed write only at close.
    if (::close(fd) != 0 && errno != EINTR && result) result = os_failure("write", shown, errno);
    if (result && ::rename(temporary.c_str(), path.c_str()) != 0) result = os_failure("write", shown, errno);
    if (!result) {
        ::unlink(temporary.c_str());
        return result;
    }
    if (durability == Durability::Fsync) return sync_directory(path.parent_path().empty() ? "." : path.parent_path());
    return result;
}

IoResult sync_directory(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return os_failure("open folder", path.string(), errno);
    IoResult result;
    // Some file systems cannot sync a directory (EINVAL); their entries are as durable as they get.
    if (::fsync(fd) != 0 && errno != EINVAL) result = os_failure("sync folder", path.string(), errno);
    ::close(fd);
    return result;
}

}  // namespace imgr
