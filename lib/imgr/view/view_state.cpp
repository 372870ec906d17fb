// BlocksView's tabs, accordions and scroll read and given back (view_state.h).
#include "imgr/view/blocks_view.h"

#include <map>
#include <utility>

namespace imgr {

std::vector<std::string> BlocksView::header_paths() const {
    std::vector<std::string> paths(layout_.size());
    // Parents are added before their children, so one pass in node order sees each parent's path first.
    for (size_t i = 0; i < layout_.size(); ++i) {
        for (NodeId child : layout_.node(NodeId((int)i)).children) {
            const LayoutNode& c = layout_.node(child);
            std::string path = paths[i];
            if (c.type == NodeType::Tab || c.type == NodeType::Accordion) path = path.empty() ? c.label : path + "/" + c.label;
            paths[(size_t)child] = std::move(path);
        }
    }
    return paths;
}

namespace {
// Each Image's place among the Images with its label, so two "Output"s keep their own zoom.
std::vector<int> image_occurrences(const Engine& engine) {
    std::vector<int> result(engine.component_count(), -1);
    std::map<std::string, int> seen;
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        if (spec.kind == ComponentKind::Image) result[i] = seen[spec.common.label]++;
    }
    return result;
}

// The viewport an Image draws with: its link's for its size, or its own.
ImageViewport* linked_viewport(ViewLinks& links, const ComponentSpec& spec) {
    const auto* props = std::get_if<ImageProps>(&spec.props);
    const auto* image = std::get_if<ImageBuffer>(&spec.value);
    if (!props || props->zoom_link.empty() || !image || image->empty()) return nullptr;
    return &links.viewport(props->zoom_link, image->width(), image->height());
}
}  // namespace

ViewState BlocksView::view_state() const {
    ViewState state;
    state.scroll_y = scroll_y_;
    const Engine& engine = blocks_.engine();
    const std::vector<int> occurrence = image_occurrences(engine);
    for (size_t i = 0; i < engine.component_count() && i < caches_.size(); ++i) {
        if (occurrence[i] < 0) continue;
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        std::optional<ImageViewport> viewport = image_own_viewport(caches_[i]);
        if (ImageViewport* linked = linked_viewport(const_cast<ViewLinks&>(view_links_), spec)) viewport = *linked;
        if (!viewport || viewport->fit) continue;  // fitted: what a new view shows anyway
        state.images.push_back({spec.common.label, occurrence[i], false, viewport->zoom, viewport->center.x,
                                viewport->center.y});
    }
    const std::vector<std::string> paths = header_paths();
    for (size_t i = 0; i < layout_.size(); ++i) {
        const LayoutNode& node = layout_.node(NodeId((int)i));
        if (node.type != NodeType::Tab && node.type != NodeType::Accordion) continue;
        if (i >= targets_.headers_size()) continue;
        const HeaderTarget& header = targets_.header(NodeId((int)i));
        if (header.frame < 0) continue;  // never drawn (inside a closed accordion, say): nothing the person chose
        (node.type == NodeType::Tab ? state.tabs : state.accordions).push_back({paths[i], header.open});
    }
    return state;
}

void BlocksView::restore_view_state(const ViewState& state) {
    const std::vector<std::string> paths = header_paths();
    std::map<std::string, bool> tabs, accordions;
    for (const ViewState::Header& h : state.tabs) tabs[h.path] = h.open;
    for (const ViewState::Header& h : state.accordions) accordions[h.path] = h.open;
    restore_open_.assign(layout_.size(), -1);
    for (size_t i = 0; i < layout_.size(); ++i) {
        const LayoutNode& node = layout_.node(NodeId((int)i));
        const auto& known = node.type == NodeType::Tab ? tabs : accordions;
        if (node.type != NodeType::Tab && node.type != NodeType::Accordion) continue;
        if (auto it = known.find(paths[i]); it != known.end()) restore_open_[i] = it->second ? 1 : 0;
    }
    restore_images_ = state.images;
    restore_scroll_ = state.scroll_y;
    restore_scroll_frames_ = state.scroll_y > 0 ? 10 : 0;  // a tab selected shows its content a frame later, and so on
}

void BlocksView::apply_restored_images() {
    Engine& engine = blocks_.engine();
    const std::vector<int> occurrence = image_occurrences(engine);
    for (const ViewState::ImageZoom& saved : restore_images_) {
        for (size_t i = 0; i < engine.component_count(); ++i) {
            const ComponentSpec& spec = engine.component((ComponentId)i).spec;
            if (occurrence[i] != saved.occurrence || spec.common.label != saved.label) continue;
            const ImageViewport viewport{saved.fit, saved.zoom, ImVec2(saved.center_x, saved.center_y)};
            if (ImageViewport* linked = linked_viewport(view_links_, spec))
                *linked = viewport;
            else if (const auto* props = std::get_if<ImageProps>(&spec.props))
                restore_image_viewport(caches_[i], *props, viewport);
        }
    }
    restore_images_.clear();
}

int BlocksView::take_restored(NodeId id) {
    if ((size_t)id.index >= restore_open_.size()) return -1;
    return std::exchange(restore_open_[(size_t)id.index], (signed char)-1);
}

}  // namespace imgr
