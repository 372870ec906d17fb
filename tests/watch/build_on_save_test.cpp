// --watch-build's parts without a window (driver/build_on_save.h): the first
// error of a build's output, and a build run when a source is saved.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "imgr/driver/build_on_save.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using imgr::first_build_error;

TEST_CASE("the first error of a build's output reads file:line: message") {
    CHECK(first_build_error("[ 50%] Building CXX object x.o\n"
                            "/src/app.cpp: In function 'int main()':\n"
                            "/src/app.cpp:12:5: error: 'foo' was not declared in this scope\n"
                            "/src/app.cpp:20:1: error: second\n") == "/src/app.cpp:12: 'foo' was not declared in this scope");
    CHECK(first_build_error("app.cpp:3:10: fatal error: nope.h: No such file or directory\n") ==
          "app.cpp:3: nope.h: No such file or directory");
    CHECK(first_build_error("app.cpp:7: warning: unused\n/usr/bin/ld: app.o: in function `main':\n"
                            "/src/app.cpp:9: undefined reference to `f()'\ncollect2: error: ld returned 1 exit status\n") ==
          "/src/app.cpp:9: undefined reference to `f()'");
    CHECK(first_build_error("make: *** [all] Error 2\n").empty());
    CHECK(first_build_error("").empty());
}

TEST_CASE("saving a source runs the build once, a failing build's first error is its status, build folders are not sources") {
    const fs::path dir = fs::temp_directory_path() / ("imgr_build_on_save_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "src");
    fs::create_directories(dir / "build");
    const fs::path counter = dir / "build" / "builds.txt";  // the build's own output, in a build folder
    std::string error;
    auto watch = imgr::BuildOnSave::start("echo run >> '" + counter.string() + "'; echo compiling app.cpp; "
                                          "echo 'src/app.cpp:4:2: error: expected ;' >&2; exit 1",
                                          dir, error);
    REQUIRE_MESSAGE(watch, error);
    std::this_thread::sleep_for(100ms);  // its watches are in place
    auto wait_finished = [&](std::uint64_t n) {
        for (int i = 0; i < 200 && watch->status().finished < n; ++i) std::this_thread::sleep_for(25ms);
        return watch->status().finished >= n;
    };
    std::ofstream(dir / "build" / "CMakeFiles.txt") << "a build's own file";
    std::ofstream(dir / "src" / ".app.cpp.swp") << "an editor's swap file";
    std::ofstream(dir / "src" / "notes.txt") << "a text file that is not CMakeLists.txt";
    std::this_thread::sleep_for(400ms);
    CHECK(watch->status().finished == 0);
    // Three saves in a burst: one build.
    for (int i = 0; i < 3; ++i) std::ofstream(dir / "src" / "app.cpp") << "int main() {}\n" << i;
    REQUIRE(wait_finished(1));
    std::this_thread::sleep_for(400ms);
    const imgr::BuildOnSave::Status status = watch->status();
    CHECK(status.finished == 1);
    CHECK_FALSE(status.running);
    CHECK(status.error == "src/app.cpp:4: expected ;");
    CHECK(status.last_line.find("src/app.cpp:4:2: error: expected ;") != std::string::npos);
    // A folder made later is watched too.
    fs::create_directories(dir / "src" / "more");
    std::this_thread::sleep_for(100ms);
    std::ofstream(dir / "src" / "more" / "x.h") << "#pragma once\n";
    CHECK(wait_finished(2));
    watch.reset();
    fs::remove_all(dir);
}
