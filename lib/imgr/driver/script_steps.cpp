// Finding a command's component by its label, and the steps commands are made
// of: waiting until it can be acted on, opening its tab, scrolling to it,
// moving the pointer, pressing, typing; and drawing the pointer.
#include "imgr/driver/script_player.h"
#include "imgr/engine/app/blocks_access.h"
#include "imgr/driver/script_player_pace.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>

namespace imgr {

using namespace script_pace;

// --- components ---------------------------------------------------------------

std::optional<ComponentId> ScriptPlayer::resolve(const std::string& label) {
    const std::vector<ComponentId> found = engine().find_by_label(label);
    if (found.size() == 1) return found[0];
    if (found.empty()) {
        std::string known;
        int listed = 0;
        for (size_t i = 0; i < engine().component_count(); ++i) {
            const ComponentSpec& spec = engine().component((ComponentId)i).spec;
            const std::string* text = spec.kind == ComponentKind::Button ? std::get_if<std::string>(&spec.value) : nullptr;
            const std::string& name = !spec.common.label.empty() ? spec.common.label : text ? *text : spec.common.label;
            if (name.empty()) continue;
            if (listed++ == 12) {
                known += ", ...";
                break;
            }
            known += (known.empty() ? "" : ", ") + quoted(name);
        }
        fail("no component is labelled " + quoted(label) + (known.empty() ? "" : " (the labels are " + known + ")"));
        return std::nullopt;
    }
    std::string kinds;
    for (ComponentId id : found) kinds += std::string(kinds.empty() ? "" : ", ") + kind_name(engine().component(id).spec.kind);
    fail(std::to_string(found.size()) + " components are labelled " + quoted(label) + " (" + kinds +
         "); a script needs the label to name one");
    return std::nullopt;
}

std::optional<ComponentId> ScriptPlayer::resolve_kind(const std::string& label, ComponentKind kind, const char* verb,
                                                      const char* usage) {
    const auto id = resolve(label);
    if (!id) return std::nullopt;
    const ComponentKind actual = engine().component(*id).spec.kind;
    if (actual == kind) return id;
    fail(std::string("cannot ") + verb + " " + quoted(label) + ": it is a " + kind_name(actual) + ", " + usage);
    return std::nullopt;
}

bool ScriptPlayer::shown(ComponentId id) const {
    if (!engine().component(id).spec.common.visible) return false;
    const Layout& layout = BlocksAccess::layout(view_.blocks());
    for (NodeId n = component_node_.at((size_t)id); n.valid(); n = node_parent_[(size_t)n])
        if (!layout.node(n).visible) return false;
    return true;
}

bool ScriptPlayer::reachable(ComponentId id) const {
    const ComponentTargets& t = target(id);
    if (!ActionTargets::drawn_now(t.frame) || t.widget.empty()) return false;
    const ImVec2 mid = t.widget.center();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return mid.x >= 0 && mid.y >= 0 && mid.x < display.x && mid.y < display.y;
}

// --- building blocks ----------------------------------------------------------

ScriptPlayer::StepFn ScriptPlayer::wait_actionable(ComponentId id, const char* what, bool need_interactive) {
    double started = -1;
    return [this, id, what, started, need_interactive]() mutable {
        if (started < 0) started = now();
        const bool is_shown = shown(id), is_interactive = !need_interactive || engine().interactive(id);
        if (is_shown && is_interactive) return Step::DoneNow;
        if (now() - started > options_.action_timeout) {
            const ComponentSpec& spec = engine().component(id).spec;
            const std::string& label = spec.common.label.empty() && spec.kind == ComponentKind::Button
                                           ? std::get<std::string>(spec.value)
                                           : spec.common.label;
            fail(std::string("cannot ") + what + " " + quoted(label) + ": it is " +
                 (is_shown ? "not interactive" : "hidden") + " (waited " + format_number(options_.action_timeout) +
                 " s)");
            return Step::DoneNow;
        }
        return Step::Continue;
    };
}


// A component in a tab that is not selected, or in a closed accordion, is not
// drawn: a person clicks the tab's header first (and the accordion's), from the
// outermost in, each where the view drew it in the last frame.
ScriptPlayer::StepFn ScriptPlayer::open_ancestors(ComponentId id, int attempts) {
    return [this, id, attempts]() {
        if (attempts > 8) {  // a header that does not open: act as things are
            missed("a tab or accordion header did not open");
            return Step::DoneNow;
        }
        const Layout& layout = BlocksAccess::layout(view_.blocks());
        std::vector<NodeId> path;  // from the component up to the root's child
        for (NodeId n = node_parent_[(size_t)component_node_.at((size_t)id)]; n.valid() && n != layout.root();
             n = node_parent_[(size_t)n])
            path.push_back(n);
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            const NodeType type = layout.node(*it).type;
            if (type != NodeType::Tab && type != NodeType::Accordion) continue;
            const HeaderTarget& header = view_.targets().header(*it);
            if (!ActionTargets::drawn_now(header.frame)) {
                missed("a tab or accordion header around it is not drawn");
                return Step::DoneNow;
            }
            if (header.open) continue;
            const NodeId node = *it;
            auto header_rect = [this, node] { return view_.targets().header(node).rect; };
            std::vector<StepFn> steps{scroll_into_view([header_rect] {
                const TargetRect r = header_rect();
                return ImVec2(r.min.y, r.max.y);
            })};
            for (StepFn& step : click_at([header_rect] { return header_rect().center(); })) steps.push_back(std::move(step));
            steps.push_back(frames(1));  // the tab or accordion shows its contents from the next frame
            steps.push_back(open_ancestors(id, attempts + 1));
            insert_steps(std::move(steps));
            return Step::DoneNow;
        }
        return Step::DoneNow;
    };
}

