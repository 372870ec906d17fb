// Values: what a component holds, what handlers take and return, what a flag
// saves. One variant of plain C++ types; each component kind uses one of them.
#pragma once
#include "imgr/model/chat.h"
#include "imgr/model/annotated_image.h"
#include "imgr/model/gallery.h"
#include "imgr/model/audio.h"
#include "imgr/model/image.h"
#include "imgr/model/image_editor.h"
#include "imgr/model/image_slider.h"
#include "imgr/model/video_value.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace imgr {

using Json = nlohmann::json;
using StringList = std::vector<std::string>;

// The value of a Label: a class name, and optionally class -> confidence.
struct LabelValue {
    std::string label;                                         // shown large; the top class when empty
    std::vector<std::pair<std::string, double>> confidences;   // shown as bars, highest first
    LabelValue() = default;
    LabelValue(std::string text) : label(std::move(text)) {}   // NOLINT: a plain class name reads naturally
    LabelValue(const char* text) : label(text) {}              // NOLINT
    LabelValue(std::vector<std::pair<std::string, double>> scores) : confidences(std::move(scores)) {}  // NOLINT
    bool operator==(const LabelValue&) const = default;
};
// What a Label shows large: `label`, else the class with the highest confidence
// (the first of equals; NaN last), else "". Flagged JSON stores it, as Gradio does.
std::string top_class(const LabelValue& value);

// The value of a Plot: line and scatter series over shared axes.
struct PlotSeries {
    enum class Style { Line, Scatter };
    std::string name;
    std::vector<double> x, y;
    Style style = Style::Line;
    std::optional<unsigned> color;                              // 0xRRGGBB; a palette colour when absent
    bool operator==(const PlotSeries&) const = default;
};
struct PlotValue {
    std::string title, x_label, y_label;
    std::vector<PlotSeries> series;
    bool operator==(const PlotValue&) const = default;
};

// The value of a ColorPicker: RGBA, 0..1.
struct Color {
    float r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Color&) const = default;
};

// The value of a Dataframe: headers and rows of cells (numbers or text).
struct TableValue {
    StringList headers;
    std::vector<std::vector<Json>> rows;
    bool operator==(const TableValue&) const = default;
};

using Value = std::variant<std::monostate, bool, double, std::string, StringList, ImageBuffer, LabelValue,
                           PlotValue, Json, Color, TableValue, Conversation, AnnotatedImageValue,
                           ImageSliderValue, GalleryValue, AudioBuffer, VideoValue, ImageEditorValue>;

// --- conversions used by flagging, scripts and tests -------------------------
std::string format_number(double value);     // shortest round-trip form: 12, 4.5, -0.25; nan, inf, -inf
std::string color_to_hex(const Color& c);    // #rrggbb, or #rrggbbaa when not opaque
std::optional<Color> color_from_hex(std::string_view hex);
Json to_json(const Value& value);            // images: null here; flagging writes files and stores paths
std::string to_cell(const Value& value);     // a CSV cell: numbers shortest, strings verbatim, rest compact JSON
std::string describe(const Value& value);    // for messages: "12", "\"add\"", "image 64x64x3"
bool values_equal(const Value& a, const Value& b);  // numbers exactly, images by pixels
// How a clip reads in JSON (scripts' expect, JSON logs of unsaved clips):
// {"duration":1.5,"sample_rate":16000,"channels":1} (seconds, Hz); null when empty.
Json audio_to_json(const AudioBuffer& audio);

}  // namespace imgr
