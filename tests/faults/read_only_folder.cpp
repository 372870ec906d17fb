#include "faults/read_only_folder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imgr::test {

namespace {

bool can_create_file_in(const std::filesystem::path& folder) {
    const std::filesystem::path probe = folder / ".write_probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

// The folder and everything in it: a folder's bits alone would still let its existing files be appended to.
std::string chmod_tree(const std::filesystem::path& folder, bool read_only) {
    std::error_code ec;
    std::vector<std::filesystem::path> paths{folder};
    for (std::filesystem::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        paths.push_back(it->path());
    if (ec) return "cannot list " + folder.string() + ": " + ec.message();
    // Folders last when locking (their entries must stay reachable), first when unlocking.
    if (read_only) std::reverse(paths.begin(), paths.end());
    for (const std::filesystem::path& path : paths) {
        const bool is_folder = std::filesystem::is_directory(path, ec);
        const mode_t mode = is_folder ? (read_only ? 0555 : 0755) : (read_only ? 0444 : 0644);
        if (::chmod(path.c_str(), mode) != 0) return "cannot chmod " + path.string() + ": " + std::strerror(errno);
    }
    return "";
}

}  // namespace

ReadOnlyFolder::ReadOnlyFolder() {
    std::filesystem::path root;
    if (::geteuid() == 0) {
        mount_ = std::make_unique<ScratchMount>(1 << 20);
        if (!mount_->available()) {
            why_not_ = mount_->why_not() + "; as root, permission bits cannot make a folder read-only";
            return;
        }
        root = mount_->path();
    } else {
        std::string pattern = (std::filesystem::temp_directory_path() / "imgr_faults_XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            why_not_ = std::string("cannot create a temporary folder: ") + std::strerror(errno);
            return;
        }
        owned_ = root = pattern;
    }
    path_ = root / "flagged";
    std::error_code ec;
    if (!std::filesystem::create_directory(path_, ec)) why_not_ = "cannot create " + path_.string() + ": " + ec.message();
}

ReadOnlyFolder::~ReadOnlyFolder() {
    if (!owned_.empty()) {
        chmod_tree(path_, false);  // else its contents could not be removed
        std::error_code ec;
        std::filesystem::remove_all(owned_, ec);
    }
}

std::string ReadOnlyFolder::set_read_only(bool read_only) {
    if (mount_) {
        if (std::string error = mount_->set_read_only(read_only); !error.empty()) return error;
    } else if (std::string error = chmod_tree(path_, read_only); !error.empty()) {
        return error;
    }
    if (can_create_file_in(path_) == read_only)
        return std::string(how()) + " left " + path_.string() + (read_only ? " writable" : " read-only");
    return "";
}

}  // namespace imgr::test