ScriptPlayer::StepFn ScriptPlayer::reveal(ComponentId id) {
    return scroll_into_view([this, id] { return ImVec2(target(id).card.min.y, target(id).card.max.y); });
}

// Scrolls the app's window until the span of y (screen coordinates) is in view, as a wheel would.
ScriptPlayer::StepFn ScriptPlayer::scroll_into_view(std::function<ImVec2()> y_span) {
    bool started = false;
    float from = 0, to = 0;
    double t0 = 0;
    return [=, this]() mutable {
        ImGuiWindow* window = view_.targets().window();
        const ImVec2 span = y_span();
        if (!window || !(span.y > span.x)) return Step::DoneNow;
        if (!started) {
            const float margin = ImGui::GetFontSize();
            const float top = window->InnerRect.Min.y + margin, bottom = window->InnerRect.Max.y - margin;
            float delta = 0;
            if (span.x < top)
                delta = span.x - top;
            else if (span.y > bottom)
                delta = std::min(span.y - bottom, span.x - top);  // a tall card shows its top
            from = window->Scroll.y;
            to = std::clamp(from + delta, 0.0f, window->ScrollMax.y);
            if (std::fabs(to - from) < 1) return Step::DoneNow;
            started = true;
            t0 = now();
        }
        const double t = options_.fast ? 1.0 : (now() - t0) / kScrollSeconds;
        ImGui::SetScrollY(window, from + (to - from) * smooth(t));
        return t >= 1 ? Step::Done : Step::Continue;  // Done: the next step sees the scrolled layout
    };
}

ScriptPlayer::StepFn ScriptPlayer::move_to(std::function<ImVec2()> target, double seconds) {
    bool started = false;
    ImVec2 from;
    double t0 = 0, duration = 0;
    return [=, this]() mutable {
        const ImVec2 to = target();  // each frame: the target follows a layout that moves
        if (!started) {
            started = true;
            from = pointer_;
            t0 = now();
            const float d = distance(from, to);
            duration = options_.fast || d < 1 ? 0.0 : seconds >= 0 ? seconds : std::clamp(0.3 + d / 2500.0, 0.3, 0.5);
        }
        const double t = duration > 0 ? (now() - t0) / duration : 1.0;
        pointer_ = t >= 1 ? to : lerp(from, to, smooth(t));
        return t >= 1 ? Step::Done : Step::Continue;
    };
}

ScriptPlayer::StepFn ScriptPlayer::set_button(bool down) {
    return [this, down]() {
        mouse_down_ = down;
        return Step::Done;
    };
}

