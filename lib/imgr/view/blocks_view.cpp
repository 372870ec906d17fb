#include "imgr/view/blocks_view.h"

#include <imgui_internal.h>  // GetCurrentWindow: the targets name the view's window

#include <algorithm>
#include <cmath>
#include <limits>

#include "imgr/model/kind_files.h"
#include "imgr/view/kind_views.h"
#include "imgr/view/theme.h"

namespace imgr {
namespace {

constexpr double kToastSeconds = 6.0, kErrorToastSeconds = 10.0;
constexpr size_t kMaxToasts = 5;

float em() { return ImGui::GetFontSize(); }

// Kinds drawn without a card around them, as in Gradio.
bool bare(ComponentKind kind) { return kind == ComponentKind::Button || kind == ComponentKind::Markdown; }

double toast_lifetime(const Message& m) { return m.level == MessageLevel::Error ? kErrorToastSeconds : kToastSeconds; }

}  // namespace

BlocksView::BlocksView(Blocks& blocks) : blocks_(blocks), layout_(BlocksAccess::layout(blocks)) {}

bool BlocksView::node_visible(NodeId id) const {
    const LayoutNode& node = layout_.node(id);
    if (node.type == NodeType::Component) return blocks_.engine().component(node.component).spec.common.visible;
    return node.visible;
}

RowItem BlocksView::row_item(NodeId id) const {
    const LayoutNode& node = layout_.node(id);
    if (node.type == NodeType::Component) {
        const CommonProps& common = blocks_.engine().component(node.component).spec.common;
        return {common.scale, common.min_width * em()};
    }
    if (node.type == NodeType::Column) return {node.scale, node.min_width * em()};
    return {1.0f, 20.0f * em()};
}

void BlocksView::observe(const ComponentState& state) {
    if (!observe_text_) return;
    observe_text_(state.spec.common.label);
    observe_text_(state.spec.common.info);
    if (auto* s = std::get_if<std::string>(&state.spec.value)) observe_text_(*s);
    if (auto* list = std::get_if<StringList>(&state.spec.value))
        for (const std::string& s : *list) observe_text_(s);
    if (auto* choice = std::get_if<ChoiceProps>(&state.spec.props))
        for (const std::string& s : choice->choices) observe_text_(s);
    if (auto* label = std::get_if<LabelValue>(&state.spec.value)) {
        observe_text_(label->label);
        for (const auto& [name, score] : label->confidences) observe_text_(name);
    }
    if (auto* textbox = std::get_if<TextboxProps>(&state.spec.props)) observe_text_(textbox->placeholder);
    if (auto* annotated = std::get_if<AnnotatedImageValue>(&state.spec.value))
        for (const AnnotationBox& box : annotated->boxes) observe_text_(box.label);  // OCR words in any script
}

void BlocksView::draw() {
    Engine& engine = blocks_.engine();
    if (!layout_observed_ && observe_text_) {
        // Tab and accordion titles are text too (Chinese ones need their glyphs).
        for (size_t i = 0; i < layout_.size(); ++i) observe_text_(layout_.node(NodeId((int)i)).label);
        layout_observed_ = true;
    }
    engine.poll();
    caches_.resize(engine.component_count());
    if (!restore_images_.empty()) apply_restored_images();
    targets_.begin_frame(engine.component_count(), layout_.size());
    line_heights_.resize(layout_.size(), 0.0f);
    any_busy_ = false;
    idle_ = engine.idle();
    idle_runs_started_ = engine.runs_started();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const float spacing = spacing_scale();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * 1.25f * spacing, em() * spacing));
    // Over an image the wheel zooms it, so the window must not scroll too. ImGui reads this
    // flag when the next frame's wheel arrives, with the mouse where it is now.
    const ImGuiWindowFlags wheel = mouse_over_image() ? ImGuiWindowFlags_NoScrollWithMouse : 0;
    ImGui::Begin("##imgr", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings | wheel);
    ImGui::PopStyleVar();
    if (restore_scroll_frames_ > 0) {
        // Clamped to last frame's height, which grows as restored tabs and accordions open: repeated until reached.
        if (ImGui::GetScrollY() == restore_scroll_) {
            restore_scroll_frames_ = 0;
        } else {
            ImGui::SetScrollY(restore_scroll_);
            --restore_scroll_frames_;
        }
    }
    scroll_y_ = ImGui::GetScrollY();
    targets_.set_window(ImGui::GetCurrentWindow());
    const float width = ImGui::GetContentRegionAvail().x;
    draw_stack(layout_.node(layout_.root()).children, width, false);
    ImGui::End();

    for (Message& message : engine.take_messages()) {
        if (observe_text_) observe_text_(message.text);
        toasts_.push_back({std::move(message), -1});
        if (toasts_.size() > kMaxToasts) toasts_.pop_front();
    }
    draw_toasts();
    if (textures_) textures_->end_frame();
}

