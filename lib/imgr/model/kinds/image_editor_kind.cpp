// ImageEditor (and Sketchpad): a background with painted layers. Flagged as files
// (engine/flagging/editor_files.cpp); replay compares the background as images
// are compared and each layer by intersection over union of its painted pixels,
// a pixel counting as shared only when both paint it the same colour (a stroke
// that moved a little is the same scribble; one that changed meaning is not).
// Scripts paint, erase and upload rather than set it.
#include "imgr/model/image_io.h"
#include "imgr/model/kinds/core_kinds.h"

#include <algorithm>

namespace imgr::kinds {

namespace {

ValueOrError paint_instead(ComponentKind, const KindProps&, const Json&) {
    return std::string("use upload for its background and paint, erase, brush and undo for its layers");
}

Value default_editor(const KindProps& props) {
    const auto* p = std::get_if<ImageEditorProps>(&props);
    if (p && p->canvas_width > 0 && p->canvas_height > 0)
        return blank_editor_value(p->canvas_width, p->canvas_height, std::max(p->layers, 1));
    return ImageEditorValue{};
}

// A layer as the editor holds them: RGBA8 of the background's size. One of another size keeps the
// pixels the two share (from the top-left corner); the rest is transparent.
ImageBuffer fitted_layer(const ImageBuffer& layer, int width, int height) {
    const ImageBuffer rgba = layer.empty() ? ImageBuffer() : layer.to_rgba8();
    if (rgba.width() == width && rgba.height() == height) return rgba;
    ImageBuffer fitted(width, height, 4);
    uint8_t* out = fitted.mutable_u8();
    const int w = std::min(width, rgba.width()), h = std::min(height, rgba.height());
    for (int y = 0; y < h; ++y)
        std::copy_n(rgba.u8() + (size_t)y * rgba.width() * 4, (size_t)w * 4, out + (size_t)y * width * 4);
    return fitted;
}

// What the engine stores for a value it is given (from a handler, a flagged row, the view): layers
// fitted to the background, at least as many as the props ask for, and a composite of its size.
Value coerce_editor(const KindProps& props, Value value) {
    auto* editor = std::get_if<ImageEditorValue>(&value);
    if (!editor) return value;
    if (editor->background.empty()) return ImageEditorValue{};
    const int w = editor->background.width(), h = editor->background.height();
    bool changed = false;
    for (ImageBuffer& layer : editor->layers)
        if (layer.width() != w || layer.height() != h || layer.channels() != 4 || !layer.u8()) {
            layer = fitted_layer(layer, w, h);
            changed = true;
        }
    const auto* p = std::get_if<ImageEditorProps>(&props);
    while ((int)editor->layers.size() < std::max(p ? p->layers : 1, 1)) {
        editor->layers.emplace_back(w, h, 4);
        changed = true;
    }
    // The view keeps the composite up to date as it paints; anything else gets one made.
    if (changed || editor->composite.width() != w || editor->composite.height() != h || editor->composite.channels() != 4)
        editor->composite = composite_of(editor->background, editor->layers);
    return value;
}

// Painted pixels that agree (painted in both, the same colour) over those painted in either.
double layer_iou(const ImageBuffer& a, const ImageBuffer& b) {
    if (a.width() != b.width() || a.height() != b.height()) return 0;
    const ImageBuffer x = a.to_rgba8(), y = b.to_rgba8();
    size_t same = 0, either = 0;
    for (size_t i = 0; i < x.pixel_count(); ++i) {
        const uint8_t* p = x.u8() + i * 4;
        const uint8_t* q = y.u8() + i * 4;
        const bool in_x = p[3] != 0, in_y = q[3] != 0;
        either += in_x || in_y;
        same += in_x && in_y && p[0] == q[0] && p[1] == q[1] && p[2] == q[2];
    }
    return either == 0 ? 1.0 : (double)same / (double)either;
}

Comparison compare_editor(const Value& expected, const Value& actual, const CompareOptions& options) {
    const ImageEditorValue& x = std::get<ImageEditorValue>(expected);
    const ImageEditorValue& y = std::get<ImageEditorValue>(actual);
    if (Comparison background = compare_images(x.background, y.background, options.min_psnr); !background.same)
        return {false, "background: " + background.detail};
    if (x.layers.size() != y.layers.size())
        return {false, std::to_string(x.layers.size()) + " layers -> " + std::to_string(y.layers.size())};
    for (size_t k = 0; k < x.layers.size(); ++k)
        if (const double iou = layer_iou(x.layers[k], y.layers[k]); iou < options.min_iou)
            return {false, "layer " + std::to_string(k) + ": IoU " + iou_text(iou, options.min_iou)};
    return {};
}

size_t painted_pixels(const ImageBuffer& layer) {
    const ImageBuffer mask = painted_mask(layer);
    return (size_t)std::count(mask.u8(), mask.u8() + mask.pixel_count(), (uint8_t)255);
}

// Its size ([width, height]), or an object with any of "size", "layers" (how many) and
// "painted" (each layer's painted pixel count); null: no background.
Check expect_editor(const Value& actual, const Json& expected, const CompareOptions&) {
    const ImageEditorValue& editor = std::get<ImageEditorValue>(actual);
    Json painted = Json::array();
    for (const ImageBuffer& layer : editor.layers) painted.push_back(painted_pixels(layer));
    const Json got_json = editor.empty() ? Json(nullptr)
                                         : Json{{"size", {editor.background.width(), editor.background.height()}},
                                                {"layers", editor.layers.size()},
                                                {"painted", painted}};
    const std::string got = editor.empty() ? std::string("no image") : show_expected(got_json);
    if (expected.is_null() || expected.is_array()) return expect_image_size(editor.background, expected);
    const bool known_keys = expected.is_object() && std::all_of(expected.items().begin(), expected.items().end(), [](const auto& item) {
        return item.key() == "size" || item.key() == "layers" || item.key() == "painted";
    });
    if (!known_keys || editor.empty())
        return mismatch(expected, got, known_keys ? nullptr
                                                  : "an ImageEditor is compared with its size [w, h] or with "
                                                    "{\"size\": [w, h], \"layers\": N, \"painted\": [pixels of each layer]}");
    if (expected.contains("size"))
        if (Check size = expect_image_size(editor.background, expected["size"])) return mismatch(expected, got);
    for (const char* key : {"layers", "painted"})
        if (expected.contains(key) && expected[key] != got_json[key]) return mismatch(expected, got);
    return std::nullopt;
}

}  // namespace

KindTraits image_editor() {
    return {.name = "ImageEditor",
            .default_value = default_editor,
            .flag_file_extension = ".png",
            .coerce = coerce_editor,
            .from_script = paint_instead,
            .compare = compare_editor,
            .expect = expect_editor};
}

KindFileCodec image_editor_file() {  // a new background, with fresh layers
    return {.load = [](const std::string& path) {
        ImageLoadResult loaded = load_image_file(path);
        ValueLoadResult result;
        result.error = loaded.error;
        if (loaded) result.value = editor_value(std::move(loaded.image));
        return result;
    }};
}

}  // namespace imgr::kinds
