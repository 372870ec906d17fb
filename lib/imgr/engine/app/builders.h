// Component builders: imgr::Number("num1").minimum(0), imgr::Slider("strength", 0, 1, 0.5), ...
// Each names the C++ type of its value (value_type), which is what a handler's
// parameter for it must be. Blocks::add() turns a builder into a Handle.
#pragma once
#include "imgr/model/component.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace imgr {

// Setters every component has; Derived is the concrete builder (for chaining).
template <class Derived, class T>
class Builder {
public:
    using value_type = T;

    Derived& value(T v) { spec_.value = Value(std::move(v)); return self(); }
    Derived& label(std::string text) { spec_.common.label = std::move(text); return self(); }
    Derived& info(std::string text) { spec_.common.info = std::move(text); return self(); }
    Derived& show_label(bool show) { spec_.common.show_label = show; return self(); }
    Derived& visible(bool show) { spec_.common.visible = show; return self(); }
    Derived& interactive(bool enabled) { spec_.common.interactive = enabled; return self(); }
    Derived& elem_id(std::string id) { spec_.common.elem_id = std::move(id); return self(); }
    Derived& scale(float share) { spec_.common.scale = share; return self(); }
    Derived& min_width(float em) { spec_.common.min_width = em; return self(); }

    const ComponentSpec& spec() const { return spec_; }

protected:
    Builder(ComponentKind kind, std::string label, KindProps props = {}) {
        spec_.kind = kind;
        spec_.common.label = std::move(label);
        spec_.props = std::move(props);
        spec_.value = default_value(kind, spec_.props);
    }
    template <class P>
    P& props() { return std::get<P>(spec_.props); }
    Derived& self() { return static_cast<Derived&>(*this); }
    ComponentSpec spec_;
};

// A number field; entries beyond minimum/maximum are clamped.
class Number : public Builder<Number, double> {
public:
    explicit Number(std::string label = "", double value = 0) : Builder(ComponentKind::Number, std::move(label), NumberProps{}) {
        this->value(value);
    }
    Number& minimum(double v) { props<NumberProps>().minimum = v; return *this; }
    Number& maximum(double v) { props<NumberProps>().maximum = v; return *this; }
    Number& step(double v) { props<NumberProps>().step = v; return *this; }
    Number& precision(int decimals) { props<NumberProps>().precision = decimals; return *this; }
};

class Slider : public Builder<Slider, double> {
public:
    Slider(std::string label, double minimum, double maximum, double value)
        : Builder(ComponentKind::Slider, std::move(label), SliderProps{minimum, maximum, 0}) {
        this->value(value);
    }
    explicit Slider(std::string label = "", double minimum = 0, double maximum = 100)
        : Slider(std::move(label), minimum, maximum, minimum) {}
    Slider& step(double v) { props<SliderProps>().step = v; return *this; }
};

// One choice among several, shown as radio buttons.
class Radio : public Builder<Radio, std::string> {
public:
    Radio(std::string label, StringList choices) : Builder(ComponentKind::Radio, std::move(label), ChoiceProps{choices, false}) {}
};

class MultiDropdown;
// One choice from a drop-down list; .multiselect() makes the value a StringList.
class Dropdown : public Builder<Dropdown, std::string> {
public:
    Dropdown(std::string label, StringList choices)
        : Builder(ComponentKind::Dropdown, std::move(label), ChoiceProps{choices, false}) {}
    MultiDropdown multiselect() const;
};

class MultiDropdown : public Builder<MultiDropdown, StringList> {
public:
    MultiDropdown(std::string label, StringList choices)
        : Builder(ComponentKind::Dropdown, std::move(label), ChoiceProps{choices, true}) {}
    explicit MultiDropdown(const ComponentSpec& single) : Builder(ComponentKind::Dropdown, single.common.label, single.props) {
        spec_.common = single.common;
        props<ChoiceProps>().multiselect = true;
        spec_.value = StringList{};
    }
};
inline MultiDropdown Dropdown::multiselect() const { return MultiDropdown(spec_); }

class Checkbox : public Builder<Checkbox, bool> {
public:
    explicit Checkbox(std::string label = "", bool value = false) : Builder(ComponentKind::Checkbox, std::move(label)) {
        this->value(value);
    }
};

class CheckboxGroup : public Builder<CheckboxGroup, StringList> {
public:
    CheckboxGroup(std::string label, StringList choices)
        : Builder(ComponentKind::CheckboxGroup, std::move(label), ChoiceProps{choices, true}) {}
};