float BlocksView::draw_stack(const std::vector<NodeId>& children, float width, bool in_group) {
    const float top = ImGui::GetCursorScreenPos().y;
    const float spacing = in_group ? 0.0f : ImGui::GetStyle().ItemSpacing.y;
    const float x = ImGui::GetCursorScreenPos().x;
    float y = top;
    bool first = true;
    for (NodeId child : children) {
        if (!node_visible(child)) continue;
        if (!first) y += spacing;
        first = false;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        y += draw_node(child, width, 0.0f, in_group);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    return y - top;
}

float BlocksView::draw_node(NodeId id, float width, float min_height, bool in_group) {
    const LayoutNode& node = layout_.node(id);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float height = 0;
    ImGui::PushID(id.index);
    ImGui::BeginGroup();
    switch (node.type) {
        case NodeType::Component:
            height = draw_component(node.component, width, min_height, in_group);
            break;
        case NodeType::Row:
            height = draw_row(node, id, width);
            break;
        case NodeType::Root:
        case NodeType::Column:
        case NodeType::Tab:
            height = draw_stack(node.children, width, in_group);
            break;
        case NodeType::Group: {
            // One card around all children, no gaps between them.
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->ChannelsSplit(2);
            draw->ChannelsSetCurrent(1);
            height = draw_stack(node.children, width, true);
            draw->ChannelsSetCurrent(0);
            draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height), ImGui::GetColorU32(ImGuiCol_ChildBg),
                                ImGui::GetStyle().ChildRounding);
            draw->AddRect(start, ImVec2(start.x + width, start.y + height), ImGui::GetColorU32(ImGuiCol_Border),
                          ImGui::GetStyle().ChildRounding);
            draw->ChannelsMerge();
            break;
        }
        case NodeType::Tabs: {
            if (ImGui::BeginTabBar("##tabs")) {
                for (NodeId tab : node.children) {
                    const LayoutNode& tab_node = layout_.node(tab);
                    if (!node_visible(tab)) continue;
                    ImGui::PushID(tab.index);
                    const bool select = take_restored(tab) == 1;
                    const bool selected = ImGui::BeginTabItem(tab_node.label.c_str(), nullptr,
                                                              select ? ImGuiTabItemFlags_SetSelected : 0);
                    targets_.header_from_last_item(tab, selected, start.x + width);
                    if (selected) {
                        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 0.5f));
                        draw_stack(tab_node.children, width, in_group);
                        ImGui::EndTabItem();
                    }
                    ImGui::PopID();
                }
                ImGui::EndTabBar();
            }
            height = ImGui::GetCursorScreenPos().y - start.y;
            break;
        }
        case NodeType::Accordion: {
            if (const int restored = take_restored(id); restored >= 0)
                ImGui::SetNextItemOpen(restored == 1, ImGuiCond_Always);
            else
                ImGui::SetNextItemOpen(node.open, ImGuiCond_Once);
            // ImGui 1.86 stretches a header to the window's edge: clip it to its column.
            ImGui::PushClipRect(start, ImVec2(start.x + width, start.y + ImGui::GetFrameHeight() * 2), true);
            const bool open = ImGui::CollapsingHeader(node.label.c_str());
            ImGui::PopClipRect();
            targets_.header_from_last_item(id, open, start.x + width);
            if (open) {
                ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetCursorScreenPos().y));
                draw_stack(node.children, width, in_group);
            }
            height = ImGui::GetCursorScreenPos().y - start.y;
            break;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + height));
    ImGui::EndGroup();
    ImGui::PopID();
    return height;
}