// Presses the button and checks, a frame later, that the item under the pointer
// took it; a text field being edited can swallow the first press, so it tries again once.
ScriptPlayer::StepFn ScriptPlayer::press(bool note_miss) {
    int phase = 0, attempts = 0;
    return [this, phase, attempts, note_miss]() mutable {
        ImGuiContext& g = *GImGui;
        switch (phase) {
            case 0:
                mouse_down_ = true;
                phase = 1;
                return Step::Continue;
            case 1:
                if (g.ActiveId != 0 && g.ActiveId == g.HoveredId) return Step::DoneNow;
                if (++attempts >= 2) {
                    if (note_miss) missed("no item under the pointer took the press");
                    return Step::DoneNow;
                }
                mouse_down_ = false;
                phase = 0;
                return Step::Continue;
        }
        return Step::DoneNow;
    };
}

ScriptPlayer::StepFn ScriptPlayer::pause(double seconds) {
    double started = -1;
    return [this, seconds, started]() mutable {
        if (options_.fast) return Step::DoneNow;
        if (started < 0) started = now();
        return now() - started >= seconds ? Step::DoneNow : Step::Continue;
    };
}

ScriptPlayer::StepFn ScriptPlayer::frames(int count) {
    int left = count;
    return [left]() mutable { return left-- <= 0 ? Step::DoneNow : Step::Continue; };
}

ScriptPlayer::StepFn ScriptPlayer::key(int imgui_key, bool ctrl) {
    bool pressed = false;
    return [this, imgui_key, ctrl, pressed]() mutable {
        if (!pressed) {
            pressed = true;
            key_down_ = imgui_key;
            ctrl_ = ctrl;
            return Step::Continue;
        }
        ctrl_ = false;  // the key itself is let go by before_frame
        return Step::Done;
    };
}

ScriptPlayer::StepFn ScriptPlayer::type(std::vector<std::string> characters) {
    size_t typed = 0;
    double t0 = -1;
    return [this, characters = std::move(characters), typed, t0]() mutable {
        if (characters.empty()) return Step::DoneNow;
        size_t due = characters.size();
        if (!options_.fast) {
            if (t0 < 0) t0 = now();
            // A steady hand, faster for long text so that no text takes more than a few seconds.
            const double interval = std::min(kTypeInterval, kLongestTyping / (double)characters.size());
            due = std::min(characters.size(), (size_t)((now() - t0) / interval) + 1);
        }
        for (; typed < due; ++typed) characters_ += characters[typed];
        return typed >= characters.size() ? Step::Done : Step::Continue;
    };
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::click_at(std::function<ImVec2()> target) {
    return {move_to(std::move(target)), pause(kHoverPause), press(), pause(kHoldPause), set_button(false)};
}

// A click a tour can count on: between the approach and the press a result may
// have pushed the target down (below the window) or the layout may still be
// moving, so each try scrolls it into view again and aims at where the view drew
// it last. A press that something else took is let go off the window (nothing
// fires); one that fired nothing (it moved before the release) is tried again
// after the double-click time. Only its view firing counts as done: a click that
// never arrives is a script error, not a note, so a tour never says it flagged
// when no row was saved.
ScriptPlayer::StepFn ScriptPlayer::click_component(ComponentId id, ClickTarget t, int attempt) {
    return [this, id, t = std::move(t), attempt]() {
        StepFn aim_and_press = [this, id, t, attempt]() {
            const ImVec2 at = t.aim(), display = ImGui::GetIO().DisplaySize;
            const ImGuiWindow* window = view_.targets().window();
            const bool reachable = ActionTargets::drawn_now(target(id).frame) && t.on_it(at) && at.x >= 0 && at.y >= 0 &&
                                   at.x < display.x && at.y < display.y && (!window || window->InnerClipRect.Contains(at));
            if (!reachable) {  // not drawn where the pointer can go: the engine fires it (a miss)
                insert_steps({t.instead()});
                return Step::DoneNow;
            }
            const uint64_t fired = target(id).fired;
            StepFn arrived = [this, id, t, attempt, fired]() {
                if (t.done ? t.done() : target(id).fired > fired) return Step::DoneNow;
                if (attempt >= kClickAttempts) {
                    fail("cannot " + t.what + ": no press reached it in " + std::to_string(kClickAttempts) +
                         " tries (something else was under the pointer, or it moved away before the release)");
                    return Step::DoneNow;
                }
                double started = -1;
                insert_steps({[this, started]() mutable {  // two presses closer than this are a double-click
                                  if (started < 0) started = now();
                                  return now() - started >= ImGui::GetIO().MouseDoubleClickTime ? Step::DoneNow : Step::Continue;
                              },
                              click_component(id, t, attempt + 1)});
                return Step::DoneNow;
            };
            StepFn hovered_check = [this, t, arrived]() {
                // A toast or an open list over it would take the press instead.
                const ImGuiWindow* hovered = GImGui->HoveredWindow;
                if (!hovered || hovered->RootWindow != view_.targets().window()) {
                    insert_steps({t.instead()});
                    return Step::DoneNow;
                }
                insert_steps({press(false), [this, t]() {
                                  // Taken by something else the layout moved under the pointer: let go off the window.
                                  if (GImGui->ActiveId != 0 && !t.on_it(pointer_)) {
                                      const ImVec2 display = ImGui::GetIO().DisplaySize;
                                      pointer_ = ImVec2(display.x + 100, display.y + 100);
                                  }
                                  return Step::DoneNow;
                              },
                              pause(kHoldPause), set_button(false), arrived});
                return Step::DoneNow;
            };
            insert_steps({move_to(t.aim), pause(kHoverPause), std::move(hovered_check)});
            return Step::DoneNow;
        };
        // The card first: a target inside it may only be drawn once the card is on screen.
        insert_steps({reveal(id), scroll_into_view(t.y_span), std::move(aim_and_press)});
        return Step::DoneNow;
    };
}

// A press in the card's margin, beside the widget and above it: no item there
// takes it, so a text field stops editing and an open list closes.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::click_away(ComponentId id) {
    auto margin = [this, id] {
        const ComponentTargets& t = target(id);
        return ImVec2((t.widget.max.x + t.card.max.x) * 0.5f, (t.card.min.y + t.widget.min.y) * 0.5f);
    };
    return {move_to(margin), pause(kHoverPause), set_button(true), pause(kHoldPause), set_button(false)};
}