class Textbox : public Builder<Textbox, std::string> {
public:
    explicit Textbox(std::string label = "", std::string value = "")
        : Builder(ComponentKind::Textbox, std::move(label), TextboxProps{}) {
        this->value(std::move(value));
    }
    Textbox& lines(int n) { props<TextboxProps>().lines = n < 1 ? 1 : n; return *this; }
    Textbox& max_lines(int n) { props<TextboxProps>().max_lines = n; return *this; }
    Textbox& placeholder(std::string text) { props<TextboxProps>().placeholder = std::move(text); return *this; }
    Textbox& password(bool hidden = true) { props<TextboxProps>().password = hidden; return *this; }
};

// A button; its value is its text, and scripts click it by that text.
class Button : public Builder<Button, std::string> {
public:
    explicit Button(std::string text = "Run") : Builder(ComponentKind::Button, text, ButtonProps{}) {
        this->value(std::move(text));
        spec_.common.show_label = false;
    }
    Button& variant(ButtonVariant v) { props<ButtonProps>().variant = v; return *this; }
    Button& primary() { return variant(ButtonVariant::Primary); }
    Button& stop() { return variant(ButtonVariant::Stop); }
    Button& size(ButtonSize s) { props<ButtonProps>().size = s; return *this; }
    Button& busy_text(std::string text) { props<ButtonProps>().busy_text = std::move(text); return *this; }
};

// Text with headings, **bold**, *italic*, `code`, lists and [links](url).
class Markdown : public Builder<Markdown, std::string> {
public:
    explicit Markdown(std::string text = "") : Builder(ComponentKind::Markdown, "") {
        this->value(std::move(text));
        spec_.common.show_label = false;
    }
};

// A class name, or classes with confidences shown as bars.
class Label : public Builder<Label, LabelValue> {
public:
    explicit Label(std::string label = "") : Builder(ComponentKind::Label, std::move(label), LabelProps{}) {}
    Label& num_top_classes(int n) { props<LabelProps>().num_top_classes = n; return *this; }
};

// An image: shown with its aspect kept; as an input, drop a file on it or type a path.
class Image : public Builder<Image, ImageBuffer> {
public:
    explicit Image(std::string label = "") : Builder(ComponentKind::Image, std::move(label), ImageProps{}) {}
    Image& height(float em) { props<ImageProps>().height = em; return *this; }
    Image& fit(bool zoom_to_fit) { props<ImageProps>().fit = zoom_to_fit; return *this; }
    // Images with the same link name share zoom and pan: compare input and output at one spot.
    Image& zoom_link(std::string name) { props<ImageProps>().zoom_link = std::move(name); return *this; }
    // One-channel images (depth, heat maps, logits): the colour map and the value range shown.
    Image& color_map(ColorMap map) { props<ImageProps>().color_map = map; return *this; }
    Image& value_range(double low, double high) { props<ImageProps>().value_range = ValueRange{low, high}; return *this; }
    // false: no bar under the image (a thumbnail).
    Image& controls(bool show) { props<ImageProps>().controls = show; return *this; }
    Image& sources(StringList list) { props<ImageProps>().sources = std::move(list); return *this; }  // "upload", "webcam"
};

class Plot : public Builder<Plot, PlotValue> {
public:
    explicit Plot(std::string label = "") : Builder(ComponentKind::Plot, std::move(label), PlotProps{}) {}
    Plot& height(float em) { props<PlotProps>().height = em; return *this; }
};

class JSON : public Builder<JSON, Json> {
public:
    explicit JSON(std::string label = "") : Builder(ComponentKind::Json, std::move(label)) {}
};

class ColorPicker : public Builder<ColorPicker, Color> {
public:
    explicit ColorPicker(std::string label = "", Color value = {}) : Builder(ComponentKind::ColorPicker, std::move(label)) {
        this->value(value);
    }
};

class Dataframe : public Builder<Dataframe, TableValue> {
public:
    explicit Dataframe(std::string label = "") : Builder(ComponentKind::Dataframe, std::move(label)) {}
};

// A conversation: user and assistant messages as bubbles, Markdown inside;
// scrolls to the newest message unless the person scrolled up. Its handle's
// .like(fn) runs fn when a person likes or dislikes a message.
class Chatbot : public Builder<Chatbot, Conversation> {
public:
    explicit Chatbot(std::string label = "Chatbot") : Builder(ComponentKind::Chatbot, std::move(label), ChatbotProps{}) {}
    Chatbot& height(float em) { props<ChatbotProps>().height = em; return *this; }
};

