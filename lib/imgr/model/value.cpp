#include "imgr/model/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace imgr {

std::string format_number(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0) return "0";  // also -0: a CSV reader should see 0
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

std::string color_to_hex(const Color& c) {
    auto byte = [](float v) { return (int)std::lround(std::clamp(std::isnan(v) ? 0.0f : v, 0.0f, 1.0f) * 255.0f); };
    char buffer[16];
    if (byte(c.a) == 255)
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    else
        std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
    return buffer;
}

std::optional<Color> color_from_hex(std::string_view hex) {
    if (!hex.empty() && hex[0] == '#') hex.remove_prefix(1);
    if (hex.size() != 6 && hex.size() != 8) return std::nullopt;
    unsigned parts[4] = {0, 0, 0, 255};
    for (size_t i = 0; i < hex.size() / 2; ++i) {
        auto [end, ec] = std::from_chars(hex.data() + i * 2, hex.data() + i * 2 + 2, parts[i], 16);
        if (ec != std::errc() || end != hex.data() + i * 2 + 2) return std::nullopt;
    }
    return Color{parts[0] / 255.0f, parts[1] / 255.0f, parts[2] / 255.0f, parts[3] / 255.0f};
}

namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

Json number_json(double v) {
    // JSON has no NaN or infinity; a string keeps the information.
    if (std::isfinite(v)) return v;
    return format_number(v);
}
}  // namespace

Json audio_to_json(const AudioBuffer& audio) {
    if (audio.empty()) return nullptr;
    return {{"duration", audio.duration()}, {"sample_rate", audio.sample_rate()}, {"channels", audio.channels()}};
}

std::string top_class(const LabelValue& value) {
    if (!value.label.empty() || value.confidences.empty()) return value.label;
    auto higher = [](const auto& a, const auto& b) {
        if (std::isnan(a.second) || std::isnan(b.second)) return !std::isnan(a.second) && std::isnan(b.second);
        return a.second > b.second;
    };
    // The first of the highest, as a stable sort by confidence puts first.
    auto top = value.confidences.begin();
    for (auto it = top + 1; it != value.confidences.end(); ++it)
        if (higher(*it, *top)) top = it;
    return top->first;
}

Json to_json(const Value& value) {
    return std::visit(
        Overloaded{
            [](std::monostate) -> Json { return nullptr; },
            [](bool b) -> Json { return b; },
            [](double d) -> Json { return number_json(d); },
            [](const std::string& s) -> Json { return s; },
            [](const StringList& list) -> Json { return list; },
            [](const ImageBuffer& image) -> Json {
                if (image.empty()) return nullptr;
                return image.source.empty() ? Json(nullptr) : Json(image.source);
            },
            [](const LabelValue& label) -> Json {
                Json j = Json::object();
                j["label"] = top_class(label);
                if (!label.confidences.empty()) {
                    Json confidences = Json::array();
                    for (const auto& [name, score] : label.confidences)
                        confidences.push_back({{"label", name}, {"confidence", number_json(score)}});
                    j["confidences"] = confidences;
                }
                return j;
            },
            [](const PlotValue& plot) -> Json {
                Json series = Json::array();
                for (const PlotSeries& s : plot.series) {
                    Json xs = Json::array(), ys = Json::array();
                    for (double x : s.x) xs.push_back(number_json(x));
                    for (double y : s.y) ys.push_back(number_json(y));
                    series.push_back({{"name", s.name},
                                      {"style", s.style == PlotSeries::Style::Line ? "line" : "scatter"},
                                      {"x", xs},
                                      {"y", ys}});
                }
                return {{"title", plot.title}, {"x_label", plot.x_label}, {"y_label", plot.y_label},
                        {"series", series}};
            },
            [](const Json& j) -> Json { return j; },
            [](const Color& c) -> Json { return color_to_hex(c); },
            [](const TableValue& t) -> Json { return {{"headers", t.headers}, {"data", t.rows}}; },
            [](const Conversation& c) -> Json { return conversation_to_json(c); },
            [](const AnnotatedImageValue& a) -> Json { return annotations_to_json(a); },
            [](const ImageSliderValue&) -> Json { return nullptr; },  // images: flagging writes files
            [](const ImageEditorValue&) -> Json { return nullptr; },
            [](const GalleryValue& g) -> Json {
                Json captions = Json::array();
                for (const GalleryItem& item : g.items) captions.push_back(item.caption);
                return {{"images", g.items.size()}, {"captions", captions}};
            },
            [](const AudioBuffer& audio) -> Json { return audio_to_json(audio); },
            [](const VideoValue& v) -> Json {
                if (v.empty()) return nullptr;
                return {{"path", v.path}, {"duration", v.duration}, {"fps", v.fps}, {"width", v.width},
                        {"height", v.height}};
            },
        },
        value);
}