float BlocksView::draw_row(const LayoutNode& node, NodeId id, float width) {
    // Scratch per nesting depth (a row's children may hold rows), reused every frame.
    if ((size_t)row_depth_ >= row_scratch_.size()) row_scratch_.emplace_back();
    RowScratch& scratch = row_scratch_[(size_t)row_depth_++];
    std::vector<NodeId>& visible = scratch.visible;
    visible.clear();
    row_items_.clear();
    for (NodeId child : node.children)
        if (node_visible(child)) {
            visible.push_back(child);
            row_items_.push_back(row_item(child));
        }
    std::vector<RowPlacement>& places = scratch.places;
    place_row(row_items_, width, ImGui::GetStyle().ItemSpacing.x, places);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float min_height = node.equal_height ? line_heights_[(size_t)id] : 0.0f;
    float line_top = origin.y, line_height = 0, tallest = 0;
    int line = 0;
    for (size_t i = 0; i < visible.size(); ++i) {
        if (places[i].line != line) {
            line_top += line_height + spacing;
            line_height = 0;
            line = places[i].line;
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x + places[i].x, line_top));
        const float h = draw_node(visible[i], places[i].width, min_height, false);
        line_height = std::max(line_height, h);
        tallest = std::max(tallest, h);
    }
    line_heights_[(size_t)id] = tallest;
    const float height = visible.empty() ? 0.0f : line_top + line_height - origin.y;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    --row_depth_;
    return height;
}

