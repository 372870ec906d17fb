// A small tmpfs mounted on a fresh folder for one test, so that the faults a
// real disk shows (full, read-only) can be made on purpose. Mounting needs
// root with CAP_SYS_ADMIN (containers often refuse it): then available() is
// false and why_not() says so, for the test to skip out loud.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace imgr::test {

class ScratchMount {
public:
    explicit ScratchMount(size_t bytes);
    ~ScratchMount();  // unmounts and removes the folder, also when the test failed
    ScratchMount(const ScratchMount&) = delete;
    ScratchMount& operator=(const ScratchMount&) = delete;

    bool available() const { return mounted_; }
    const std::string& why_not() const { return why_not_; }
    const std::filesystem::path& path() const { return path_; }

    // Remounts read-only or writable; "" or why it failed.
    std::string set_read_only(bool read_only);

private:
    std::filesystem::path path_;
    std::string options_;
    bool mounted_ = false;
    std::string why_not_;
};

// Fills the file system holding `folder` with one file until it refuses more;
// returns the filler's path (remove it to free the space) or fails the test.
std::filesystem::path fill_file_system(const std::filesystem::path& folder);

}  // namespace imgr::test
