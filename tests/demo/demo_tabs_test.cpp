// The showcase renders every tab: each screenshot has real content, and no two
// tabs look the same. IMGR_DEMO_TAB picks the tab a run opens on.
#include <doctest/doctest.h>
#include <stb_image.h>
#include <unistd.h>  // getpid

#include <array>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "support/process.h"

using imgr::test::run_process;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 1280, kHeight = 860;
const std::array<std::string, 8> kTabs = {"Inputs", "Outputs", "Layout", "Events", "Images", "Image views", "Chat", "Media"};

struct Screenshot {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;
    std::string output;  // the process's stdout and stderr
    uint32_t at(size_t i) const { return (uint32_t)rgb[i * 3] << 16 | (uint32_t)rgb[i * 3 + 1] << 8 | rgb[i * 3 + 2]; }
    size_t pixels() const { return (size_t)width * height; }
};

// Runs imgui_demo with IMGR_DEMO_TAB=tab ("" leaves it unset) and loads its screenshot.
Screenshot screenshot(const std::string& tab) {
    const fs::path dir = IMGR_TEST_TMP;
    fs::create_directories(dir);
    // CTest runs this file's test cases as parallel processes that shoot the
    // same tabs: the process id keeps one from removing another's file.
    const fs::path png = dir / ("demo_" + (tab.empty() ? std::string("default") : tab) + "_" +
                                std::to_string(getpid()) + ".png");
    fs::remove(png);
    const std::string size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
    auto r = run_process({IMGR_DEMO_EXE, "--headless", "--size", size, "--screenshot", png.string()},
                         {"IMGR_DEMO_TAB=" + tab});
    Screenshot shot;
    shot.output = r.output;
    REQUIRE_MESSAGE(r.exit_code == 0, r.output);
    int channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &shot.width, &shot.height, &channels, 3);
    REQUIRE_MESSAGE(pixels != nullptr, png.string());
    shot.rgb.assign(pixels, pixels + (size_t)shot.width * shot.height * 3);
    stbi_image_free(pixels);
    fs::remove(png);
    return shot;
}

double fraction_differing(const Screenshot& a, const Screenshot& b) {
    size_t differing = 0;
    for (size_t i = 0; i < a.pixels(); ++i) differing += a.at(i) != b.at(i);
    return (double)differing / (double)a.pixels();
}

}  // namespace

TEST_CASE("every tab renders a full-size screenshot with text, widgets and colour") {
    for (const std::string& tab : kTabs) {
        CAPTURE(tab);
        const Screenshot shot = screenshot(tab);
        CHECK(shot.width == kWidth);
        CHECK(shot.height == kHeight);
        CHECK(shot.output.find("names no tab") == std::string::npos);
        // Below the header and the tab bar (the top 140 px at this size), a
        // cleared framebuffer has one colour; a tab's anti-aliased text, cards
        // and accents give hundreds, and cover much of the area.
        std::set<uint32_t> colours;
        size_t not_background = 0;
        const size_t first = (size_t)140 * shot.width, background = shot.at(first);
        for (size_t i = first; i < shot.pixels(); ++i) {
            colours.insert(shot.at(i));
            not_background += shot.at(i) != background;
        }
        CHECK(colours.size() > 200);
        CHECK(not_background > (shot.pixels() - first) / 10);
    }
}

TEST_CASE("no two tabs look the same") {
    std::vector<Screenshot> shots;
    for (const std::string& tab : kTabs) shots.push_back(screenshot(tab));
    for (size_t i = 0; i < shots.size(); ++i)
        for (size_t j = i + 1; j < shots.size(); ++j) {
            CAPTURE(kTabs[i]);
            CAPTURE(kTabs[j]);
            CHECK(fraction_differing(shots[i], shots[j]) > 0.05);
        }
}

TEST_CASE("without IMGR_DEMO_TAB the demo opens on Inputs, in the declared tab order") {
    const Screenshot plain = screenshot("");
    const Screenshot inputs = screenshot("Inputs");
    CHECK(fraction_differing(plain, inputs) < 0.001);
}

TEST_CASE("IMGR_DEMO_TAB ignores case") {
    const Screenshot lower = screenshot("images");
    CHECK(lower.output.find("names no tab") == std::string::npos);
    CHECK(fraction_differing(lower, screenshot("Images")) < 0.001);
    // Not the tab the demo opens on anyway: the variable picked it.
    CHECK(fraction_differing(lower, screenshot("")) > 0.05);
}

TEST_CASE("an IMGR_DEMO_TAB that names no tab is reported, and the demo opens on the first tab") {
    const Screenshot shot = screenshot("Nonsense");
    CHECK(shot.output.find("IMGR_DEMO_TAB='Nonsense' names no tab") != std::string::npos);
    CHECK(fraction_differing(shot, screenshot("Inputs")) < 0.001);
}
