// Helpers for the flagging tests: a fresh folder per test, whole-file reads
// and writes, stderr capture, and Python's csv module as a second reader.
#pragma once
#include "imgr/model/image.h"

#include <filesystem>
#include <string>
#include <vector>

namespace imgr::test {

// A new empty folder under the system temp dir, removed (with its contents) at scope exit.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& content);

// Rows as Python's csv.reader reads the file (UTF-8, newline=""); fails the test if Python cannot.
std::vector<std::vector<std::string>> python_csv_rows(const std::filesystem::path& path);

// Everything written to file descriptor 2 while it lives.
class StderrCapture {
public:
    StderrCapture();
    ~StderrCapture();
    std::string text();  // stops capturing on first call

private:
    int saved_ = -1;
    std::filesystem::path file_;
    bool done_ = false;
    std::string text_;
};

// A small RGB image whose pixels depend on seed.
ImageBuffer test_image(int width, int height, int seed);

// "YYYY-MM-DD HH:MM:SS.ffffff"
bool looks_like_timestamp(const std::string& text);

}  // namespace imgr::test