// An image with boxes and masks over it (output): one colour per label, a
// legend, hovering a box or a legend entry highlights it.
class AnnotatedImage : public Builder<AnnotatedImage, AnnotatedImageValue> {
public:
    explicit AnnotatedImage(std::string label = "")
        : Builder(ComponentKind::AnnotatedImage, std::move(label), AnnotatedImageProps{}) {}
    AnnotatedImage& height(float em) { props<AnnotatedImageProps>().height = em; return *this; }
    AnnotatedImage& show_legend(bool show) { props<AnnotatedImageProps>().show_legend = show; return *this; }
    // Images with the same link name share zoom and pan: the boxes and the input at one spot.
    AnnotatedImage& zoom_link(std::string name) { props<AnnotatedImageProps>().zoom_link = std::move(name); return *this; }
    AnnotatedImage& box_labels(bool on_every_box) { props<AnnotatedImageProps>().box_labels = on_every_box; return *this; }
    // A slider over 0..score_max under the image; boxes scoring below it are hidden.
    AnnotatedImage& threshold_slider(double start = 0, double score_max = 1) {
        auto& p = props<AnnotatedImageProps>();
        p.threshold_slider = true;
        p.threshold = start;
        p.score_max = score_max;
        return *this;
    }
};

// Two images of one size, one over the other, split by a divider a person
// drags: before on the left, after on the right (output).
class ImageSlider : public Builder<ImageSlider, ImageSliderValue> {
public:
    explicit ImageSlider(std::string label = "")
        : Builder(ComponentKind::ImageSlider, std::move(label), ImageSliderProps{}) {}
    ImageSlider& height(float em) { props<ImageSliderProps>().height = em; return *this; }
    ImageSlider& position(double share_before) { props<ImageSliderProps>().position = share_before; return *this; }
};

// A grid of images with captions; clicking one enlarges it (the selected index).
class Gallery : public Builder<Gallery, GalleryValue> {
public:
    explicit Gallery(std::string label = "") : Builder(ComponentKind::Gallery, std::move(label), GalleryProps{}) {}
    Gallery& columns(int per_row) { props<GalleryProps>().columns = per_row; return *this; }
    Gallery& height(float em) { props<GalleryProps>().height = em; return *this; }
};

// A background image with transparent layers a person paints on (value: ImageEditorValue
// {background, layers, composite}). Tools under it: a brush per palette colour, the eraser,
// undo and redo, clear; left button paints in image pixels at any zoom, the wheel zooms and
// the middle or right button pans. Events: input while a stroke is painted, change when it
// ends, upload for a new background, clear. Handlers read a layer's colours
// (imgr::painted_mask(layer, 0x00ff00): the "object" strokes).
class ImageEditor : public Builder<ImageEditor, ImageEditorValue> {
public:
    explicit ImageEditor(std::string label = "") : Builder(ComponentKind::ImageEditor, std::move(label), ImageEditorProps{}) {}
    // The palette: one brush per colour, named for what a stroke in it means.
    ImageEditor& brushes(std::vector<EditorBrush> palette) { props<ImageEditorProps>().brushes = std::move(palette); return *this; }
    ImageEditor& brush_size(float image_pixels) { props<ImageEditorProps>().brush_size = image_pixels; return *this; }
    ImageEditor& layers(int count) { props<ImageEditorProps>().layers = count; reset(); return *this; }
    ImageEditor& history(size_t steps) { props<ImageEditorProps>().history = steps; return *this; }
    ImageEditor& height(float em) { props<ImageEditorProps>().height = em; return *this; }
    ImageEditor& zoom_link(std::string name) { props<ImageEditorProps>().zoom_link = std::move(name); return *this; }
    // A background to start with (its layers are made transparent).
    ImageEditor& background(ImageBuffer image) {
        spec_.value = Value(editor_value(std::move(image), std::max(props<ImageEditorProps>().layers, 1)));
        return *this;
    }

protected:
    ImageEditor(std::string label, int width, int height) : ImageEditor(std::move(label)) {
        props<ImageEditorProps>().canvas_width = width;
        props<ImageEditorProps>().canvas_height = height;
        props<ImageEditorProps>().brushes = {{"black", 0x000000}};
        reset();
    }
    void reset() {
        if (props<ImageEditorProps>().canvas_width > 0) spec_.value = default_value(spec_.kind, spec_.props);
    }
};

// An ImageEditor on a blank white canvas of width x height pixels, a black brush to start.
class Sketchpad : public ImageEditor {
public:
    explicit Sketchpad(std::string label = "Sketchpad", int width = 512, int height = 512)
        : ImageEditor(std::move(label), width, height) {}
};

// Audio and Video are the media module's: <imgr/media.h>, linked with imgr::media.

}  // namespace imgr
