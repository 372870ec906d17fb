// The ImageEditor's model without a window: strokes painted in image pixels,
// the undo history and its bound, the composite, masks and IoU, and the kind's
// traits (how a value is stored, compared for replay and read by `expect`).
#include <doctest/doctest.h>
#include <imgr/model/brush_stroke.h>
#include <imgr/model/edit_history.h>
#include <imgr/model/image_editor.h>
#include <imgr/model/kinds/compare.h>
#include <imgr/model/coerce_value.h>

#include <algorithm>

using namespace imgr;

namespace {

size_t in_mask(const ImageBuffer& mask) { return (size_t)std::count(mask.u8(), mask.u8() + mask.pixel_count(), (uint8_t)255); }
size_t painted(const ImageBuffer& layer) { return in_mask(painted_mask(layer)); }

const uint8_t* pixel(const ImageBuffer& image, int x, int y) { return image.u8() + ((size_t)y * image.width() + x) * image.channels(); }

ImageBuffer grey_background(int w, int h, uint8_t level) {
    ImageBuffer image(w, h, 3);
    std::fill_n(image.mutable_u8(), image.pixel_count() * 3, level);
    return image;
}

}  // namespace

TEST_CASE("a stroke paints the pixels whose centres lie within half the size of its segment") {
    ImageBuffer layer(40, 20, 4);
    const PixelRect r = paint_segment(layer, 10.5f, 10.5f, 30.5f, 10.5f, {.size = 5, .rgba = 0x00ff00ff});
    // Rows 8..12 (centres within 2.5 of y = 10.5), columns 8..32 with rounded ends.
    CHECK(r == PixelRect{8, 8, 33, 13});
    CHECK(pixel(layer, 20, 8)[1] == 255);
    CHECK(pixel(layer, 20, 8)[3] == 255);
    CHECK(pixel(layer, 20, 7)[3] == 0);
    CHECK(pixel(layer, 20, 13)[3] == 0);
    CHECK(pixel(layer, 10, 10)[0] == 0);  // green, exactly: a scribble's colour is its meaning
    // 21 full columns of 5 rows between the centres, plus the round caps.
    CHECK(painted(layer) > 21 * 5);
    CHECK(painted(layer) < 25 * 5);

    const PixelRect erased = paint_segment(layer, 20.5f, 0.0f, 20.5f, 20.0f, {.size = 1, .erase = true});
    CHECK(erased == PixelRect{20, 0, 21, 20});
    CHECK(pixel(layer, 20, 10)[3] == 0);
    CHECK(pixel(layer, 19, 10)[3] == 255);

    // A one-pixel brush still paints the pixel pressed; strokes off the image paint nothing.
    ImageBuffer small(4, 4, 4);
    CHECK(paint_segment(small, 1.2f, 2.7f, 1.2f, 2.7f, {.size = 1}) == PixelRect{1, 2, 2, 3});
    CHECK(paint_segment(small, -30, -30, -20, -20, {.size = 3}).empty());
}

TEST_CASE("undo and redo put back exactly the pixels of the last strokes, and a new stroke drops the redo") {
    std::vector<ImageBuffer> layers{ImageBuffer(32, 32, 4)};
    const ImageBuffer empty = layers[0];
    EditHistory history;
    CHECK_FALSE(history.can_undo());

    history.begin(layers[0], 0);
    PixelRect first = paint_segment(layers[0], 4, 4, 28, 4, {.size = 3, .rgba = 0xff0000ff});
    history.commit(layers[0], first);
    const ImageBuffer after_first = layers[0];
    history.begin(layers[0], 0);
    PixelRect second = paint_segment(layers[0], 4, 20, 28, 20, {.size = 3, .rgba = 0x00ff00ff});
    history.commit(layers[0], second);
    const ImageBuffer after_second = layers[0];
    CHECK(history.steps() == 2);
    CHECK(history.bytes() == (first.pixel_count() + second.pixel_count()) * 8);

    CHECK(history.undo(layers) == second);
    CHECK(layers[0] == after_first);
    CHECK(history.undo(layers) == first);
    CHECK(layers[0] == empty);
    CHECK(history.undo(layers).empty());
    CHECK(history.redo(layers) == first);
    CHECK(layers[0] == after_first);

    history.begin(layers[0], 0);
    history.commit(layers[0], paint_segment(layers[0], 10, 10, 11, 11, {.size = 2}));
    CHECK_FALSE(history.can_redo());
    CHECK(history.steps() == 2);
}

