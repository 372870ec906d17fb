#include "imgr/model/kinds/compare.h"

#include "imgr/model/kind_files.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace imgr {

using namespace kinds;

namespace {

constexpr size_t kShown = 40;  // characters of a value shown in a detail

bool is_numeric(const Json& j, double& out) {
    if (j.is_number()) { out = j.get<double>(); return true; }
    if (j.is_string()) {  // flagging spells NaN and infinities as strings
        const std::string s = j.get<std::string>();
        if (s == "nan" || s == "inf" || s == "-inf") { out = std::stod(s); return true; }
    }
    return false;
}

}  // namespace

std::string kinds::shorten(std::string text) {
    if (text.size() <= kShown) return text;
    size_t cut = kShown;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return text.substr(0, cut) + "…";
}

std::string kinds::shown(const Json& j) {
    if (j.is_number_float()) return format_number(j.get<double>());
    return shorten(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string kinds::quoted(const std::string& text) { return shown(Json(text)); }

// The first place two JSON values differ ("" when none): "at /a/0: 1 -> 2".
std::string kinds::json_difference(const Json& expected, const Json& actual, double tolerance, const std::string& path) {
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


Comparison kinds::compare_images(const ImageBuffer& expected, const ImageBuffer& actual, double min_psnr) {
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

std::string kinds::iou_text(double iou, double min_iou) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4g (< %.4g)", iou, min_iou);
    return text;
}

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

Comparison compare_values(const Value& expected, const Value& actual, const CompareOptions& options) {
    if (expected.index() != actual.index()) return differs(expected, actual);
    if (std::holds_alternative<std::monostate>(expected)) return {};
    if (const KindTraits* traits = value_traits(expected)) return traits->compare(expected, actual, options);
    // A value no linked kind holds (a module's, without the module): only equal or not.
    return expected == actual ? Comparison{} : differs(expected, actual);
}

Comparison compare_values(ComponentKind kind, const Value& expected, const Value& actual, const CompareOptions& options) {
    if (!has_kind_traits(kind)) return {false, missing_module_message(kind)};
    return compare_values(expected, actual, options);
}

Comparison kinds::differs(const Value& expected, const Value& actual) {
    if (std::holds_alternative<std::monostate>(actual)) return {false, shorten(describe(expected)) + " -> no value"};
    return {false, shorten(describe(expected)) + " -> " + shorten(describe(actual))};
}

std::string kinds::show_expected(const Json& j) {
    if (j.is_number()) return format_number(j.get<double>());
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string kinds::mismatch(const Json& expected, const std::string& got, const char* hint) {
    std::string message = "expected " + show_expected(expected) + ", got " + got;
    if (hint) message += std::string(" (") + hint + ")";
    return message;
}

bool kinds::number_matches(double actual, const Json& expected, double tolerance) {
    if (expected.is_number()) return numbers_close(actual, expected.get<double>(), tolerance);
    // JSON has no NaN or infinity, so a script writes them as format_number() does.
    if (expected.is_string() && !std::isfinite(actual))
        return expected.get_ref<const std::string&>() == format_number(actual);
    return false;
}

kinds::Check kinds::verdict(const Comparison& comparison, const Json& expected, const std::string& got) {
    return comparison.same ? Check() : mismatch(expected, got);
}

}  // namespace imgr
