#include "flagging_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace imgr::test {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    for (;;) {
        path_ = std::filesystem::temp_directory_path() /
                ("imgr_flagging_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
                 std::to_string(random()));
        if (std::filesystem::create_directory(path_)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

std::vector<std::vector<std::string>> python_csv_rows(const std::filesystem::path& path) {
    const std::string command =
        "python3 -c 'import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", "
        "encoding=\"utf-8\")))))' '" +
        path.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = ::pclose(pipe);
    REQUIRE_MESSAGE(status == 0, "python's csv module could not read " << path);
    return nlohmann::json::parse(output).get<std::vector<std::vector<std::string>>>();
}

StderrCapture::StderrCapture() {
    static std::atomic<int> counter{0};
    file_ = std::filesystem::temp_directory_path() /
            ("imgr_flagging_stderr_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    std::fflush(stderr);
    saved_ = ::dup(2);
    ::dup2(fd, 2);
    ::close(fd);
}

std::string StderrCapture::text() {
    if (!done_) {
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        done_ = true;
        text_ = read_text(file_);
        std::filesystem::remove(file_);
    }
    return text_;
}

StderrCapture::~StderrCapture() { text(); }

ImageBuffer test_image(int width, int height, int seed) {
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>((i * 37 + seed * 101) % 256);
    return ImageBuffer(width, height, 3, std::move(pixels));
}

bool looks_like_timestamp(const std::string& text) {
    static const std::regex pattern(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6})");
    return std::regex_match(text, pattern);
}

}  // namespace imgr::test