TEST_CASE("the history is bounded by its step count and by the bytes it keeps") {
    std::vector<ImageBuffer> layers{ImageBuffer(64, 64, 4)};
    EditHistory by_count(3);
    for (int i = 0; i < 10; ++i) {
        by_count.begin(layers[0], 0);
        by_count.commit(layers[0], paint_segment(layers[0], 2, 2.0f + i * 5, 60, 2.0f + i * 5, {.size = 2}));
    }
    CHECK(by_count.steps() == 3);

    // A whole-layer step costs 64*64*4*2 = 32 KiB: a 100 KiB bound keeps three.
    EditHistory by_bytes(50, 100 * 1024);
    for (int i = 0; i < 10; ++i) {
        by_bytes.begin(layers[0], 0);
        const uint32_t colour = i % 2 ? 0xff0000ff : 0x0000ffff;  // each stroke changes every pixel
        by_bytes.commit(layers[0], paint_segment(layers[0], 0, 32, 64, 32, {.size = 200, .rgba = colour}));
    }
    CHECK(by_bytes.steps() == 3);
    CHECK(by_bytes.bytes() <= 100 * 1024);
}

TEST_CASE("a step keeps only the 64x64 tiles its stroke changed: a diagonal across the layer is a thin band") {
    std::vector<ImageBuffer> layers{ImageBuffer(1024, 1024, 4)};
    const ImageBuffer empty = layers[0];
    EditHistory history;
    history.begin(layers[0], 0);
    const PixelRect r = paint_segment(layers[0], 0, 0, 1024, 1024, {.size = 24, .rgba = 0x00ff00ff});
    CHECK(r == PixelRect{0, 0, 1024, 1024});  // its rectangle is the whole layer...
    const ImageBuffer painted = layers[0];
    history.commit(layers[0], r);
    // ...its tiles along the diagonal and beside it: 16 on it, at most two beside each.
    CHECK(history.bytes() <= 48 * 64 * 64 * 8);
    CHECK(history.bytes() >= 16 * 64 * 64 * 8);
    history.undo(layers);
    CHECK(layers[0] == empty);
    history.redo(layers);
    CHECK(layers[0] == painted);
    // A stroke that changes nothing (the same colour over itself) is no step.
    history.begin(layers[0], 0);
    history.commit(layers[0], paint_segment(layers[0], 0, 0, 1024, 1024, {.size = 24, .rgba = 0x00ff00ff}));
    CHECK(history.steps() == 1);
}

TEST_CASE("the composite is the background with the layers over it, and masks compare by IoU") {
    ImageEditorValue value = editor_value(grey_background(8, 8, 100), 2);
    REQUIRE(value.layers.size() == 2);
    CHECK(value.composite.channels() == 4);
    CHECK(pixel(value.composite, 3, 3)[0] == 100);
    paint_segment(value.layers[0], 0, 0.5f, 8, 0.5f, {.size = 1, .rgba = 0xff000080});  // half-transparent red
    paint_segment(value.layers[1], 0.5f, 0, 0.5f, 8, {.size = 1, .rgba = 0x0000ffff});  // opaque blue over it
    update_composite(value.composite, value.background, value.layers, 0, 0, 8, 8);
    CHECK(pixel(value.composite, 4, 0)[0] == (255 * 128 + 100 * 127 + 127) / 255);
    CHECK(pixel(value.composite, 0, 0)[2] == 255);
    CHECK(value.composite == composite_of(value.background, value.layers));

    CHECK(painted(value.layers[0]) == 8);
    CHECK(painted_mask(value.layers[1], 0x0000ff) == painted_mask(value.layers[1]));
    CHECK(in_mask(painted_mask(value.layers[1], 0x00ff00)) == 0);
    CHECK(in_mask(painted_mask(value.layers[1], 0x0000ff)) == 8);
    CHECK(mask_iou(value.layers[0], value.layers[0]) == 1.0);
    CHECK(mask_iou(value.layers[0], value.layers[1]) == doctest::Approx(1.0 / 15));
    CHECK(mask_iou(ImageBuffer(8, 8, 1), ImageBuffer(8, 8, 1)) == 1.0);
    CHECK(mask_iou(ImageBuffer(8, 8, 1), ImageBuffer(4, 8, 1)) == 0.0);

    const ImageEditorValue blank = blank_editor_value(5, 3);
    CHECK(blank.background.width() == 5);
    CHECK(pixel(blank.background, 2, 2)[1] == 255);
}

