// BlocksView: draws a Blocks each frame with ImGui, in one full-window
// ImGui window, and turns what the person does into engine events. Needs an
// ImGui context (with a built font atlas), not a window: tests run it headless.
#pragma once
#include "imgr/engine/app/blocks_access.h"
#include "imgr/view/action_targets.h"
#include "imgr/view/component_context.h"
#include "imgr/view/row_layout.h"
#include "imgr/view/font_roles.h"
#include "imgr/view/texture_source.h"
#include "imgr/view/view_links.h"
#include "imgr/view/view_state.h"

#include <imgui.h>

#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace imgr {

class BlocksView {
public:
    explicit BlocksView(Blocks& blocks);

    void set_fonts(const FontRoles& fonts) { fonts_ = fonts; }
    void set_textures(TextureSource* textures) { textures_ = textures; }
    // Called with every text the view is about to show for the first time
    // (the platform bakes missing glyphs, e.g. Chinese, into the font atlas).
    void set_text_observer(std::function<void(std::string_view)> observer) { observe_text_ = std::move(observer); }

    // One frame: applies finished runs, then draws everything. Between ImGui::NewFrame and Render.
    void draw();
    // Files dropped on the window at a position: the Image under it uploads the first one.
    void drop_files(const std::vector<std::string>& paths, ImVec2 position);
    // True while something moves: a run in progress (spinner), a toast or hint fading.
    bool animating() const;
    // Seconds until the view needs a frame without input (a toast or hint expires, a timer is due).
    double seconds_until_wake() const;

    const ComponentCache& cache(ComponentId id) const { return caches_.at((size_t)id); }
    // What the last frame drew that a person can act on: where scripts and tests aim.
    const ActionTargets& targets() const { return targets_; }
    Blocks& blocks() { return blocks_; }

    struct Toast {
        Message message;
        double shown_at = -1;  // ImGui time it first appeared
        bool visible = false;  // ImGui has rendered it (an auto-sized window skips its first frame)
    };
    const std::deque<Toast>& toasts() const { return toasts_; }
    // Every toast raised so far is on screen in this frame (none is still waiting for its first).
    bool toasts_shown() const;

    // The tabs, accordions and scroll as the last frame drew them (view_state.cpp)...
    ViewState view_state() const;
    // ... and given back before the first frame: applied by the next frames (the scroll
    // once the page's height is known). Headers whose path is not in this app are ignored.
    void restore_view_state(const ViewState& state);

private:
    float draw_node(NodeId id, float width, float min_height, bool in_group);
    float draw_stack(const std::vector<NodeId>& children, float width, bool in_group);
    float draw_row(const LayoutNode& node, NodeId id, float width);
    float draw_component(ComponentId id, float width, float min_height, bool in_group);
    void draw_widget(const ComponentContext& context);
    void draw_busy_overlay(ComponentId id, ImVec2 min, ImVec2 max);
    void draw_toasts();
    void observe(const ComponentState& state);
    bool node_visible(NodeId id) const;
    bool mouse_over_image() const;  // an image canvas drawn last frame is under the mouse
    bool maybe_busy();  // false: no component can be busy (the engine is idle), without asking each
    RowItem row_item(NodeId id) const;

    Blocks& blocks_;
    const Layout& layout_;  // blocks_' rows, columns, tabs and components (BlocksAccess)
    FontRoles fonts_;
    TextureSource* textures_ = nullptr;
    std::function<void(std::string_view)> observe_text_;
    std::vector<ComponentCache> caches_;
    ActionTargets targets_;
    ViewLinks view_links_;                              // zoom and pan shared by linked images
    std::vector<float> line_heights_;                   // per node: last frame's Row line heights (equal_height)
    std::vector<ImDrawListSplitter> splitters_;         // one per nesting depth of cards
    int card_depth_ = 0;
    std::deque<Toast> toasts_;
    std::vector<RowItem> row_items_;                    // scratch, reused each frame
    struct RowScratch {
        std::vector<NodeId> visible;
        std::vector<RowPlacement> places;
    };
    std::deque<RowScratch> row_scratch_;                // per Row nesting depth (a deque: references stay valid as it grows)
    int row_depth_ = 0;
    bool any_busy_ = false;
    bool layout_observed_ = false;                      // tab and accordion titles given to observe_text_
    std::vector<ViewState::ImageZoom> restore_images_;  // given to the Images at the first frame
    void apply_restored_images();
    std::vector<signed char> restore_open_;             // per node: -1 leave to ImGui, 0 close, 1 open (once drawn)
    int take_restored(NodeId id);                       // restore_open_'s entry, given once: then the person decides
    float restore_scroll_ = 0;
    int restore_scroll_frames_ = 0;                     // frames still to set the scroll (the height settles)
    float scroll_y_ = 0;                                // the page's scroll in the last frame
    std::vector<std::string> header_paths() const;      // per node: its path of tab and accordion titles
    bool idle_ = false;                                 // the engine was idle when runs_started() was idle_runs_started_
    uint64_t idle_runs_started_ = 0;
};

}  // namespace imgr