ScriptPlayer::StepFn ScriptPlayer::fire_from_engine(ComponentId id, Event event) {
    return [this, id, event]() {
        missed(event == Event::Click ? "the button was not under the pointer" : "the field did not take the click");
        engine().fire(id, event);
        return Step::Done;
    };
}

ScriptPlayer::StepFn ScriptPlayer::finish_set(ComponentId id, Value value) {
    return [this, id, value = std::move(value)]() {
        // A no-op when the pointer already got it there; otherwise what a person's
        // edit would have done: input and change with the scripted value.
        if (!engine().set_from_user(id, value)) return Step::DoneNow;
        ++engine_sets_;
        return Step::Done;  // a frame shows the value before anything else happens
    };
}


// --- the pointer ----------------------------------------------------------------

void ScriptPlayer::draw_pointer() const {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 tip = io.MousePos;
    if (tip.x < -1e6f) return;
    const float s = ImGui::GetFontSize() / 15.0f;  // follows the content scale
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    if (io.MouseDown[0]) {  // a press shows as a ring, so viewers see the click
        draw->AddCircleFilled(tip, 13 * s, IM_COL32(249, 115, 22, 70), 24);
        draw->AddCircle(tip, 13 * s, IM_COL32(249, 115, 22, 220), 24, 2 * s);
    }
    // The classic arrow, filled white and outlined black.
    static const ImVec2 shape[] = {{0, 0}, {0, 17}, {4.5f, 13}, {7.5f, 19.5f}, {10, 18.5f}, {7, 12}, {12, 12}};
    ImVec2 p[7];
    for (int i = 0; i < 7; ++i) p[i] = ImVec2(tip.x + shape[i].x * s, tip.y + shape[i].y * s);
    const ImU32 white = IM_COL32(255, 255, 255, 255), black = IM_COL32(20, 20, 20, 255);
    // Without anti-aliasing the triangles meet without seams; the outline smooths the edge.
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    draw->AddTriangleFilled(p[0], p[1], p[2], white);
    draw->AddTriangleFilled(p[0], p[2], p[5], white);
    draw->AddTriangleFilled(p[0], p[5], p[6], white);
    draw->AddQuadFilled(p[2], p[3], p[4], p[5], white);
    draw->Flags = flags;
    draw->AddPolyline(p, 7, black, ImDrawFlags_Closed, 1.2f * s);
}

}  // namespace imgr
