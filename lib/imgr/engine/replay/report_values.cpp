#include "imgr/engine/replay/report_values.h"

#include "imgr/model/annotation_palette.h"
#include "imgr/model/image_io.h"
#include "imgr/model/kinds/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace imgr {

namespace {

constexpr size_t kFoldFrom = 200;  // characters of JSON from which it is folded (a summary line, the rest on a click)

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

std::string hex_color(uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", (unsigned)(rgb & 0xffffff));
    return text;
}

std::string img(const ImageBuffer& image, const std::string& alt) {
    const std::vector<std::uint8_t> png = encode_png(image);
    return "<img alt=\"" + html_escape(alt) + "\" src=\"data:image/png;base64," + base64(png.data(), png.size()) + "\">";
}

// Side by side, each with its caption: flagged | new (| difference).
std::string figures(const std::vector<std::pair<std::string, std::string>>& captioned) {
    std::string out = "<div class=\"pair\">";
    for (const auto& [caption, body] : captioned)
        out += "<figure>" + body + "<figcaption>" + html_escape(caption) + "</figcaption></figure>";
    return out + "</div>";
}

// |flagged - new| per channel, four times brighter so a small change shows; RGB.
ImageBuffer difference_image(const ImageBuffer& a, const ImageBuffer& b) {
    const ImageBuffer x = a.to_rgba8(), y = b.to_rgba8();
    ImageBuffer out(a.width(), a.height(), 3);
    uint8_t* p = out.mutable_u8();
    for (size_t i = 0; i < a.pixel_count(); ++i)
        for (int c = 0; c < 3; ++c) p[i * 3 + c] = (uint8_t)std::min(255, 4 * std::abs((int)x.u8()[i * 4 + c] - (int)y.u8()[i * 4 + c]));
    return out;
}

std::string image_pair(const ImageBuffer& flagged, const ImageBuffer& replayed) {
    auto shown = [](const ImageBuffer& image, const std::string& alt) { return image.empty() ? std::string("<i>no image</i>") : img(image, alt); };
    std::vector<std::pair<std::string, std::string>> parts = {{"flagged", shown(flagged, "flagged")}, {"new", shown(replayed, "new")}};
    std::string note;
    if (!flagged.empty() && !replayed.empty()) {
        const ImageDifference d = image_difference(flagged, replayed);
        if (d.same_size && d.max_difference > 0) {
            parts.push_back({"difference (x4)", img(difference_image(flagged, replayed), "difference")});
            note = "<p class=\"note\">PSNR " + (std::isinf(d.psnr) ? std::string("∞") : format("%.1f", d.psnr)) +
                   " dB, largest difference " + std::to_string(d.max_difference) + "</p>";
        } else if (d.same_size) {
            note = "<p class=\"note\">identical pixels</p>";
        }
    }
    return figures(parts) + note;
}

// A mask as an RGBA PNG in its label's colour, transparent elsewhere: laid over the image in the SVG.
std::string mask_layer(const ImageBuffer& mask, uint32_t rgb) {
    ImageBuffer tinted(mask.width(), mask.height(), 4);
    uint8_t* p = tinted.mutable_u8();
    for (size_t i = 0; i < mask.pixel_count(); ++i)
        if (mask.sample((int)(i % mask.width()), (int)(i / mask.width()), 0)) {
            p[i * 4] = (uint8_t)(rgb >> 16), p[i * 4 + 1] = (uint8_t)(rgb >> 8), p[i * 4 + 2] = (uint8_t)rgb, p[i * 4 + 3] = 110;
        }
    const std::vector<std::uint8_t> png = encode_png(tinted);
    return "<image width=\"" + std::to_string(mask.width()) + "\" height=\"" + std::to_string(mask.height()) +
           "\" href=\"data:image/png;base64," + base64(png.data(), png.size()) + "\"/>";
}

bool same_box(const AnnotationBox& a, const AnnotationBox& b) {
    return a.label == b.label && std::abs(a.x0 - b.x0) < 0.5 && std::abs(a.y0 - b.y0) < 0.5 && std::abs(a.x1 - b.x1) < 0.5 &&
           std::abs(a.y1 - b.y1) < 0.5;
}

// The image with its masks and boxes drawn over it (SVG in image pixels, scaled with the image).
// A box with no equal in `other` is marked: dashed, with a red outline beside it.
std::string annotated(const AnnotatedImageValue& value, const AnnotatedImageValue* other) {
    if (value.image.empty()) return "<i>no image</i>";
    const int w = value.image.width(), h = value.image.height();
    const std::vector<std::string> labels = annotation_labels(value);
    auto colour_of = [&](const std::string& label) {
        return annotation_rgb((size_t)(std::find(labels.begin(), labels.end(), label) - labels.begin()));
    };
    std::string svg = "<svg viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) + "\" preserveAspectRatio=\"none\">";
    for (const AnnotationMask& mask : value.masks)
        if (mask.mask.width() == w && mask.mask.height() == h) svg += mask_layer(mask.mask, colour_of(mask.label));
    int differing = 0;
    for (const AnnotationBox& box : value.boxes) {
        const bool differs = other && std::none_of(other->boxes.begin(), other->boxes.end(),
                                                   [&](const AnnotationBox& o) { return same_box(box, o); });
        differing += differs;
        const std::string rect = "x=\"" + format("%g", box.x0) + "\" y=\"" + format("%g", box.y0) + "\" width=\"" +
                                 format("%g", box.x1 - box.x0) + "\" height=\"" + format("%g", box.y1 - box.y0) + "\"";
        if (differs)  // outside the box, so its own colour still shows
            svg += "<rect class=\"differs\" " + rect + " fill=\"none\" stroke=\"#d00000\" stroke-width=\"6\" stroke-dasharray=\"6 4\" vector-effect=\"non-scaling-stroke\"/>";
        svg += "<rect " + rect + " fill=\"none\" stroke=\"" + hex_color(colour_of(box.label)) +
               "\" stroke-width=\"3\" vector-effect=\"non-scaling-stroke\"><title>" + html_escape(box.label + " " + format_number(box.score)) +
               "</title></rect>";
    }
    svg += "</svg>";
    std::string legend;
    for (const std::string& label : labels)
        legend += "<span class=\"swatch\" style=\"background:" + hex_color(colour_of(label)) + "\"></span>" + html_escape(label) + " ";
    const std::string summary = std::to_string(value.boxes.size()) + " box(es)" +
                                (other ? ", " + std::to_string(differing) + " not in the other" : std::string()) + ", " +
                                std::to_string(value.masks.size()) + " mask(s)";
    return "<div class=\"annotated\">" + img(value.image, describe(Value(value))) + svg + "</div><p class=\"note\">" + legend +
           "<br>" + html_escape(summary) + "</p>";
}

std::string label_bars(const LabelValue& label) {
    std::string out = "<b>" + html_escape(top_class(label)) + "</b>";
    if (label.confidences.empty()) return out;
    std::vector<std::pair<std::string, double>> sorted = label.confidences;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    // As the window's bars: a share of the track, and the score as a percentage when scores are 0..1.
    const bool shares = std::all_of(sorted.begin(), sorted.end(), [](const auto& c) { return c.second >= 0 && c.second <= 1; });
    out += "<div class=\"bars\">";
    for (const auto& [name, score] : sorted) {
        const double share = std::isfinite(score) ? std::clamp(score, 0.0, 1.0) : 0.0;
        const std::string shown = shares ? format("%.1f%%", score * 100) : format("%.4g", score);
        out += "<div title=\"" + html_escape(format_number(score)) + "\"><span class=\"name\">" + html_escape(name) +
               "</span><span class=\"track\"><span class=\"bar\" style=\"width:" + format("%.1f", share * 100) +
               "%\"></span></span><span class=\"score\">" + shown + "</span></div>";
    }
    return out + "</div>";
}

// The two texts with what changed marked: removed in the flagged one, added in the new one.
std::pair<std::string, std::string> marked_texts(const std::string& a, const std::string& b) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    while (prefix > 0 && ((unsigned char)a[prefix < a.size() ? prefix : a.size() - 1] & 0xC0) == 0x80) --prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    while (suffix > 0 && ((unsigned char)a[a.size() - suffix] & 0xC0) == 0x80) --suffix;
    const std::string head = html_escape(a.substr(0, prefix)), tail = html_escape(a.substr(a.size() - suffix));
    const std::string removed = a.substr(prefix, a.size() - prefix - suffix), added = b.substr(prefix, b.size() - prefix - suffix);
    return {"<code>" + head + (removed.empty() ? "" : "<del>" + html_escape(removed) + "</del>") + tail + "</code>",
            "<code>" + head + (added.empty() ? "" : "<ins>" + html_escape(added) + "</ins>") + tail + "</code>"};
}

