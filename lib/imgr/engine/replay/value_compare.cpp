#include "imgr/engine/replay/value_compare.h"

#include "imgr/model/number_compare.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>

namespace imgr {

namespace {

constexpr size_t kShown = 40;  // characters of a value shown in a detail

std::string shorten(std::string text) {
    if (text.size() <= kShown) return text;
    size_t cut = kShown;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return text.substr(0, cut) + "…";
}

std::string shown(const Json& j) {
    if (j.is_number_float()) return format_number(j.get<double>());
    return shorten(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string quoted(const std::string& text) { return shown(Json(text)); }

bool is_numeric(const Json& j, double& out) {
    if (j.is_number()) { out = j.get<double>(); return true; }
    if (j.is_string()) {  // flagging spells NaN and infinities as strings
        const std::string s = j.get<std::string>();
        if (s == "nan" || s == "inf" || s == "-inf") { out = std::stod(s); return true; }
    }
    return false;
}

// The first place two JSON values differ ("" when none): "at /a/0: 1 -> 2".
std::string json_difference(const Json& expected, const Json& actual, double tolerance, const std::string& path) {
    double x = 0, y = 0;
    if (is_numeric(expected, x) && is_numeric(actual, y))
        return numbers_close(x, y, tolerance) ? "" : "at " + path + ": " + format_number(x) + " -> " + format_number(y);
    const std::string where = "at " + (path.empty() ? std::string("/") : path) + ": ";
    if (expected.type() != actual.type()) return where + shown(expected) + " -> " + shown(actual);
    if (expected.is_array()) {
        if (expected.size() != actual.size())
            return where + std::to_string(expected.size()) + " items -> " + std::to_string(actual.size());
        for (size_t i = 0; i < expected.size(); ++i)
            if (auto d = json_difference(expected[i], actual[i], tolerance, path + "/" + std::to_string(i)); !d.empty())
                return d;
        return "";
    }
    if (expected.is_object()) {
        for (const auto& [key, value] : expected.items()) {
            if (!actual.contains(key)) return where + "key \"" + key + "\" is gone";
            if (auto d = json_difference(value, actual[key], tolerance, path + "/" + key); !d.empty()) return d;
        }
        for (const auto& [key, value] : actual.items())
            if (!expected.contains(key)) return where + "new key \"" + key + "\"";
        return "";
    }
    return expected == actual ? "" : where + shown(expected) + " -> " + shown(actual);
}

Comparison compare_labels(const LabelValue& expected, const LabelValue& actual, double tolerance) {
    const std::string top_before = top_class(expected), top_after = top_class(actual);
    if (top_before != top_after) return {false, quoted(top_before) + " -> " + quoted(top_after)};
    // Confidences are compared when the flag kept them (a plain class name flags none).
    if (expected.confidences.empty()) return {};
    std::map<std::string, double> after(actual.confidences.begin(), actual.confidences.end());
    for (const auto& [name, before] : expected.confidences) {
        const auto it = after.find(name);
        if (it == after.end()) return {false, "class " + quoted(name) + " is gone"};
        if (!numbers_close(before, it->second, tolerance))
            return {false, "confidence of " + quoted(name) + " " + format_number(before) + " -> " +
                               format_number(it->second)};
    }
    if (after.size() != expected.confidences.size())
        return {false, std::to_string(expected.confidences.size()) + " classes -> " + std::to_string(after.size())};
    return {};
}

Comparison compare_images(const ImageBuffer& expected, const ImageBuffer& actual, double min_psnr) {
    if (expected.empty() || actual.empty()) {
        if (expected.empty() && actual.empty()) return {};
        return {false, describe(expected) + " -> " + describe(actual)};
    }
    const ImageDifference d = image_difference(expected, actual);
    if (!d.same_size)
        return {false, std::to_string(expected.width()) + "x" + std::to_string(expected.height()) + " -> " +
                           std::to_string(actual.width()) + "x" + std::to_string(actual.height())};
    if (d.max_difference == 0 || d.psnr >= min_psnr) return {};
    char text[96];
    std::snprintf(text, sizeof text, "max difference %d, PSNR %.1f dB (< %.1f)", d.max_difference, d.psnr, min_psnr);
    return {false, text};
}

}  // namespace

std::string text_diff(const std::string& expected, const std::string& actual) {
    size_t prefix = 0;
    while (prefix < expected.size() && prefix < actual.size() && expected[prefix] == actual[prefix]) ++prefix;
    while (prefix > 0 && ((unsigned char)expected[prefix] & 0xC0) == 0x80) --prefix;  // start at a character
    size_t suffix = 0;
    while (suffix < expected.size() - prefix && suffix < actual.size() - prefix &&
           expected[expected.size() - 1 - suffix] == actual[actual.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && ((unsigned char)expected[expected.size() - suffix] & 0xC0) == 0x80) --suffix;
    const std::string removed = expected.substr(prefix, expected.size() - prefix - suffix);
    const std::string added = actual.substr(prefix, actual.size() - prefix - suffix);
    std::string change = "at " + std::to_string(prefix + 1) + ":";
    if (!removed.empty()) change += " -" + quoted(removed);
    if (!added.empty()) change += " +" + quoted(added);
    return quoted(expected) + " -> " + quoted(actual) + " (" + change + ")";
}

namespace {

// Largest difference and sum of squared differences over `count` samples,
// every `stride` bytes taking the first `used` channels. Integer sums: the loop vectorises.
template <int stride_a, int stride_b, int used>
void add_differences(const uint8_t* a, const uint8_t* b, size_t pixels, int& max_difference, uint64_t& squares) {
    // In blocks whose 32-bit sum cannot overflow (4096 * 4 * 255^2 < 2^32), so the inner loop stays narrow.
    constexpr size_t kBlock = 4096;
    unsigned most = 0;
    for (size_t start = 0; start < pixels; start += kBlock) {
        const size_t end = std::min(pixels, start + kBlock);
        uint32_t sum = 0;
        for (size_t i = start; i < end; ++i)
            for (int c = 0; c < used; ++c) {
                const int signed_diff = (int)a[i * stride_a + c] - (int)b[i * stride_b + c];
                const unsigned diff = (unsigned)(signed_diff < 0 ? -signed_diff : signed_diff);
                most = std::max(most, diff);
                sum += diff * diff;
            }
        squares += sum;
    }
    max_difference = std::max(max_difference, (int)most);
}

}  // namespace

ImageDifference image_difference(const ImageBuffer& expected, const ImageBuffer& actual) {
    ImageDifference d;
    d.same_size = expected.width() == actual.width() && expected.height() == actual.height();
    if (!d.same_size) return d;
    const size_t pixels = expected.pixel_count();
    uint64_t squares = 0;
    size_t samples = 0;
    if (expected.u8() && actual.u8() && expected.channels() == actual.channels()) {
        // The common case (a PNG against a U8 result): straight over the bytes.
        samples = pixels * (size_t)expected.channels();
        add_differences<1, 1, 1>(expected.u8(), actual.u8(), samples, d.max_difference, squares);
    } else {
        // Grey, RGB, RGBA or float against each other: compared as RGBA 0..255
        // (the converted form is made once, vectorised, and kept with the pixels).
        // An 8-bit RGB side is read as it is (the usual flagged PNG against a float result).
        const bool alpha = std::max(expected.channels(), actual.channels()) == 4;
        auto rgb_as_is = [&](const ImageBuffer& image) { return !alpha && image.u8() && image.channels() == 3; };
        const ImageBuffer a = rgb_as_is(expected) ? expected : expected.to_rgba8();
        const ImageBuffer b = rgb_as_is(actual) ? actual : actual.to_rgba8();
        samples = pixels * (alpha ? 4 : 3);
        if (alpha)
            add_differences<4, 4, 4>(a.u8(), b.u8(), pixels, d.max_difference, squares);
        else if (a.channels() == 3 && b.channels() == 4)
            add_differences<3, 4, 3>(a.u8(), b.u8(), pixels, d.max_difference, squares);
        else if (a.channels() == 4 && b.channels() == 3)
            add_differences<4, 3, 3>(a.u8(), b.u8(), pixels, d.max_difference, squares);
        else
            add_differences<4, 4, 3>(a.u8(), b.u8(), pixels, d.max_difference, squares);
    }
    const double mse = samples ? (double)squares / (double)samples : 0;
    d.psnr = mse == 0 ? std::numeric_limits<double>::infinity() : 10.0 * std::log10(255.0 * 255.0 / mse);
    return d;
}

namespace {

// Clips: same rate, channels and length, then the samples as a signal-to-noise ratio
// in dB against the same threshold as images (a flagged WAV holds 16-bit samples,
// so a replayed float clip differs by its rounding: about 98 dB, far above 40).
Comparison compare_audio(const AudioBuffer& a, const AudioBuffer& b, double min_snr) {
    if (a.empty() || b.empty()) {
        if (a.empty() && b.empty()) return {};
        return {false, describe(Value(a)) + " -> " + describe(Value(b))};
    }
    if (a.sample_rate() != b.sample_rate() || a.channels() != b.channels() || a.frames() != b.frames())
        return {false, describe(Value(a)) + " -> " + describe(Value(b))};
    double signal = 0, noise = 0, max_difference = 0;
    const std::vector<float>& x = a.samples();
    const std::vector<float>& y = b.samples();
    for (size_t i = 0; i < x.size(); ++i) {
        const double d = (double)x[i] - (double)y[i];
        signal += (double)x[i] * x[i];
        noise += d * d;
        max_difference = std::max(max_difference, std::abs(d));
    }
    if (noise == 0) return {};
    const double snr = signal > 0 ? 10.0 * std::log10(signal / noise) : -std::numeric_limits<double>::infinity();
    if (snr >= min_snr) return {};
    char text[96];
    std::snprintf(text, sizeof text, "samples: max difference %.3g, SNR %.1f dB", max_difference, snr);
    return {false, text};
}

}  // namespace

Comparison compare_values(const Value& expected, const Value& actual, const CompareOptions& options) {
    if (std::holds_alternative<std::monostate>(actual) && !std::holds_alternative<std::monostate>(expected))
        return {false, shorten(describe(expected)) + " -> no value"};
    if (expected.index() != actual.index())
        return {false, shorten(describe(expected)) + " -> " + shorten(describe(actual))};
    if (auto x = std::get_if<double>(&expected)) {
        const double y = std::get<double>(actual);
        if (numbers_close(*x, y, options.tolerance)) return {};
        return {false, format_number(*x) + " -> " + format_number(y)};
    }
    if (auto x = std::get_if<std::string>(&expected)) {
        const std::string& y = std::get<std::string>(actual);
        if (*x == y) return {};
        return {false, text_diff(*x, y)};
    }
    if (auto x = std::get_if<LabelValue>(&expected)) return compare_labels(*x, std::get<LabelValue>(actual), options.tolerance);
    if (auto x = std::get_if<ImageBuffer>(&expected))
        return compare_images(*x, std::get<ImageBuffer>(actual), options.min_psnr);
    if (auto x = std::get_if<TableValue>(&expected)) {
        const TableValue& y = std::get<TableValue>(actual);
        if (x->headers != y.headers) return {false, "headers " + shown(Json(x->headers)) + " -> " + shown(Json(y.headers))};
        if (x->rows.size() != y.rows.size())
            return {false, std::to_string(x->rows.size()) + " rows -> " + std::to_string(y.rows.size())};
        for (size_t r = 0; r < x->rows.size(); ++r) {
            const std::string d = json_difference(Json(x->rows[r]), Json(y.rows[r]), options.tolerance, "");
            if (!d.empty()) return {false, "row " + std::to_string(r + 1) + " " + d};
        }
        return {};
    }
    if (std::holds_alternative<Json>(expected) || std::holds_alternative<PlotValue>(expected)) {
        const std::string d = json_difference(to_json(expected), to_json(actual), options.tolerance, "");
        return {d.empty(), d};
    }
    if (auto x = std::get_if<Color>(&expected)) {  // as flagged: 8 bits a channel
        const std::string before = color_to_hex(*x), after = color_to_hex(std::get<Color>(actual));
        if (before == after) return {};
        return {false, before + " -> " + after};
    }
    if (auto x = std::get_if<AnnotatedImageValue>(&expected)) {
        const AnnotatedImageValue& y = std::get<AnnotatedImageValue>(actual);
        if (Comparison image = compare_images(x->image, y.image, options.min_psnr); !image.same)
            return {false, "image: " + image.detail};
        const std::string d = json_difference(annotations_to_json(*x), annotations_to_json(y), options.tolerance, "");
        return {d.empty(), d.empty() ? "" : "annotations " + d};
    }
    if (auto x = std::get_if<ImageSliderValue>(&expected)) {
        const ImageSliderValue& y = std::get<ImageSliderValue>(actual);
        if (Comparison before = compare_images(x->before, y.before, options.min_psnr); !before.same)
            return {false, "before: " + before.detail};
        if (Comparison after = compare_images(x->after, y.after, options.min_psnr); !after.same)
            return {false, "after: " + after.detail};
        return {};
    }
    if (auto x = std::get_if<GalleryValue>(&expected)) {
        const GalleryValue& y = std::get<GalleryValue>(actual);
        if (x->items.size() != y.items.size())
            return {false, std::to_string(x->items.size()) + " images -> " + std::to_string(y.items.size())};
        for (size_t i = 0; i < x->items.size(); ++i) {
            const std::string at = "image " + std::to_string(i) + " ";
            if (x->items[i].caption != y.items[i].caption)
                return {false, at + "caption " + text_diff(x->items[i].caption, y.items[i].caption)};
            if (Comparison image = compare_images(x->items[i].image, y.items[i].image, options.min_psnr); !image.same)
                return {false, at + image.detail};
        }
        return {};
    }
    if (auto x = std::get_if<AudioBuffer>(&expected)) return compare_audio(*x, std::get<AudioBuffer>(actual), options.min_psnr);
    if (auto x = std::get_if<VideoValue>(&expected)) {
        // What the video is (a flagged .mp4 is an encoding of it, never the same bytes): size, rate, length.
        const VideoValue& y = std::get<VideoValue>(actual);
        if (x->width != y.width || x->height != y.height)
            return {false, std::to_string(x->width) + "x" + std::to_string(x->height) + " -> " + std::to_string(y.width) +
                               "x" + std::to_string(y.height)};
        if (std::abs(x->fps - y.fps) > 1e-3) return {false, format_number(x->fps) + " fps -> " + format_number(y.fps) + " fps"};
        const double frame = x->fps > 0 ? 1.0 / x->fps : 0.05;
        if (std::abs(x->duration - y.duration) > frame)
            return {false, format_number(x->duration) + " s -> " + format_number(y.duration) + " s"};
        return {};
    }
    if (std::holds_alternative<Conversation>(expected)) {
        const std::string d = json_difference(to_json(expected), to_json(actual), options.tolerance, "");
        return {d.empty(), d};
    }
    // Checkbox, choices: exactly.
    if (values_equal(expected, actual)) return {};
    return {false, shorten(describe(expected)) + " -> " + shorten(describe(actual))};
}

}  // namespace imgr
