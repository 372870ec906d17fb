// The app's command line end to end: a real imgui_demo process.
#include <doctest/doctest.h>
#include <stb_image.h>

#include <filesystem>

#include "support/process.h"

using imgr::test::run_process;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir() {
    fs::path dir = IMGR_TEST_TMP;
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST_CASE("--help prints every flag and exits 0") {
    auto r = run_process({IMGR_DEMO_EXE, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("--screenshot FILE") != std::string::npos);
}

TEST_CASE("an unknown flag prints usage and exits 2") {
    auto r = run_process({IMGR_DEMO_EXE, "--bogus"});
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("unknown option '--bogus'") != std::string::npos);
    CHECK(r.output.find("Usage:") != std::string::npos);
}

TEST_CASE("--screenshot writes a PNG of the window's size that is not blank") {
    const fs::path png = temp_dir() / "demo.png";
    fs::remove(png);
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--size", "640x400", "--screenshot", png.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.output);
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    CHECK(width == 640);
    CHECK(height == 400);
    // Text and widgets: many distinct colours, not a cleared framebuffer.
    int differing = 0;
    for (int i = 0; i < width * height; ++i)
        differing += pixels[i * 3] != pixels[0] || pixels[i * 3 + 1] != pixels[1] || pixels[i * 3 + 2] != pixels[2];
    stbi_image_free(pixels);
    CHECK(differing > width * height / 100);
}

TEST_CASE("--frames N draws N frames and exits") {
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--frames", "5"});
    CHECK(r.exit_code == 0);
}

TEST_CASE("a screenshot into a missing folder is one clear line and exit 1") {
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--screenshot", "/nonexistent/folder/x.png"});
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("folder '/nonexistent/folder' does not exist") != std::string::npos);
}

TEST_CASE("no display: a window is one clear line and exit 1, not a crash or a hang") {
    auto r = run_process({IMGR_DEMO_EXE, "--frames", "2"}, {"DISPLAY=", "WAYLAND_DISPLAY="}, 20);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("no X display") != std::string::npos);
}

TEST_CASE("no display: --headless starts an X server of its own and runs (docs/remote.md)") {
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--frames", "2"}, {"DISPLAY=", "WAYLAND_DISPLAY="}, 30);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("no X display") == std::string::npos);
}

TEST_CASE("a display that does not exist is one clear line and exit 1") {
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--frames", "2"}, {"DISPLAY=:987"}, 20);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("cannot open a window on display ':987'") != std::string::npos);
}
