// The replay report in a real browser: Debian's chromium, headless, 1,400
// pixels wide, screenshots the page of an AnnotatedImage demo's changed row.
// Both images show in full (nothing cut off at the right), and the boxes are
// drawn where they are in the image, the moved one marked in red.
#include <doctest/doctest.h>
#include <imgr/engine/replay/replay_report.h>
#include <imgr/model/image_io.h>

#include "support/process.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace imgr;
namespace fs = std::filesystem;

namespace {

ImageBuffer solid(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
    ImageBuffer image(w, h, 3);
    uint8_t* p = image.mutable_u8();
    for (size_t i = 0; i < image.pixel_count(); ++i) p[i * 3] = r, p[i * 3 + 1] = g, p[i * 3 + 2] = b;
    return image;
}

bool near(const ImageBuffer& shot, int x, int y, int r, int g, int b, int tolerance = 24) {
    if (x < 0 || y < 0 || x >= shot.width() || y >= shot.height()) return false;
    return std::abs(shot.sample(x, y, 0) - r) <= tolerance && std::abs(shot.sample(x, y, 1) - g) <= tolerance &&
           std::abs(shot.sample(x, y, 2) - b) <= tolerance;
}

// The screen rectangle of an image of one solid colour: the pixels of that colour in runs of at
// least 40 along a row (text drawn in a similar colour never makes such runs).
struct Found {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    bool any() const { return x1 >= 0; }
};
Found find_colour(const ImageBuffer& shot, int r, int g, int b) {
    Found f;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0, run = 0; x <= shot.width(); ++x) {
            if (x < shot.width() && near(shot, x, y, r, g, b, 1)) {
                ++run;
                continue;
            }
            if (run >= 40) f.x0 = std::min(f.x0, x - run), f.x1 = std::max(f.x1, x - 1), f.y0 = std::min(f.y0, y), f.y1 = std::max(f.y1, y);
            run = 0;
        }
    return f;
}

// Any pixel of the colour within `reach` screen pixels of (x, y).
bool colour_near(const ImageBuffer& shot, int x, int y, int r, int g, int b, int reach = 3) {
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx)
            if (near(shot, x + dx, y + dy, r, g, b)) return true;
    return false;
}

}  // namespace

TEST_CASE("the report of an AnnotatedImage demo shows both images and their boxes at 1400 pixels in chromium") {
    const fs::path dir = fs::path(IMGR_TEST_TMP) / "report_browser";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Flagged: a grey image with two boxes; new: a green-grey one whose "dog" box moved right by 20 pixels.
    AnnotatedImageValue flagged{solid(400, 200, 150, 150, 150), {{20, 40, 120, 160, "cat", 0.9}, {200, 20, 300, 100, "dog", 0.8}}, {}};
    AnnotatedImageValue moved{solid(400, 200, 170, 200, 150), flagged.boxes, {}};
    moved.boxes[1].x0 += 20, moved.boxes[1].x1 += 20;
    ReplayRow row;
    row.number = 1;
    row.file = "logs.csv";
    row.line = 2;
    row.status = ReplayStatus::Changed;
    row.inputs.push_back({"text", std::string("a very long input that must wrap rather than widen the page ") + std::string(300, 'x'), {}, {}});
    row.outputs.push_back({"Detections", flagged, moved, compare_values(flagged, moved)});
    row.outputs.push_back({"Count", 2.0, 2.0, compare_values(2.0, 2.0)});
    ReplayReport report("detector --replay flagged");
    report.add(row);
    ReplaySummary summary;
    summary.rows = summary.changed = 1;
    const fs::path page = dir / "report.html";
    std::ofstream(page) << report.html(summary);

    const fs::path png = dir / "report.png";
    const test::ProcessResult shot = test::run_process(
        {CHROMIUM_EXE, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         "--user-data-dir=" + (dir / "profile").string(), "--window-size=1400,1000", "--screenshot=" + png.string(),
         "file://" + page.string()},
        {}, 90);
    INFO(shot.output);
    REQUIRE(fs::exists(png));
    const ImageBuffer screen = load_image_file(png.string()).image;
    REQUIRE(screen.width() == 1400);

    // Both images show whole: the new one (right) is not cut off at 1,400 pixels.
    const Found old_image = find_colour(screen, 150, 150, 150), new_image = find_colour(screen, 170, 200, 150);
    REQUIRE(old_image.any());
    REQUIRE(new_image.any());
    CHECK(new_image.x0 > old_image.x1);
    CHECK(new_image.x1 < 1400 - 8);
    const double scale = (new_image.x1 - new_image.x0 + 1) / 400.0;
    CHECK(std::abs((new_image.y1 - new_image.y0 + 1) / 200.0 - scale) < 0.05);  // the aspect kept

    // The boxes' outlines where the boxes are: the cat's in the first label colour (#4e79a7) on both,
    // the dog's (#f28e2b) moved 20 pixels on the new one, and marked in red (#d00000) there.
    auto at = [&](const Found& image, double x, double y) {
        return std::pair<int, int>{image.x0 + (int)std::lround(x * scale), image.y0 + (int)std::lround(y * scale)};
    };
    for (const Found* image : {&old_image, &new_image}) {
        const auto [x, y] = at(*image, 20, 100);  // the cat box's left edge, half way down
        CHECK(colour_near(screen, x, y, 0x4e, 0x79, 0xa7));
        const auto [inside_x, inside_y] = at(*image, 70, 100);
        CHECK_FALSE(colour_near(screen, inside_x, inside_y, 0x4e, 0x79, 0xa7));  // an outline, not a fill
    }
    const auto [dog_x, dog_y] = at(new_image, 220, 60);
    CHECK(colour_near(screen, dog_x, dog_y, 0xf2, 0x8e, 0x2b));
    CHECK(colour_near(screen, dog_x, dog_y, 0xd0, 0x00, 0x00, 6));
    const auto [old_dog_x, old_dog_y] = at(old_image, 200, 60);
    CHECK(colour_near(screen, old_dog_x, old_dog_y, 0xf2, 0x8e, 0x2b));
}
