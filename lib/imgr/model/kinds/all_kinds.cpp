// The core's component kinds, one line each: the unit that defines the kind
// (core_kinds.h) registered for its ComponentKind, and the file codecs of those that take files. A module's kinds are
// registered by the module (the media module's Audio and Video: media/media_module.cpp).
// Adding a kind: docs/modules.md.
#include "imgr/model/kinds/core_kinds.h"

namespace imgr {

void register_core_kinds() {
    register_kind_traits(ComponentKind::Number, kinds::number());
    register_kind_traits(ComponentKind::Slider, kinds::slider());
    register_kind_traits(ComponentKind::Radio, kinds::radio());
    register_kind_traits(ComponentKind::Dropdown, kinds::dropdown());
    register_kind_traits(ComponentKind::Checkbox, kinds::checkbox());
    register_kind_traits(ComponentKind::CheckboxGroup, kinds::checkbox_group());
    register_kind_traits(ComponentKind::Textbox, kinds::textbox());
    register_kind_traits(ComponentKind::Button, kinds::button());
    register_kind_traits(ComponentKind::Markdown, kinds::markdown());
    register_kind_traits(ComponentKind::Label, kinds::label());
    register_kind_traits(ComponentKind::Image, kinds::image());
    register_kind_traits(ComponentKind::Plot, kinds::plot());
    register_kind_traits(ComponentKind::Json, kinds::json());
    register_kind_traits(ComponentKind::ColorPicker, kinds::color_picker());
    register_kind_traits(ComponentKind::Dataframe, kinds::dataframe());
    register_kind_traits(ComponentKind::Chatbot, kinds::chatbot());
    register_kind_traits(ComponentKind::AnnotatedImage, kinds::annotated_image());
    register_kind_traits(ComponentKind::ImageSlider, kinds::image_slider());
    register_kind_traits(ComponentKind::Gallery, kinds::gallery());
    register_kind_traits(ComponentKind::ImageEditor, kinds::image_editor());
    register_kind_file_codec(ComponentKind::Image, kinds::image_file());
    register_kind_file_codec(ComponentKind::ImageEditor, kinds::image_editor_file());
}

}  // namespace imgr
