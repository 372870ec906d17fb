#include "imgr/driver/expectation.h"

#include "imgr/driver/video_expectation.h"
#include "imgr/model/number_compare.h"

#include <algorithm>
#include <cmath>

namespace imgr {

namespace {

constexpr double kRelativeTolerance = 1e-9;

bool number_matches(double actual, const Json& expected) {
    if (expected.is_number()) return numbers_close(actual, expected.get<double>(), kRelativeTolerance);
    // JSON has no NaN or infinity, so a script writes them as format_number() does.
    if (expected.is_string() && !std::isfinite(actual))
        return expected.get_ref<const std::string&>() == format_number(actual);
    return false;
}

bool json_matches(const Json& actual, const Json& expected) {
    if (actual.is_number()) return number_matches(actual.get<double>(), expected);
    if (actual.is_array()) {
        if (!expected.is_array() || expected.size() != actual.size()) return false;
        for (size_t i = 0; i < actual.size(); ++i)
            if (!json_matches(actual[i], expected[i])) return false;
        return true;
    }
    if (actual.is_object()) {
        if (!expected.is_object() || expected.size() != actual.size()) return false;
        for (const auto& [key, item] : actual.items()) {
            auto other = expected.find(key);
            if (other == expected.end() || !json_matches(item, *other)) return false;
        }
        return true;
    }
    return actual == expected;  // null, bool, string
}

std::string show(const Json& j) {
    if (j.is_number()) return format_number(j.get<double>());
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string mismatch(const Json& expected, const std::string& got, const char* hint = nullptr) {
    std::string message = "expected " + show(expected) + ", got " + got;
    if (hint) message += std::string(" (") + hint + ")";
    return message;
}

using Check = std::optional<std::string>;

Check check_image(const ImageBuffer& image, const Json& expected) {
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

// A clip is compared by what it is, not sample by sample: {"duration": s, "sample_rate": Hz, "channels": n},
// any of the keys; a duration within half a millisecond (a clip is a whole number of samples).
Check check_audio(const AudioBuffer& audio, const Json& expected) {
    const Json actual = audio_to_json(audio);
    const std::string got = audio.empty() ? std::string("no audio") : show(actual);
    if (expected.is_null()) return audio.empty() ? Check() : mismatch(expected, got);
    const bool known_keys = expected.is_object() && !expected.empty() &&
                            std::all_of(expected.items().begin(), expected.items().end(), [](const auto& item) {
                                return (item.key() == "duration" || item.key() == "sample_rate" ||
                                        item.key() == "channels") && item.value().is_number();
                            });
    if (!known_keys)
        return mismatch(expected, got, "audio is compared with {\"duration\": seconds, \"sample_rate\": Hz, \"channels\": n}");
    if (audio.empty()) return mismatch(expected, got);
    for (const auto& item : expected.items()) {
        const double want = item.value().get<double>(), have = actual[item.key()].get<double>();
        const bool same = item.key() == "duration" ? std::abs(want - have) <= 0.0005 : want == have;
        if (!same) return mismatch(expected, got);
    }
    return std::nullopt;
}

Check check_label(const LabelValue& value, const Json& expected) {
    if (expected.is_string()) {
        const std::string shown = top_class(value);
        return expected.get_ref<const std::string&>() == shown ? Check() : mismatch(expected, show(Json(shown)));
    }
    Json confidences = Json::object();
    for (const auto& [name, score] : value.confidences) confidences[name] = to_json(Value(score));
    if (expected.is_object()) {
        // Classes are names, so a class listed twice in the value cannot be matched by an object: it fails.
        bool same = expected.size() == value.confidences.size();
        for (const auto& [name, score] : value.confidences) {
            auto other = expected.find(name);
            same = same && other != expected.end() && number_matches(score, *other);
        }
        return same ? Check() : mismatch(expected, show(confidences));
    }
    if (expected.is_null()) return value == LabelValue() ? Check() : mismatch(expected, show(to_json(Value(value))));
    return mismatch(expected, show(to_json(Value(value))),
                    "a Label is compared with a class name or with {\"class\": confidence, ...}");
}

Check check_table(const TableValue& table, const Json& expected) {
    const Json actual = to_json(Value(table));
    const std::string got = show(actual);
    if (expected.is_array()) return json_matches(actual["data"], expected) ? Check() : mismatch(expected, got);
    const bool known_keys =
        expected.is_object() && std::all_of(expected.items().begin(), expected.items().end(),
                                            [](const auto& item) { return item.key() == "headers" || item.key() == "data"; });
    if (!known_keys)
        return mismatch(expected, got, "a table is compared with {\"headers\": [...], \"data\": [[...], ...]}");
    for (const char* key : {"headers", "data"})
        if (expected.contains(key) && !json_matches(actual[key], expected[key])) return mismatch(expected, got);
    return std::nullopt;
}

Check check_color(const Color& color, const Json& expected) {
    const std::string got = show(Json(color_to_hex(color)));
    std::optional<Color> wanted;
    if (expected.is_string()) wanted = color_from_hex(expected.get_ref<const std::string&>());
    if (!wanted) return mismatch(expected, got, "a colour is compared with \"#rrggbb\"");
    return color_to_hex(*wanted) == color_to_hex(color) ? Check() : mismatch(expected, got);
}

// Boxes as JSON (the flagged N.json's "boxes"), or an object naming any of
// "boxes", "labels" (the boxes' labels in order: what OCR read), "masks" and "size".
Check check_annotated(const AnnotatedImageValue& value, const Json& expected) {
    const Json actual = annotations_to_json(value);
    const std::string got = value.image.empty() ? std::string("no image") : show(actual);
    if (expected.is_null()) return value.image.empty() ? Check() : mismatch(expected, got);
    if (expected.is_array()) return json_matches(actual["boxes"], expected) ? Check() : mismatch(expected, got);
    const char* hint = "an AnnotatedImage is compared with its boxes [{\"x0\":..,\"y0\":..,\"x1\":..,\"y1\":..,"
                       "\"label\":..,\"score\":..}, ...] or with {\"labels\": [...], \"boxes\": [...], \"masks\": [...], "
                       "\"size\": [w, h]}";
    const bool known_keys = expected.is_object() && std::all_of(expected.items().begin(), expected.items().end(), [](const auto& item) {
        return item.key() == "boxes" || item.key() == "labels" || item.key() == "masks" || item.key() == "size";
    });
    if (!known_keys) return mismatch(expected, got, hint);
    Json labels = Json::array();
    for (const AnnotationBox& box : value.boxes) labels.push_back(box.label);
    if (expected.contains("labels") && labels != expected["labels"]) return mismatch(expected, show(Json{{"labels", labels}}));
    for (const char* key : {"boxes", "masks"})
        if (expected.contains(key) && !json_matches(actual[key], expected[key])) return mismatch(expected, got);
    if (expected.contains("size")) return check_image(value.image, expected["size"]);
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_expected(const Value& actual, const Json& expected) {
    if (std::holds_alternative<std::monostate>(actual))
        return expected.is_null() ? Check() : mismatch(expected, "no value");
    if (auto* b = std::get_if<bool>(&actual)) {
        if (!expected.is_boolean()) return mismatch(expected, *b ? "true" : "false", "true or false, without quotes");
        return expected.get<bool>() == *b ? Check() : mismatch(expected, *b ? "true" : "false");
    }
    if (auto* d = std::get_if<double>(&actual)) {
        if (number_matches(*d, expected)) return Check();
        const auto names_non_finite = [&] {
            const std::string& text = expected.get_ref<const std::string&>();
            return text == "nan" || text == "inf" || text == "-inf";
        };
        const bool could_be_number = expected.is_number() || (expected.is_string() && names_non_finite());
        return mismatch(expected, format_number(*d),
                        could_be_number ? nullptr : "a number is written without quotes; only \"nan\", \"inf\", \"-inf\" are quoted");
    }
    if (auto* s = std::get_if<std::string>(&actual)) {
        if (!expected.is_string()) return mismatch(expected, show(Json(*s)), "text is a JSON string, in double quotes");
        return expected.get_ref<const std::string&>() == *s ? Check() : mismatch(expected, show(Json(*s)));
    }
    if (auto* list = std::get_if<StringList>(&actual)) {
        const bool of_strings = expected.is_array() && std::all_of(expected.begin(), expected.end(),
                                                                   [](const Json& j) { return j.is_string(); });
        if (!of_strings) return mismatch(expected, show(Json(*list)), "a list of choices is an array of strings: [\"a\", \"b\"]");
        return expected == Json(*list) ? Check() : mismatch(expected, show(Json(*list)));
    }
    if (auto* image = std::get_if<ImageBuffer>(&actual)) return check_image(*image, expected);
    if (auto* label = std::get_if<LabelValue>(&actual)) return check_label(*label, expected);
    if (auto* color = std::get_if<Color>(&actual)) return check_color(*color, expected);
    if (auto* table = std::get_if<TableValue>(&actual)) return check_table(*table, expected);
    if (auto* annotated = std::get_if<AnnotatedImageValue>(&actual)) return check_annotated(*annotated, expected);
    if (auto* gallery = std::get_if<GalleryValue>(&actual)) {
        // The number of images, or the captions in order.
        const Json got = to_json(actual);
        if (expected.is_number()) return number_matches((double)gallery->items.size(), expected) ? Check() : mismatch(expected, show(got));
        if (expected.is_array()) return got["captions"] == expected ? Check() : mismatch(expected, show(got));
        return mismatch(expected, show(got), "a Gallery is compared with its number of images or its captions [\"a\", ...]");
    }
    if (auto* pair = std::get_if<ImageSliderValue>(&actual)) {
        // Both images by their size, [width, height] or [width, height, channels]; null when it shows none.
        if (expected.is_null()) return pair->empty() ? Check() : mismatch(expected, describe(actual));
        if (Check before = check_image(pair->before, expected)) return before;
        return check_image(pair->after, expected);
    }
    if (auto* audio = std::get_if<AudioBuffer>(&actual)) return check_audio(*audio, expected);
    if (auto* video = std::get_if<VideoValue>(&actual)) return check_video(*video, expected);
    // Json and Plot: structurally, against the JSON form of the value.
    const Json json = to_json(actual);
    return json_matches(json, expected) ? Check() : mismatch(expected, show(json));
}

}  // namespace imgr
