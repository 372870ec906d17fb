#include "imgr/model/component.h"

namespace imgr {

const char* kind_name(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Number: return "Number";
        case ComponentKind::Slider: return "Slider";
        case ComponentKind::Radio: return "Radio";
        case ComponentKind::Dropdown: return "Dropdown";
        case ComponentKind::Checkbox: return "Checkbox";
        case ComponentKind::CheckboxGroup: return "CheckboxGroup";
        case ComponentKind::Textbox: return "Textbox";
        case ComponentKind::Button: return "Button";
        case ComponentKind::Markdown: return "Markdown";
        case ComponentKind::Label: return "Label";
        case ComponentKind::Image: return "Image";
        case ComponentKind::Plot: return "Plot";
        case ComponentKind::Json: return "JSON";
        case ComponentKind::ColorPicker: return "ColorPicker";
        case ComponentKind::Dataframe: return "Dataframe";
        case ComponentKind::Chatbot: return "Chatbot";
        case ComponentKind::AnnotatedImage: return "AnnotatedImage";
        case ComponentKind::ImageSlider: return "ImageSlider";
        case ComponentKind::Gallery: return "Gallery";
        case ComponentKind::Audio: return "Audio";
        case ComponentKind::Video: return "Video";
    }
    return "Component";
}

Value default_value(ComponentKind kind, const KindProps& props) {
    switch (kind) {
        case ComponentKind::Number: return 0.0;
        case ComponentKind::Slider: {
            auto* slider = std::get_if<SliderProps>(&props);
            return slider ? slider->minimum : 0.0;
        }
        case ComponentKind::Checkbox: return false;
        case ComponentKind::CheckboxGroup: return StringList{};
        case ComponentKind::Dropdown: {
            auto* choice = std::get_if<ChoiceProps>(&props);
            if (choice && choice->multiselect) return StringList{};
            return std::string();
        }
        case ComponentKind::Radio:
        case ComponentKind::Textbox:
        case ComponentKind::Button:
        case ComponentKind::Markdown: return std::string();
        case ComponentKind::Label: return LabelValue{};
        case ComponentKind::Image: return ImageBuffer{};
        case ComponentKind::Plot: return PlotValue{};
        case ComponentKind::Json: return Json(nullptr);
        case ComponentKind::ColorPicker: return Color{};
        case ComponentKind::Dataframe: return TableValue{};
        case ComponentKind::Chatbot: return Conversation{};
        case ComponentKind::AnnotatedImage: return AnnotatedImageValue{};
        case ComponentKind::ImageSlider: return ImageSliderValue{};
        case ComponentKind::Gallery: return GalleryValue{};
        case ComponentKind::Audio: return AudioBuffer{};
        case ComponentKind::Video: return VideoValue{};
    }
    return std::monostate{};
}

bool is_file_kind(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Image:
        case ComponentKind::Chatbot:
        case ComponentKind::AnnotatedImage:
        case ComponentKind::ImageSlider:
        case ComponentKind::Gallery:
        case ComponentKind::Audio:
        case ComponentKind::Video: return true;
        default: return false;
    }
}

const char* flag_file_extension(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Chatbot: return ".json";
        case ComponentKind::ImageSlider: return "_a.png";
        case ComponentKind::Gallery: return "";
        case ComponentKind::Audio: return ".wav";
        case ComponentKind::Video: return ".mp4";
        default: return ".png";
    }
}

}  // namespace imgr
