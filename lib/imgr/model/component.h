// Components as data: kind, common properties, kind-specific properties and
// the current value. No ImGui, no GL: the view draws this, the engine changes it.
#pragma once
#include "imgr/model/media_channel.h"
#include "imgr/model/value.h"

#include <memory>

#include <optional>
#include <string>
#include <variant>

namespace imgr {

enum class ComponentKind {
    Number, Slider, Radio, Dropdown, Checkbox, CheckboxGroup, Textbox, Button,
    Markdown, Label, Image, Plot, Json, ColorPicker, Dataframe, Video,
};

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
    bool fit = true;                         // false: 1:1 pixels, scrollable
    StringList sources = {"upload"};         // and/or "webcam": capture a still from a V4L2 camera (docs/video.md)
};
struct PlotProps {
    float height = 16.0f;                    // in font units
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
                               LabelProps, ImageProps, PlotProps, VideoProps>;

struct ComponentSpec {
    ComponentKind kind = ComponentKind::Textbox;
    CommonProps common;
    KindProps props;
    Value value;
};

// The variant alternative a kind's value uses (a Dropdown's depends on multiselect).
Value default_value(ComponentKind kind, const KindProps& props);
bool is_file_kind(ComponentKind kind);  // flagged as files (Image, Video), not as cells
const char* flag_file_extension(ComponentKind kind);  // ".png" for Image, ".mp4" for Video

}  // namespace imgr