std::string to_cell(const Value& value) {
    if (auto d = std::get_if<double>(&value)) return format_number(*d);
    if (auto s = std::get_if<std::string>(&value)) return *s;
    if (auto b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (std::holds_alternative<std::monostate>(value)) return "";
    if (auto c = std::get_if<Color>(&value)) return color_to_hex(*c);
    if (auto image = std::get_if<ImageBuffer>(&value)) return image->source;
    if (auto audio = std::get_if<AudioBuffer>(&value)) return audio->source;
    if (auto video = std::get_if<VideoValue>(&value)) return video->path;
    if (auto label = std::get_if<LabelValue>(&value); label && label->confidences.empty()) return label->label;
    return to_json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string describe(const Value& value) {
    if (auto image = std::get_if<ImageBuffer>(&value)) {
        if (image->empty()) return "no image";
        return "image " + std::to_string(image->width()) + "x" + std::to_string(image->height()) + "x" +
               std::to_string(image->channels());
    }
    if (auto annotated = std::get_if<AnnotatedImageValue>(&value)) {
        if (annotated->image.empty()) return "no image";
        return "annotated image " + std::to_string(annotated->image.width()) + "x" +
               std::to_string(annotated->image.height()) + ", " + std::to_string(annotated->boxes.size()) + " box(es), " +
               std::to_string(annotated->masks.size()) + " mask(s)";
    }
    if (auto gallery = std::get_if<GalleryValue>(&value)) return std::to_string(gallery->items.size()) + " image(s)";
    if (auto editor = std::get_if<ImageEditorValue>(&value)) {
        if (editor->empty()) return "no image";
        return "edited " + describe(Value(editor->background)) + ", " + std::to_string(editor->layers.size()) + " layer(s)";
    }
    if (auto pair = std::get_if<ImageSliderValue>(&value)) {
        if (pair->empty()) return "no images";
        return "images " + describe(Value(pair->before)) + " | " + describe(Value(pair->after));
    }
    if (auto audio = std::get_if<AudioBuffer>(&value)) {
        if (audio->empty()) return "no audio";
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.4g", audio->duration());  // "1.5", "0.0005", "123.5"
        return "audio " + std::string(seconds) + " s, " + std::to_string(audio->sample_rate()) + " Hz, " +
               std::to_string(audio->channels()) + " channel" + (audio->channels() == 1 ? "" : "s");
    }
    if (auto video = std::get_if<VideoValue>(&value)) {
        if (video->empty()) return "no video";
        return "video " + std::to_string(video->width) + "x" + std::to_string(video->height) + " " +
               format_number(video->duration) + " s at " + format_number(video->fps) + " fps";
    }
    if (auto d = std::get_if<double>(&value)) return format_number(*d);
    return to_json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool values_equal(const Value& a, const Value& b) {
    if (a.index() != b.index()) return false;
    if (auto x = std::get_if<double>(&a)) {
        const double y = std::get<double>(b);
        return *x == y || (std::isnan(*x) && std::isnan(y));
    }
    return a == b;
}

}  // namespace imgr