float BlocksView::draw_component(ComponentId id, float width, float min_height, bool in_group) {
    Engine& engine = blocks_.engine();
    const ComponentState& state = engine.component(id);
    ComponentCache& cache = caches_[(size_t)id];
    if (cache.seen_version != state.version) observe(state);

    const ImGuiStyle& style = ImGui::GetStyle();
    const bool card = !bare(state.spec.kind) && !in_group;
    const float spacing = spacing_scale();
    const ImVec2 padding = card || in_group ? ImVec2(em() * 0.75f * spacing, em() * 0.6f * spacing) : ImVec2(0, 0);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float inner = std::max(1.0f, width - padding.x * 2);

    // Cards are drawn behind their content once the content's height is known.
    if (card_depth_ >= (int)splitters_.size()) splitters_.resize((size_t)card_depth_ + 1);
    ImDrawListSplitter& splitter = splitters_[(size_t)card_depth_];
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (card) {
        splitter.Split(draw, 2);
        splitter.SetCurrentChannel(draw, 1);
        ++card_depth_;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x + padding.x, start.y + padding.y));
    ImGui::BeginGroup();
    ImGui::PushID(id);
    ImGui::PushTextWrapPos(start.x + padding.x + inner);
    const CommonProps& common = state.spec.common;
    if (common.show_label && !common.label.empty() && state.spec.kind != ComponentKind::Checkbox) {
        ImGui::TextColored(style.Colors[ImGuiCol_TextDisabled], "%s", common.label.c_str());
    }
    if (!common.info.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", common.info.c_str());
        ImGui::PopStyleColor();
    }
    ComponentTargets& targets = targets_.component(id);
    ComponentContext context{engine, id, state, cache, targets, inner, engine.interactive(id), fonts_, textures_,
                             &view_links_};
    // What the widget saw; a value it sets itself this frame counts as new next frame, so caches refresh.
    const uint64_t drawn_version = state.version;
    draw_widget(context);
    cache.seen_version = drawn_version;
    if (!cache.hint.empty()) {
        if (ImGui::GetTime() > cache.hint_until) {
            cache.hint.clear();
        } else {
            const ImVec4 color = cache.hint_is_error ? ImVec4(0.86f, 0.15f, 0.15f, 1) : ImVec4(0.85f, 0.45f, 0.05f, 1);
            ImGui::TextColored(color, "%s", cache.hint.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ImGui::EndGroup();

    const float content = ImGui::GetItemRectMax().y - start.y;
    const float height = std::max(content + padding.y, min_height);
    const ImVec2 end(start.x + width, start.y + height);
    targets.card = {start, end};
    targets.frame = ImGui::GetFrameCount();
    if (card) {
        --card_depth_;
        splitter.SetCurrentChannel(draw, 0);
        // ImDrawList does not cull: a card scrolled out of view would still cost its rounded outlines.
        if (ImGui::IsRectVisible(start, end)) {
            draw->AddRectFilled(start, end, ImGui::GetColorU32(ImGuiCol_ChildBg), style.ChildRounding);
            draw->AddRect(start, end, ImGui::GetColorU32(ImGuiCol_Border), style.ChildRounding);
        }
        splitter.Merge(draw);
    }
    // Only an output can be busy (Engine::busy), and only when the engine is not idle.
    if (state.used_as_output && maybe_busy() && engine.busy(id)) draw_busy_overlay(id, start, end);
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(width, 0));
    return height;
}

void BlocksView::draw_widget(const ComponentContext& c) { kind_view(c.spec().kind).draw(c); }

// A run is computing this output: dim it, spin, and show reported progress.
void BlocksView::draw_busy_overlay(ComponentId id, ImVec2 min, ImVec2 max) {
    any_busy_ = true;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_ChildBg];
    // A stream's output shows its live values undimmed; the spinner says more are coming.
    if (!blocks_.engine().streaming(id))
        draw->AddRectFilled(min, max, ImGui::GetColorU32(ImVec4(bg.x, bg.y, bg.z, 0.55f)), ImGui::GetStyle().ChildRounding);
    const float radius = em() * 0.45f;
    const ImVec2 center(max.x - radius * 2.0f, min.y + radius * 2.0f);
    const float t = (float)ImGui::GetTime() * 6.0f;
    draw->PathArcTo(center, radius, t, t + 4.2f, 24);
    draw->PathStroke(IM_COL32(249, 115, 22, 255), 0, radius * 0.35f);
    std::string description;
    const double fraction = blocks_.engine().progress(id, &description);
    if (fraction >= 0) {
        const float bar_h = em() * 0.35f;
        const ImVec2 bar_min(min.x + em() * 0.75f, max.y - em() * 0.6f - bar_h);
        const ImVec2 bar_max(max.x - em() * 0.75f, bar_min.y + bar_h);
        draw->AddRectFilled(bar_min, bar_max, IM_COL32(229, 231, 235, 255), bar_h);
        draw->AddRectFilled(bar_min, ImVec2(bar_min.x + (bar_max.x - bar_min.x) * (float)fraction, bar_max.y),
                            IM_COL32(249, 115, 22, 255), bar_h);
        if (!description.empty())
            draw->AddText(ImVec2(bar_min.x, bar_min.y - em() * 1.2f), ImGui::GetColorU32(ImGuiCol_Text),
                          description.c_str());
    }
}

