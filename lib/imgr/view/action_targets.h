// ActionTargets: what the view drew in the last frame that a person can act
// on, recorded while drawing, so that the script player (and tests) aim at what
// is on screen instead of re-deriving the view's layout:
//   the window the view draws into,
//   per component: its card, its widget, each choice, a slider's value -> x,
//   an image's pixel <-> screen mapping,
//   per tab and accordion (by layout node): its header and whether it is open.
// A component's drawing function registers its targets through one call on its
// ComponentContext (target_widget, target_choice, target_slider).
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/view/image_transform.h"
#include "imgr/model/layout.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

struct ImGuiWindow;

namespace imgr {

struct TargetRect {
    ImVec2 min{0, 0}, max{0, 0};
    bool empty() const { return !(max.x > min.x && max.y > min.y); }
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

struct ComponentTargets {
    int frame = -1;                     // ImGui frame the component was last drawn in
    TargetRect card;                    // the card (or the bare widget's slot)
    TargetRect widget;                  // the main widget: the text field, the slider track, the button...
    std::vector<TargetRect> choices;    // by choice index: a Radio's or CheckboxGroup's boxes, a Checkbox's box, a Dropdown's open list
    int choices_frame = -1;             // frame the choices were drawn in (a Dropdown's list only while open)
    // Slider: its range, kept so that slider_x can ask ImGui where the grab goes
    // (plain data: recording it each frame allocates nothing).
    struct SliderRange {
        double minimum = 0, maximum = 1;
    };
    std::optional<SliderRange> slider;
    // The x of the grab's centre for `value` on the widget, as ImGui places it; needs `slider`.
    float slider_x(double value) const;
    // An image-like component (image_canvas.h): where its image is, for `click "x" at X Y`.
    std::optional<ImageTransform> image;
    int image_frame = -1;               // frame the image was drawn in
    // Events a person's input fired on it through its view (a click, a select): the
    // script player compares it before and after a press to know the press arrived.
    uint64_t fired = 0;
};

struct HeaderTarget {                   // a tab's or an accordion's header
    int frame = -1;                     // ImGui frame it was last drawn in
    TargetRect rect;
    bool open = false;                  // the tab is selected, the accordion open
};

class ActionTargets {
public:
    // At the start of the view's frame: sizes the tables, keeps last frame's rectangles.
    void begin_frame(size_t components, size_t nodes);

    ImGuiWindow* window() const { return window_; }   // the view's own window (scrolling, hovering)
    void set_window(ImGuiWindow* window) { window_ = window; }

    const ComponentTargets& component(ComponentId id) const { return components_.at((size_t)id); }
    ComponentTargets& component(ComponentId id) { return components_.at((size_t)id); }
    const HeaderTarget& header(NodeId node) const { return headers_.at((size_t)node); }
    size_t headers_size() const { return headers_.size(); }  // 0 before the first frame

    // Records ImGui's last item as the header of a tab or accordion node.
    void header_from_last_item(NodeId node, bool open, float right_edge);

    // Was it drawn in the frame being built (or the last one, outside a frame)?
    static bool drawn_now(int frame) { return frame == ImGui::GetFrameCount(); }

private:
    ImGuiWindow* window_ = nullptr;
    std::vector<ComponentTargets> components_;
    std::vector<HeaderTarget> headers_;
};

}  // namespace imgr
