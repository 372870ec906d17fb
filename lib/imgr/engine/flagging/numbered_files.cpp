#include "imgr/engine/flagging/numbered_files.h"

#include <cerrno>
#include <charconv>

#include <fcntl.h>
#include <unistd.h>

namespace imgr {

std::uint64_t next_file_number(const std::filesystem::path& folder, std::string_view extension) {
    std::uint64_t next = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= extension.size() || !std::string_view(name).ends_with(extension)) continue;
        const std::string_view digits(name.data(), name.size() - extension.size());
        std::uint64_t n = 0;
        const auto [end_of_number, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (error != std::errc() || end_of_number != digits.data() + digits.size()) continue;  // not "N.png"
        if (n >= next) next = n + 1;
    }
    return next;
}

NumberedFile reserve_numbered_file(const std::filesystem::path& folder, std::uint64_t first, std::string_view extension) {
    NumberedFile result;
    // Bounded: a folder that refuses this many numbers in a row has a problem worth reporting.
    for (std::uint64_t n = first; n < first + 100000; ++n) {
        const std::filesystem::path path = folder / (std::to_string(n) + std::string(extension));
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::close(fd);
            result.number = n;
            result.path = path;
            return result;
        }
        if (errno != EEXIST) {
            return {os_failure("create", path.string(), errno)};
        }
    }
    return {IoResult::failure("no free file number in '" + folder.string() + "'")};
}

}  // namespace imgr
