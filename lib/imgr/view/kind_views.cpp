#include "imgr/view/kind_views.h"

#include "imgr/model/kind_files.h"

#include <array>

namespace imgr {
namespace {

void draw_missing_module(const ComponentContext& c) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.width);
    ImGui::TextDisabled("%s", missing_module_message(c.spec().kind).c_str());
    ImGui::PopTextWrapPos();
}

std::array<KindView, kComponentKindCount>& views() {
    static std::array<KindView, kComponentKindCount> table = [] {
        std::array<KindView, kComponentKindCount> core{};
        for (KindView& view : core) view.draw = draw_missing_module;
        auto set = [&core](ComponentKind kind, void (*draw)(const ComponentContext&),
                           FontFaces faces = FontFaces::none()) { core[(size_t)kind] = {.draw = draw, .faces = faces}; };
        set(ComponentKind::Number, draw_number);
        set(ComponentKind::Slider, draw_slider);
        set(ComponentKind::Radio, draw_radio);
        set(ComponentKind::Dropdown, draw_dropdown);
        set(ComponentKind::Checkbox, draw_checkbox);
        set(ComponentKind::CheckboxGroup, draw_checkbox_group);
        set(ComponentKind::Textbox, draw_textbox);
        set(ComponentKind::Button, draw_button);
        set(ComponentKind::Markdown, draw_markdown, {true, true, true});  // **bold**, `code`, # headings
        set(ComponentKind::Label, draw_label, {.bold = false, .mono = false, .large = true});  // the top class
        set(ComponentKind::Image, draw_image);
        set(ComponentKind::Plot, draw_plot, {.bold = true, .mono = false, .large = false});  // the title
        set(ComponentKind::Json, draw_json, {.bold = false, .mono = true, .large = false});
        set(ComponentKind::ColorPicker, draw_color_picker);
        set(ComponentKind::Dataframe, draw_dataframe, {.bold = true, .mono = false, .large = false});  // headers
        set(ComponentKind::Chatbot, draw_chatbot, {true, true, true});  // messages are Markdown
        set(ComponentKind::AnnotatedImage, draw_annotated_image);
        set(ComponentKind::ImageSlider, draw_image_slider);
        set(ComponentKind::Gallery, draw_gallery);
        set(ComponentKind::ImageEditor, draw_image_editor);
        return core;
    }();
    return table;
}

CameraSourceView& camera_source_slot() {
    static CameraSourceView view = nullptr;
    return view;
}

}  // namespace

void register_kind_view(ComponentKind kind, KindView view) {
    if (!view.draw) view.draw = draw_missing_module;
    views().at((size_t)kind) = view;
}

const KindView& kind_view(ComponentKind kind) { return views().at((size_t)kind); }

void register_camera_source(CameraSourceView view) { camera_source_slot() = view; }
CameraSourceView camera_source() { return camera_source_slot(); }

IoResult upload_file(Engine& engine, ComponentId id, const std::string& path) {
    ValueLoadResult loaded = load_value_file(engine.component(id).spec.kind, path);
    if (!loaded) {
        engine.post(MessageLevel::Error, loaded.error);
        return loaded;  // moved implicitly (C++20), sliced to its IoResult
    }
    engine.set_from_user(id, std::move(loaded.value));
    engine.fire(id, Event::Upload);
    return IoResult::success();
}

}  // namespace imgr
