// Components as data: kind, common properties, kind-specific properties and
// the current value. No ImGui, no GL: the view draws this, the engine changes it.
#pragma once
#include "imgr/model/color_map.h"
#include "imgr/model/media_channel.h"
#include "imgr/model/value.h"

#include <memory>

#include <optional>
#include <string>
#include <variant>

namespace imgr {

// Every kind, the media module's Audio and Video included: the enum (and the Value variant) is
// closed, but what a kind is apart from drawing comes from its unit (model/kinds/kind_traits.h),
// and a module registers its own kinds' units (docs/modules.md, "Adding a component kind").
enum class ComponentKind {
    Number, Slider, Radio, Dropdown, Checkbox, CheckboxGroup, Textbox, Button,
    Markdown, Label, Image, Plot, Json, ColorPicker, Dataframe, Chatbot,
    AnnotatedImage, ImageSlider, Gallery, Audio, Video, ImageEditor,
};
inline constexpr size_t kComponentKindCount = (size_t)ComponentKind::ImageEditor + 1;

const char* kind_name(ComponentKind kind);  // "Number", "Slider", ...

// Properties every component has; an event's output can change each of them.
struct CommonProps {
    std::string label;                 // shown above the widget; how scripts and flags address it
    std::string info;                  // help text under the label
    bool show_label = true;
    bool visible = true;
    std::optional<bool> interactive;   // unset: interactive when it is some event's input (as in Gradio)
    std::string elem_id;               // a stable id for tests and styling
    float scale = 1.0f;                // share of a Row's free width
    float min_width = 10.0f;           // in font units (em); a Row wraps rather than squeeze below it
};

struct NumberProps {
    std::optional<double> minimum, maximum;  // entries beyond are clamped, and the user is told
    double step = 1.0;                       // the +/- buttons' step
    int precision = -1;                      // decimals shown and kept; -1: as entered
};
struct SliderProps {
    double minimum = 0, maximum = 100;
    double step = 0;                         // 0: continuous
};
struct ChoiceProps {
    StringList choices;
    bool multiselect = false;                // Dropdown only: the value is a StringList
};
struct TextboxProps {
    int lines = 1;                           // > 1: a multi-line box, Enter types a line break
    int max_lines = 20;
    std::string placeholder;
    bool password = false;
};
enum class ButtonVariant { Primary, Secondary, Stop };
enum class ButtonSize { Small, Large };
struct ButtonProps {
    ButtonVariant variant = ButtonVariant::Secondary;
    ButtonSize size = ButtonSize::Large;
    std::string busy_text;                   // shown while an event writing to the button runs ("Saving…")
};
struct LabelProps {
    int num_top_classes = -1;                // -1: all classes
};
struct ImageProps {
    float height = 16.0f;                    // display height in font units
    bool fit = true;                         // false: starts at 1:1 pixels (wheel zooms, drag pans either way)
    std::string zoom_link;                   // images with the same link share zoom and pan ("" : none;
                                             // an Interface links its equal-sized images by default)
    ColorMap color_map = ColorMap::Grey;     // one-channel images: the map they start with (the person can change it)
    std::optional<ValueRange> value_range;   // one-channel images: raw values shown from low to high; unset: auto
    bool controls = true;                    // the bar under the image (size, Fit/1:1, probe); off for thumbnails
    StringList sources = {"upload"};         // and/or "webcam": capture a still from a V4L2 camera (docs/video.md)
};
struct PlotProps {
    float height = 16.0f;                    // in font units
};
struct ChatbotProps {
    float height = 24.0f;                    // in font units; the messages scroll inside
    bool likeable = false;                   // Like/Dislike under assistant messages (set by a .like() listener)
};

struct AnnotatedImageProps {
    float height = 16.0f;                    // display height in font units
    std::string zoom_link;                   // shares zoom and pan with images of this link and size (as ImageProps)
    bool show_legend = true;                 // one entry per label; hovering it highlights that label's boxes
    bool box_labels = true;                  // "label score" on every box (false: only on the highlighted ones)
    bool threshold_slider = false;           // a score slider under the image hides boxes scoring below it
    double threshold = 0;                    // the slider's start
    double score_max = 1;                    // the slider's range is 0..score_max (100 for percentages)
};
struct ImageSliderProps {
    float height = 16.0f;                    // display height in font units
    double position = 0.5;                   // where the divider starts, 0 (all after) .. 1 (all before)
};
struct GalleryProps {
    int columns = 4;                         // thumbnails a row
    float height = 16.0f;                    // the enlarged image's height in font units
};

// A colour of an ImageEditor's palette: what a stroke in it means ("object", "background").
struct EditorBrush {
    std::string name;
    uint32_t rgb = 0;                        // 0xRRGGBB, painted opaque
    bool operator==(const EditorBrush&) const = default;
};
struct ImageEditorProps {
    float height = 16.0f;                    // display height in font units
    std::vector<EditorBrush> brushes = {{"brush", 0x000000}};  // the palette, in the tool bar's order
    float brush_size = 12.0f;                // the brush's start diameter in image pixels
    int layers = 1;                          // transparent layers over a new background; strokes go to the first
    size_t history = 50;                     // undo steps kept (and at most 256 MiB of their pixels)
    int canvas_width = 0, canvas_height = 0; // a Sketchpad: a blank white background of this size; 0: none
    std::string zoom_link;                   // shares zoom and pan with images of this link and size (as ImageProps)
};

struct AudioProps {
    float height = 6.0f;                     // waveform height in font units
    bool spectrogram = false;                // start with the spectrogram shown (a toggle on the component)
    bool recording = true;                   // as an input: offer "Record" from the microphone
};

struct VideoProps {
    float height = 16.0f;                    // display height in font units
    StringList sources = {"upload"};         // "upload" (a file) and/or "webcam" (a V4L2 camera)
    bool loop = false;                       // start again at the end
    bool autoplay = false;                   // play as soon as a video is opened
    // Shared by the player, frame streaming and scripts (media_channel.h); made by the Video builder.
    std::shared_ptr<MediaChannel> channel = std::make_shared<MediaChannel>();
};

using KindProps = std::variant<std::monostate, NumberProps, SliderProps, ChoiceProps, TextboxProps, ButtonProps,
                               LabelProps, ImageProps, PlotProps, ChatbotProps, AnnotatedImageProps,
                               ImageSliderProps, GalleryProps, AudioProps, VideoProps, ImageEditorProps>;

struct ComponentSpec {
    ComponentKind kind = ComponentKind::Textbox;
    CommonProps common;
    KindProps props;
    Value value;
};

// Each asks the kind's traits (model/kinds/). A module's kind without its module: "no value",
// not a file kind.
// The variant alternative a kind's value uses (a Dropdown's depends on multiselect).
Value default_value(ComponentKind kind, const KindProps& props);
bool is_file_kind(ComponentKind kind);  // flagged as files (Image, Chatbot, AnnotatedImage, ImageSlider, Gallery, ImageEditor, a module's Audio, Video), not as cells
// What follows N in the file a column's numbering counts: ".png", ".json" (Chatbot), "_a.png"
// (ImageSlider), ".wav" (Audio), ".mp4" (Video); "" for a Gallery, whose rows are numbered folders
// (and for a kind flagged as a cell).
const char* flag_file_extension(ComponentKind kind);

}  // namespace imgr