void BlocksView::draw_toasts() {
    const double now = ImGui::GetTime();
    while (!toasts_.empty() && toasts_.front().shown_at >= 0 &&
           now - toasts_.front().shown_at > toast_lifetime(toasts_.front().message))
        toasts_.pop_front();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float y = viewport->WorkPos.y + em();
    const float width = std::min(em() * 24, viewport->WorkSize.x - em() * 2);
    for (size_t i = 0; i < toasts_.size(); ++i) {
        Toast& toast = toasts_[i];
        if (toast.shown_at < 0) toast.shown_at = now;
        const MessageLevel level = toast.message.level;
        const ImU32 accent = level == MessageLevel::Error     ? IM_COL32(220, 38, 38, 255)
                             : level == MessageLevel::Warning ? IM_COL32(217, 119, 6, 255)
                                                              : IM_COL32(37, 99, 235, 255);
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width - em(), y));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        ImGui::PushID((int)i);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyle().Colors[ImGuiCol_PopupBg]);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ImGui::GetStyle().ChildRounding);
        char name[32];
        std::snprintf(name, sizeof name, "##toast%zu", i);
        ImGui::Begin(name, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
        const ImVec2 min = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + em() * 0.3f, min.y + ImGui::GetWindowHeight()),
                                                  accent, ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersLeft);
        ImGui::PushStyleColor(ImGuiCol_Text, accent);
        ImGui::TextUnformatted(level == MessageLevel::Error ? "Error" : level == MessageLevel::Warning ? "Warning" : "Info");
        ImGui::PopStyleColor();
        ImGui::SameLine(width - em() * 2.2f);
        if (ImGui::SmallButton("x")) toast.shown_at = now - toast_lifetime(toast.message) - 1;
        ImGui::PushTextWrapPos(width - em());
        ImGui::TextUnformatted(toast.message.text.c_str());
        ImGui::PopTextWrapPos();
        y += ImGui::GetWindowHeight() + em() * 0.5f;
        toast.visible = !ImGui::GetCurrentWindow()->Hidden;
        ImGui::End();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    // Closed toasts (the x) go at once, whatever their place in the queue.
    toasts_.erase(std::remove_if(toasts_.begin(), toasts_.end(),
                                 [&](const Toast& t) { return now - t.shown_at > toast_lifetime(t.message); }),
                  toasts_.end());
}

void BlocksView::drop_files(const std::vector<std::string>& paths, ImVec2 position) {
    if (paths.empty()) return;
    Engine& engine = blocks_.engine();
    for (size_t i = 0; i < caches_.size(); ++i) {
        const ComponentState& state = engine.component((ComponentId)i);
        if (!accepts_files(state.spec.kind) || !state.spec.common.visible || !engine.interactive((ComponentId)i)) continue;
        if (!targets_.component((ComponentId)i).card.contains(position)) continue;
        (void)upload_file(engine, (ComponentId)i, paths.front());  // a failure is shown in the window
        return;
    }
    engine.post(MessageLevel::Info, "drop image or audio files on an input image or audio to upload them");
}

// Engine::busy() once scanned every listener, which made a frame quadratic in
// the size of the demo; it is O(1) now, and this still skips asking while the
// engine is idle. When the engine is idle nothing is busy; it stops being idle
// only by starting a run (runs_started() moves), even in the middle of a
// frame, when a widget fires an event.
bool BlocksView::maybe_busy() {
    const Engine& engine = blocks_.engine();
    if (engine.runs_started() != idle_runs_started_) {
        idle_ = engine.idle();
        idle_runs_started_ = engine.runs_started();
    }
    return !idle_;
}

bool BlocksView::mouse_over_image() const {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int last_frame = ImGui::GetFrameCount() - 1;
    for (size_t i = 0; i < blocks_.engine().component_count(); ++i) {
        const ComponentTargets& t = targets_.component((ComponentId)i);
        if (t.image && t.image_frame >= last_frame && t.image->visible(mouse)) return true;
    }
    return false;
}

bool BlocksView::toasts_shown() const {
    return std::all_of(toasts_.begin(), toasts_.end(), [](const Toast& t) { return t.visible; });
}

bool BlocksView::animating() const { return any_busy_ || !blocks_.engine().idle(); }

double BlocksView::seconds_until_wake() const {
    double soonest = blocks_.engine().seconds_until_next_timer();
    const double now = ImGui::GetTime();
    for (const Toast& toast : toasts_)
        if (toast.shown_at >= 0) soonest = std::min(soonest, toast.shown_at + toast_lifetime(toast.message) - now);
    for (const ComponentCache& cache : caches_)
        if (!cache.hint.empty()) soonest = std::min(soonest, cache.hint_until - now);
    for (const ComponentCache& cache : caches_)
        if (cache.wake_at > 0) soonest = std::min(soonest, cache.wake_at - now);
    return std::max(0.0, soonest);
}

}  // namespace imgr
