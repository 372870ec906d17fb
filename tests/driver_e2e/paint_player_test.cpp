// An ImageEditor painted by a script as a person paints: `brush` and `undo`
// click its tool buttons, `paint` and `erase` drag the pointer through the
// pixels where the view drew them (fitted and zoomed in), in a headless ImGui
// context with a real BlocksView. The layer gets the strokes in image pixels,
// `input` fires while painting and `change` once a stroke, and the view sends
// its layer texture only the rectangles painted.
#include "support/player_harness.h"

#include "imgr/model/image_io.h"
#include "imgr/view/components/image_editor_view.h"

#include <algorithm>

using namespace imgr;
using Harness = test::PlayerHarness;

namespace {

// Counts what the view asks of textures: the painted rectangles' pixels.
struct CountingTextures : TextureSource {
    size_t painting_calls = 0, painted_pixels = 0, largest = 0;
    TextureRef texture_for(const ImageBuffer& image) override { return {(ImTextureID)(intptr_t)1, image.width(), image.height()}; }
    TextureRef texture_for_painting(const void*, const ImageBuffer& image, const PixelRect& dirty) override {
        ++painting_calls;
        painted_pixels += dirty.pixel_count();
        largest = std::max(largest, dirty.pixel_count());
        return {(ImTextureID)(intptr_t)2, image.width(), image.height()};
    }
};

ImageBuffer grey(int w, int h) {
    ImageBuffer image(w, h, 3);
    std::fill_n(image.mutable_u8(), image.pixel_count() * 3, (uint8_t)90);
    return image;
}

const uint8_t* at(const ImageBuffer& layer, int x, int y) { return layer.u8() + ((size_t)y * layer.width() + x) * 4; }

struct EditorDemo {
    Blocks demo;
    Handle<ImageEditorValue> editor;
    Handle<double> changes, inputs, clears;
    EditorDemo() {
        editor = demo.add(ImageEditor("scribbles")
                              .brushes({{"object", 0x00ff00}, {"background", 0xff0000}})
                              .background(grey(120, 80)));
        changes = demo.add(Number("changes"));
        inputs = demo.add(Number("inputs"));
        clears = demo.add(Number("clears"));
        // Counted by the handlers that see the events (the view fires them, the engine runs them).
        auto count = [](const ImageEditorValue&, double n) { return n + 1; };
        editor.change(count, {editor, changes}, changes, {.trigger_mode = TriggerMode::Multiple});
        editor.input(count, {editor, inputs}, inputs, {.trigger_mode = TriggerMode::Multiple});
        editor.clear(count, {editor, clears}, clears);
    }
    const ImageBuffer& layer() const { return editor.value().layers.at(0); }
};

}  // namespace

TEST_CASE("paint, brush, erase and undo drive an ImageEditor through its view at fit and zoomed in") {
    EditorDemo d;
    Harness ui(d.demo, R"(brush "scribbles" "object"
paint "scribbles" 3 from 10 10 to 60 10 to 60 30
wait idle
expect "changes" 1
brush "scribbles" "background"
paint "scribbles" 5 from 100 60 to 110 60
wait idle
zoom "scribbles" 12 at 30 50
paint "scribbles" 1 from 28 50 to 32 50
wait idle
erase "scribbles" 1 from 30 50 to 30 50
wait idle
expect "changes" 4
undo "scribbles"
wait idle
expect "changes" 5
)");
    CountingTextures textures;
    ui.view->set_textures(&textures);
    REQUIRE(ui.run() == 0);
    CHECK(ui.player->misses() == 0);

    const ImageBuffer& layer = d.layer();
    // The first stroke: green along y = 10 from x = 10 to 60, then down x = 60 to y = 30.
    CHECK(at(layer, 35, 10)[1] == 255);
    CHECK(at(layer, 35, 10)[3] == 255);
    CHECK(at(layer, 60, 20)[1] == 255);
    CHECK(at(layer, 35, 14)[3] == 0);
    CHECK(at(layer, 35, 6)[3] == 0);
    // The second, red, 5 wide.
    CHECK(at(layer, 105, 60)[0] == 255);
    CHECK(at(layer, 105, 62)[0] == 255);
    CHECK(at(layer, 105, 66)[3] == 0);
    // At 12 screen pixels a pixel, a one-pixel brush paints exactly the pixels 28..32 of row 50;
    // the eraser took 30 away, and undo gave it back.
    for (int x = 28; x <= 32; ++x) CHECK(at(layer, x, 50)[0] == 255);
    CHECK(at(layer, 27, 50)[3] == 0);
    CHECK(at(layer, 33, 50)[3] == 0);
    CHECK(at(layer, 30, 49)[3] == 0);
    CHECK(at(layer, 30, 51)[3] == 0);
    // The composite shows the strokes over the background.
    CHECK(at(d.editor.value().composite, 35, 10)[1] == 255);
    CHECK(at(d.editor.value().composite, 5, 5)[0] == 90);

    CHECK(d.changes.value() == 5);
    CHECK(d.inputs.value() >= 4);
    // The layer's texture got its whole once, then only the rectangles strokes covered.
    CHECK(textures.painting_calls > 10);
    CHECK(textures.largest == 120 * 80);
    CHECK(textures.painted_pixels < 2 * 120 * 80);
}

TEST_CASE("upload gives an ImageEditor a new background with fresh layers, and undo cannot reach the old picture") {
    EditorDemo d;
    const std::filesystem::path png = std::filesystem::temp_directory_path() / "imgr_paint_player_upload.png";
    REQUIRE(save_png(png.string(), grey(30, 20)));
    Harness ui(d.demo, "paint \"scribbles\" 3 from 10 10 to 60 10\nwait idle\nupload \"scribbles\" \"" + png.string() +
                           "\"\nwait idle\nexpect \"scribbles\" {\"size\": [30, 20], \"layers\": 1, \"painted\": [0]}\n"
                           "undo \"scribbles\"\n");
    CHECK(ui.run() == 2);  // the undo: nothing of the old picture comes back
    REQUIRE(ui.player->failures().size() == 1);
    CHECK(ui.player->failures()[0] == "tour.txt:6: cannot undo \"scribbles\": it has nothing to undo");
    CHECK(d.editor.value().background.width() == 30);
    CHECK(d.changes.value() == 2);  // the stroke, then the upload
    std::filesystem::remove(png);
}

TEST_CASE("paint errors: not an editor, off the image, an unknown brush, nothing to undo") {
    struct Case {
        const char* script;
        const char* error;
    };
    const Case cases[] = {
        {"paint \"changes\" 3 from 1 1 to 2 2\n", "tour.txt:1: cannot paint \"changes\": it is a Number, not an ImageEditor"},
        {"paint \"scribbles\" 3 from 1 1 to 200 2\n", "tour.txt:1: cannot paint on \"scribbles\" at 200 2: outside the 120x80 image"},
        {"brush \"scribbles\" \"sky\"\n",
         "tour.txt:1: no brush of \"scribbles\" is named \"sky\" (its brushes are \"object\", \"background\")"},
        {"undo \"scribbles\"\n", "tour.txt:1: cannot undo \"scribbles\": it has nothing to undo"},
    };
    for (const Case& c : cases) {
        EditorDemo d;
        Harness ui(d.demo, c.script);
        CAPTURE(c.script);
        CHECK(ui.run() == 2);
        REQUIRE(ui.player->failures().size() == 1);
        CHECK(ui.player->failures()[0] == c.error);
    }
}
