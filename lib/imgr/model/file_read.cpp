#include "imgr/model/file_read.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace imgr {

FileRead read_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {os_failure("open", path.string(), errno)};
    FileRead result;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {  // EISDIR arrives here on Linux
            result = {os_failure("read", path.string(), errno)};
            break;
        }
        if (n == 0) break;
        result.content.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return result;
}

}  // namespace imgr