// JSON as text; long, it is folded: its summary says where it differs first.
std::string json_block(const Value& value, const std::string& differs) {
    const std::string text = to_cell(value);
    if (text.size() < kFoldFrom) return "<code>" + html_escape(text) + "</code>";
    const std::string summary = differs.empty() ? std::to_string(text.size()) + " characters of JSON" : differs;
    return "<details><summary>" + html_escape(summary) + "</summary><pre>" + html_escape(to_json(value).dump(1)) + "</pre></details>";
}

std::string number_change(double a, double b) {
    if (!std::isfinite(a) || !std::isfinite(b)) return "";
    std::string out = " <small>(" + std::string(b >= a ? "+" : "") + format_number(b - a);
    if (a != 0) out += ", " + std::string(b >= a ? "+" : "") + format("%.3g", (b - a) / std::abs(a) * 100) + "%";
    return out + ")</small>";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string base64(const std::uint8_t* data, size_t size) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((size + 2) / 3 * 4);
    for (size_t i = 0; i < size; i += 3) {
        const std::uint32_t n = (std::uint32_t)data[i] << 16 | (i + 1 < size ? (std::uint32_t)data[i + 1] << 8 : 0) |
                                (i + 2 < size ? data[i + 2] : 0);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < size ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < size ? digits[n & 63] : '=';
    }
    return out;
}

