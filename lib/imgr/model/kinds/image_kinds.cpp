// Image, AnnotatedImage, ImageSlider and Gallery: pixels. Flagged as files
// (the flag file layer writes and reads them); compared by size, largest pixel
// difference and PSNR; a script's `expect` checks their size (and an annotated
// image's boxes, a gallery's captions), and `upload`s rather than sets them.
#include "imgr/model/image_io.h"
#include "imgr/model/kinds/core_kinds.h"

#include <algorithm>
#include <cmath>

namespace imgr::kinds {

namespace {

ValueOrError upload_images(ComponentKind, const KindProps&, const Json&) { return std::string("use upload for images"); }

Comparison compare_image(const Value& expected, const Value& actual, const CompareOptions& options) {
    return compare_images(std::get<ImageBuffer>(expected), std::get<ImageBuffer>(actual), options.min_psnr);
}

}  // namespace

// [width, height] or [width, height, channels]; null: no image.
Check expect_image_size(const ImageBuffer& image, const Json& expected) {
    const std::string got = image.empty() ? std::string("no image") : describe(Value(image));
    if (expected.is_null()) return image.empty() ? Check() : mismatch(expected, got);
    auto whole = [](const Json& j) { return j.is_number() && j.get<double>() >= 0 && std::floor(j.get<double>()) == j.get<double>(); };
    const bool size_form = expected.is_array() && (expected.size() == 2 || expected.size() == 3) &&
                           std::all_of(expected.begin(), expected.end(), whole);
    if (!size_form)
        return mismatch(expected, got, "an image is compared by its size: [width, height] or [width, height, channels]");
    if (image.empty()) return mismatch(expected, got);
    const bool same = expected[0].get<double>() == image.width() && expected[1].get<double>() == image.height() &&
                      (expected.size() == 2 || expected[2].get<double>() == image.channels());
    return same ? Check() : mismatch(expected, got);
}

namespace {

Comparison compare_annotated(const Value& expected, const Value& actual, const CompareOptions& options) {
    const AnnotatedImageValue& x = std::get<AnnotatedImageValue>(expected);
    const AnnotatedImageValue& y = std::get<AnnotatedImageValue>(actual);
    if (Comparison image = compare_images(x.image, y.image, options.min_psnr); !image.same) return {false, "image: " + image.detail};
    const std::string d = json_difference(annotations_to_json(x), annotations_to_json(y), options.tolerance);
    if (!d.empty()) return {false, "annotations " + d};
    // The same labels in the same order (above): each mask's pixels by intersection over union.
    for (size_t k = 0; k < x.masks.size(); ++k)
        if (const double iou = mask_iou(x.masks[k].mask, y.masks[k].mask); iou < options.min_iou)
            return {false, "mask " + std::to_string(k) + " (" + quoted(x.masks[k].label) + "): IoU " + iou_text(iou, options.min_iou)};
    return {};
}

// Boxes as JSON (the flagged N.json's "boxes"), or an object naming any of
// "boxes", "labels" (the boxes' labels in order: what OCR read), "masks" and "size".
Check expect_annotated(const Value& actual_value, const Json& expected, const CompareOptions& options) {
    const AnnotatedImageValue& value = std::get<AnnotatedImageValue>(actual_value);
    const Json actual = annotations_to_json(value);
    const std::string got = value.image.empty() ? std::string("no image") : show_expected(actual);
    auto matches = [&](const Json& want, const Json& have) { return json_difference(want, have, options.tolerance).empty(); };
    if (expected.is_null()) return value.image.empty() ? Check() : mismatch(expected, got);
    if (expected.is_array()) return matches(expected, actual["boxes"]) ? Check() : mismatch(expected, got);
    const char* hint = "an AnnotatedImage is compared with its boxes [{\"x0\":..,\"y0\":..,\"x1\":..,\"y1\":..,"
                       "\"label\":..,\"score\":..}, ...] or with {\"labels\": [...], \"boxes\": [...], \"masks\": [...], "
                       "\"size\": [w, h]}";
    const bool known_keys = expected.is_object() && std::all_of(expected.items().begin(), expected.items().end(), [](const auto& item) {
        return item.key() == "boxes" || item.key() == "labels" || item.key() == "masks" || item.key() == "size";
    });
    if (!known_keys) return mismatch(expected, got, hint);
    Json labels = Json::array();
    for (const AnnotationBox& box : value.boxes) labels.push_back(box.label);
    if (expected.contains("labels") && labels != expected["labels"]) return mismatch(expected, show_expected(Json{{"labels", labels}}));
    for (const char* key : {"boxes", "masks"})
        if (expected.contains(key) && !matches(expected[key], actual[key])) return mismatch(expected, got);
    if (expected.contains("size")) return expect_image_size(value.image, expected["size"]);
    return std::nullopt;
}

Comparison compare_pair(const Value& expected, const Value& actual, const CompareOptions& options) {
    const ImageSliderValue& x = std::get<ImageSliderValue>(expected);
    const ImageSliderValue& y = std::get<ImageSliderValue>(actual);
    if (Comparison before = compare_images(x.before, y.before, options.min_psnr); !before.same) return {false, "before: " + before.detail};
    if (Comparison after = compare_images(x.after, y.after, options.min_psnr); !after.same) return {false, "after: " + after.detail};
    return {};
}

// Both images by their size, [width, height] or [width, height, channels]; null when it shows none.
Check expect_pair(const Value& actual, const Json& expected, const CompareOptions&) {
    const ImageSliderValue& pair = std::get<ImageSliderValue>(actual);
    if (expected.is_null()) return pair.empty() ? Check() : mismatch(expected, describe(actual));
    if (Check before = expect_image_size(pair.before, expected)) return before;
    return expect_image_size(pair.after, expected);
}

Comparison compare_gallery(const Value& expected, const Value& actual, const CompareOptions& options) {
    const GalleryValue& x = std::get<GalleryValue>(expected);
    const GalleryValue& y = std::get<GalleryValue>(actual);
    if (x.items.size() != y.items.size()) return {false, std::to_string(x.items.size()) + " images -> " + std::to_string(y.items.size())};
    for (size_t i = 0; i < x.items.size(); ++i) {
        const std::string at = "image " + std::to_string(i) + " ";
        if (x.items[i].caption != y.items[i].caption) return {false, at + "caption " + text_diff(x.items[i].caption, y.items[i].caption)};
        if (Comparison image = compare_images(x.items[i].image, y.items[i].image, options.min_psnr); !image.same)
            return {false, at + image.detail};
    }
    return {};
}

// The number of images, or the captions in order.
Check expect_gallery(const Value& actual, const Json& expected, const CompareOptions& options) {
    const Json got = to_json(actual);
    const double count = (double)std::get<GalleryValue>(actual).items.size();
    if (expected.is_number()) return number_matches(count, expected, options.tolerance) ? Check() : mismatch(expected, show_expected(got));
    if (expected.is_array()) return got["captions"] == expected ? Check() : mismatch(expected, show_expected(got));
    return mismatch(expected, show_expected(got), "a Gallery is compared with its number of images or its captions [\"a\", ...]");
}

}  // namespace

KindTraits image() {
    return {.name = "Image",
            .default_value = [](const KindProps&) { return Value(ImageBuffer{}); },
            .flag_file_extension = ".png",
            .from_script = upload_images,
            .compare = compare_image,
            .expect = [](const Value& actual, const Json& expected, const CompareOptions&) {
                return expect_image_size(std::get<ImageBuffer>(actual), expected);
            }};
}

KindFileCodec image_file() {  // a dropped or uploaded picture
    return {.load = [](const std::string& path) {
        ImageLoadResult loaded = load_image_file(path);
        ValueLoadResult result;
        result.error = loaded.error;
        if (loaded) result.value = std::move(loaded.image);
        return result;
    }};
}

KindTraits annotated_image() {
    return {.name = "AnnotatedImage",
            .default_value = [](const KindProps&) { return Value(AnnotatedImageValue{}); },
            .flag_file_extension = ".png",
            .from_script = shows_handler_output,
            .compare = compare_annotated,
            .expect = expect_annotated};
}

KindTraits image_slider() {
    return {.name = "ImageSlider",
            .default_value = [](const KindProps&) { return Value(ImageSliderValue{}); },
            .flag_file_extension = "_a.png",
            .from_script = shows_handler_output,
            .compare = compare_pair,
            .expect = expect_pair};
}

KindTraits gallery() {
    return {.name = "Gallery",
            .default_value = [](const KindProps&) { return Value(GalleryValue{}); },
            .flag_file_extension = "",
            .from_script = shows_handler_output,
            .compare = compare_gallery,
            .expect = expect_gallery};
}

}  // namespace imgr::kinds