TEST_CASE("an ImageEditor stores layers of its background's size and replay compares them by IoU of their strokes") {
    ImageEditorValue given;
    given.background = grey_background(10, 10, 50);
    given.layers.push_back(ImageBuffer(4, 4, 4));  // another size: kept from the top-left corner
    paint_segment(given.layers[0], 1.5f, 1.5f, 1.5f, 1.5f, {.size = 1, .rgba = 0x00ff00ff});
    const Value stored = coerce_value(ComponentKind::ImageEditor, ImageEditorProps{.layers = 2}, given);
    const auto& editor = std::get<ImageEditorValue>(stored);
    REQUIRE(editor.layers.size() == 2);
    CHECK(editor.layers[0].width() == 10);
    CHECK(pixel(editor.layers[0], 1, 1)[1] == 255);
    CHECK(painted(editor.layers[0]) == 1);
    CHECK(editor.composite == composite_of(editor.background, editor.layers));

    // 100 painted pixels; moving 1 of them leaves IoU 99/101 < 0.99: changed. The default threshold
    // is 0.99, and a looser one accepts it.
    ImageEditorValue a = editor_value(grey_background(20, 20, 0));
    for (int y = 0; y < 10; ++y) paint_segment(a.layers[0], 0.5f, y + 0.5f, 9.5f, y + 0.5f, {.size = 1, .rgba = 0xff0000ff});
    ImageEditorValue b = a;
    paint_segment(b.layers[0], 9.5f, 9.5f, 9.5f, 9.5f, {.size = 1, .erase = true});
    paint_segment(b.layers[0], 15.5f, 15.5f, 15.5f, 15.5f, {.size = 1, .rgba = 0xff0000ff});
    CHECK(compare_values(ComponentKind::ImageEditor, a, a).same);
    const Comparison moved = compare_values(ComponentKind::ImageEditor, a, b);
    CHECK_FALSE(moved.same);
    CHECK(moved.detail.find("layer 0: IoU 0.9802") == 0);
    CHECK(compare_values(ComponentKind::ImageEditor, a, b, {.min_iou = 0.95}).same);
    // The same pixels in another colour are another scribble.
    ImageEditorValue recoloured = a;
    for (int y = 0; y < 10; ++y) paint_segment(recoloured.layers[0], 0.5f, y + 0.5f, 9.5f, y + 0.5f, {.size = 1, .rgba = 0x00ff00ff});
    CHECK(compare_values(ComponentKind::ImageEditor, a, recoloured).detail == "layer 0: IoU 0 (< 0.99)");
    ImageEditorValue other_background = a;
    other_background.background = grey_background(20, 20, 200);
    CHECK(compare_values(ComponentKind::ImageEditor, a, other_background).detail.find("background: ") == 0);

    // expect: the size, or the layers and their painted pixels.
    const KindTraits& traits = kind_traits(ComponentKind::ImageEditor);
    CHECK_FALSE(traits.expect(a, Json::parse("[20, 20]"), {}));
    CHECK_FALSE(traits.expect(a, Json::parse(R"({"layers": 1, "painted": [100]})"), {}));
    CHECK(traits.expect(a, Json::parse(R"({"painted": [99]})"), {}).value() ==
          R"(expected {"painted":[99]}, got {"layers":1,"painted":[100],"size":[20,20]})");
    CHECK(traits.expect(a, Json::parse(R"({"pixels": 3})"), {})->find("an ImageEditor is compared with") != std::string::npos);
    CHECK_FALSE(traits.expect(ImageEditorValue{}, nullptr, {}));
    CHECK(std::get<std::string>(traits.from_script(ComponentKind::ImageEditor, {}, Json(1))).find("paint") != std::string::npos);
}

TEST_CASE("AnnotatedImage masks compare by IoU too") {
    AnnotatedImageValue a;
    a.image = grey_background(10, 10, 0);
    ImageBuffer mask(10, 10, 1);
    std::fill_n(mask.mutable_u8(), 50, (uint8_t)255);  // five rows
    a.masks.push_back({"object", mask});
    AnnotatedImageValue b = a;
    b.masks[0].mask.mutable_u8()[60] = 255;  // one more pixel: IoU 50/51
    CHECK_FALSE(compare_values(ComponentKind::AnnotatedImage, a, b).same);
    CHECK(compare_values(ComponentKind::AnnotatedImage, a, b).detail.find("mask 0 (\"object\"): IoU 0.98") == 0);
    CHECK(compare_values(ComponentKind::AnnotatedImage, a, b, {.min_iou = 0.9}).same);
}
