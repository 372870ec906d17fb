// What a component's drawing function gets: its state, the view's cache for
// it (edit buffers, parsed text), where to record what a person can act on
// (action_targets.h), its width, and the way to tell the engine what the person did.
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/view/action_targets.h"
#include "imgr/view/font_roles.h"
#include "imgr/view/texture_source.h"
#include "imgr/view/view_links.h"

#include <imgui.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace imgr {

// View-side memory of one component, kept across frames so that drawing
// formats and parses only when the value changed.
struct ComponentCache {
    uint64_t seen_version = 0;          // the engine version the fields below reflect
    std::string text;                   // edit buffer: Number, Textbox, Image path
    std::string display;                // formatted value (Slider format, Dropdown preview, ...)
    std::string hint;                   // a note under the widget ("clamped to 10")
    double hint_until = 0;              // ImGui time when the hint goes away
    bool hint_is_error = false;
    std::shared_ptr<void> widget_state; // parsed Markdown, plot cache... owned by the widget code
    double wake_at = 0;                 // ImGui time the widget needs a frame without input (a video's next frame); 0: none
};

struct ComponentContext {
    Engine& engine;
    ComponentId id;
    const ComponentState& state;
    ComponentCache& cache;
    ComponentTargets& targets;
    float width;                        // pixels available inside the card
    bool interactive;
    const FontRoles& fonts;
    TextureSource* textures;            // null: images show as placeholders
    ViewLinks* view_links = nullptr;    // shared zoom and pan of linked images; null: none shared

    const ComponentSpec& spec() const { return state.spec; }
    bool value_changed() const { return cache.seen_version != state.version; }
    void user_set(Value value) const { engine.set_from_user(id, std::move(value)); }
    void fire(Event event) const {
        ++targets.fired;
        engine.fire(id, event);
    }
    void show_hint(std::string text, bool is_error, double seconds = 4.0) const;
    // A person selected something: fires the component's `select` event with it (select_data.h).
    void select_pixel(int x, int y, Json pixel_values) const;        // image-like components
    void select_item(int index, Json value, int column = -1) const;  // lists; a Dataframe's cell (row, column)

    // Registering what a person can act on, each right after the ImGui item:
    void target_widget() const;                    // the last item is the main widget
    void target_widget(ImVec2 min, ImVec2 max) const;  // a widget made of several items
    void target_choice(size_t index) const;        // the last item is choice `index`
    void target_choice(size_t index, ImVec2 min, ImVec2 max) const;
    void target_choice_box(size_t index) const;    // choice `index` is the last item's box (Radio, Checkbox)
    // The last item is a horizontal slider over [minimum, maximum]: records its rectangle
    // and where ImGui puts the grab for a value.
    void target_slider(double minimum, double maximum) const;
    // An image canvas (widgets/image_canvas.h): where its pixels are, for `click "x" at X Y`.
    void target_image(const ImageTransform& transform) const;
};

// One drawing function per kind; each draws the widget (not the card or label).
void draw_number(const ComponentContext& c);
void draw_slider(const ComponentContext& c);
void draw_radio(const ComponentContext& c);
void draw_dropdown(const ComponentContext& c);
void draw_checkbox(const ComponentContext& c);
void draw_checkbox_group(const ComponentContext& c);
void draw_textbox(const ComponentContext& c);
void draw_button(const ComponentContext& c);
void draw_markdown(const ComponentContext& c);
void draw_label(const ComponentContext& c);
void draw_image(const ComponentContext& c);
// An Image's own zoom and pan (not a linked one's): read for a --watch reload, nothing before its first
// frame; and given back before its first frame (view_state.cpp).
std::optional<ImageViewport> image_own_viewport(const ComponentCache& cache);
void restore_image_viewport(ComponentCache& cache, const ImageProps& props, const ImageViewport& viewport);
void draw_plot(const ComponentContext& c);
void draw_json(const ComponentContext& c);
void draw_color_picker(const ComponentContext& c);
void draw_dataframe(const ComponentContext& c);
void draw_chatbot(const ComponentContext& c);
void draw_annotated_image(const ComponentContext& c);  // components/annotated_image_view.h
void draw_image_slider(const ComponentContext& c);     // components/image_slider_view.h
void draw_gallery(const ComponentContext& c);          // components/gallery_view.h
void draw_image_editor(const ComponentContext& c);     // components/image_editor_view.h

// Kinds of modules (Audio, Video) are drawn through kind_views.h; uploads of files too.

}  // namespace imgr
