// The script player's `click "label" at X Y` and `zoom` against a real
// BlocksView in a headless ImGui context: the pointer presses where the view
// drew that pixel, at any zoom, and the select handler gets exactly (X, Y).
#include "support/player_harness.h"

using namespace imgr;

namespace {

using Harness = test::PlayerHarness;

ImageBuffer coordinates_image(int w, int h) {
    std::vector<uint8_t> px((size_t)w * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &px[((size_t)y * w + x) * 3];
            p[0] = (uint8_t)x;
            p[1] = (uint8_t)y;
            p[2] = 1;
        }
    return ImageBuffer(w, h, 3, std::move(px));
}

struct PixelDemo {
    Blocks demo;
    Handle<ImageBuffer> image, output;
    Handle<std::string> picked;
    std::vector<std::string> seen;  // every selection, in order
    PixelDemo() {
        image = demo.add(Image("im").value(coordinates_image(160, 120)));
        output = demo.add(Image("out").value(coordinates_image(16, 16)));
        picked = demo.add(Textbox("picked"));
        image.change([](const ImageBuffer& im) { return im; }, {image}, output);  // `out` is an output
        auto describe = [this](SelectData at) {
            std::string text = std::to_string(at.x) + "," + std::to_string(at.y) + " " + at.value.dump();
            seen.push_back(text);  // handlers run one at a time here (AlwaysLast)
            return text;
        };
        image.select(describe, {}, picked);
        output.select(describe, {}, picked);
    }
};

}  // namespace

TEST_CASE("click at X Y gives the select handler exactly that pixel at three zoom levels") {
    PixelDemo d;
    Harness ui(d.demo, R"(click "im" at 37 21
wait idle
expect "picked" "37,21 [37,21,1]"
zoom "im" 4 at 100 90
click "im" at 101 90
wait idle
expect "picked" "101,90 [101,90,1]"
zoom "im" 24 at 101 90
click "im" at 102 91
wait idle
expect "picked" "102,91 [102,91,1]"
click "im" at 101 91
wait idle
expect "picked" "101,91 [101,91,1]"
)");
    CHECK(ui.run() == 0);
    CHECK(ui.player->misses() == 0);  // every click pressed through ImGui, none fired by the engine
    const ImageTransform& shown = *ui.view->targets().component(d.image.id()).image;
    CHECK(shown.scale > 24 / 1.2f);
    CHECK(shown.scale < 24 * 1.2f);
    CHECK(*shown.pixel_under(ui.player->pointer()) == ImagePixel{101, 91});
    CHECK(d.seen.size() == 4);
}

TEST_CASE("an output image can be clicked at a pixel too") {
    PixelDemo d;
    Harness ui(d.demo, "click \"out\" at 15 0\nwait idle\nexpect \"picked\" \"15,0 [15,0,1]\"\n");
    CHECK(ui.run() == 0);
    CHECK(ui.player->misses() == 0);
}

TEST_CASE("click at on something that is not an image or outside it or seeking an image is a script error") {
    struct Case {
        const char* script;
        const char* error;
    };
    const Case cases[] = {
        {"wait 1\nclick \"picked\" at 1 2\n", "tour.txt:2: cannot click \"picked\" at a pixel: it is a Textbox, not an image"},
        {"click \"im\" at 160 0\n", "tour.txt:1: cannot click \"im\" at 160 0: outside the 160x120 image"},
        {"click \"im\" at 2.5\n",
         "tour.txt:1: cannot click \"im\" at 2.5 s: it is a Image, which cannot seek (`click LABEL at T` seeks audio and "
         "video; `at X Y` clicks an image's pixel)"},
        {"zoom \"picked\" 4 at 1 1\n", "tour.txt:1: cannot zoom \"picked\" at 1 1: it shows no image"},
    };
    for (const Case& c : cases) {
        PixelDemo d;
        Harness ui(d.demo, c.script);
        CAPTURE(c.script);
        CHECK(ui.run() == 2);
        REQUIRE(ui.player->failures().size() == 1);
        CHECK(ui.player->failures()[0] == c.error);
    }
}