std::string html_value(const Value& value) {
    if (std::holds_alternative<std::monostate>(value)) return "<i>no value</i>";
    if (const auto* image = std::get_if<ImageBuffer>(&value)) return image->empty() ? "<i>no image</i>" : img(*image, describe(value));
    if (const auto* a = std::get_if<AnnotatedImageValue>(&value)) return annotated(*a, nullptr);
    if (const auto* editor = std::get_if<ImageEditorValue>(&value))  // the layers over the background, as the person saw them
        return editor->empty() ? "<i>no image</i>" : img(composite_of(editor->background, editor->layers), describe(value));
    if (const auto* pair = std::get_if<ImageSliderValue>(&value))
        return figures({{"before", html_value(pair->before)}, {"after", html_value(pair->after)}});
    if (const auto* label = std::get_if<LabelValue>(&value)) return label_bars(*label);
    if (const auto* text = std::get_if<std::string>(&value)) return "<code>" + html_escape(*text) + "</code>";
    return json_block(value, "");
}

std::string html_compared(const ReplayCell& cell) {
    const Value& a = cell.flagged;
    const Value& b = cell.replayed;
    const std::string detail = cell.comparison.same ? "" : cell.comparison.detail;
    std::string body;
    if (a.index() != b.index() || std::holds_alternative<std::monostate>(a)) {
        body = figures({{"flagged", html_value(a)}, {"new", html_value(b)}});
    } else if (const auto* x = std::get_if<ImageBuffer>(&a)) {
        body = image_pair(*x, std::get<ImageBuffer>(b));
    } else if (const auto* x = std::get_if<AnnotatedImageValue>(&a)) {
        const auto& y = std::get<AnnotatedImageValue>(b);
        body = figures({{"flagged", annotated(*x, &y)}, {"new", annotated(y, x)}});
    } else if (const auto* x = std::get_if<ImageEditorValue>(&a)) {
        const auto& y = std::get<ImageEditorValue>(b);
        body = image_pair(x->empty() ? ImageBuffer() : composite_of(x->background, x->layers),
                          y.empty() ? ImageBuffer() : composite_of(y.background, y.layers));
    } else if (const auto* x = std::get_if<std::string>(&a)) {
        const auto [flagged, replayed] = marked_texts(*x, std::get<std::string>(b));
        body = figures({{"flagged", flagged}, {"new", replayed}});
    } else if (const auto* x = std::get_if<double>(&a)) {
        const double y = std::get<double>(b);
        body = figures({{"flagged", "<code>" + format_number(*x) + "</code>"},
                        {"new", "<code>" + format_number(y) + "</code>" + (cell.comparison.same ? "" : number_change(*x, y))}});
    } else if (std::holds_alternative<LabelValue>(a) || std::holds_alternative<ImageSliderValue>(a)) {
        body = figures({{"flagged", html_value(a)}, {"new", html_value(b)}});
    } else {
        body = figures({{"flagged", json_block(a, detail)}, {"new", json_block(b, detail)}});
    }
    if (!detail.empty()) body += "<p class=\"detail\">" + html_escape(detail) + "</p>";
    return body;
}

}  // namespace imgr
