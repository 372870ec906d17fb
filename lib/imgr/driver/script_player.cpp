#include "imgr/driver/script_player.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "imgr/driver/expectation.h"
#include "imgr/driver/value_from_json.h"
#include "imgr/model/image_io.h"

namespace imgr {
namespace {

constexpr int kSettleFrames = 3;            // ImGui lays out auto-sized things a frame late
constexpr double kExpectIdleSeconds = 10.0; // an expect first lets running handlers finish
constexpr double kEndIdleSeconds = 10.0;    // so does the end of the script
constexpr int kPopupFrames = 30;            // frames a dropdown's list may take to appear

// Human pace, in seconds (none at --pace fast).
constexpr double kHoverPause = 0.12, kHoldPause = 0.1, kAfterAction = 0.3, kTypeInterval = 0.05,
                 kLongestTyping = 3.0, kScrollSeconds = 0.4, kEndPause = 1.0;

// The name BlocksView gives its full-window ImGui window.
constexpr const char* kAppWindow = "##imgr";

ImVec2 center(ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f); }
float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
float smooth(double t) {
    const float x = (float)std::clamp(t, 0.0, 1.0);
    return x * x * (3 - 2 * x);  // eases in and out, as a hand moves
}
ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
std::string quoted(const std::string& s) { return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace); }

// The view pads every card by 0.75 em across and 0.6 em down (BlocksView::draw_component).
constexpr float kCardPadX = 0.75f, kCardPadY = 0.6f;

// Decodes one UTF-8 sequence; invalid bytes come back as U+FFFD, one byte at a time.
uint32_t next_codepoint(const std::string& s, size_t& i) {
    const auto byte = [&](size_t k) { return (uint8_t)s[k]; };
    const uint8_t b = byte(i);
    int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + (size_t)extra >= s.size() + (extra == 0 ? 1 : 0)) {
        ++i;
        return 0xFFFD;
    }
    uint32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k <= extra; ++k) {
        if (i + (size_t)k >= s.size() || (byte(i + (size_t)k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + (size_t)k) & 0x3F);
    }
    i += (size_t)extra + 1;
    return cp;
}

// What ImGui's text fields accept as typed characters (InputTextFilterCharacter).
bool typable(uint32_t cp, bool multiline) {
    if (cp == '\n') return multiline;
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use: ImGui drops them
    return cp <= IM_UNICODE_CODEPOINT_MAX;
}

// The text split into what can be typed, one string per character.
std::vector<std::string> typable_characters(const std::string& text, bool multiline, bool& dropped) {
    std::vector<std::string> out;
    dropped = false;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const uint32_t cp = next_codepoint(text, i);
        if (typable(cp, multiline))
            out.push_back(text.substr(start, i - start));
        else
            dropped = true;
    }
    return out;
}

ImGuiWindow* app_window() { return ImGui::FindWindowByName(kAppWindow); }

// The open combo's list, once ImGui shows it.
ImGuiWindow* open_combo_list() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.Size == 0) return nullptr;
    ImGuiWindow* window = g.OpenPopupStack.back().Window;
    if (!window || !window->Active || window->Hidden) return nullptr;
    if (std::string_view(window->Name).rfind("##Combo_", 0) != 0) return nullptr;
    return window;
}

}  // namespace

ScriptPlayer::ScriptPlayer(BlocksView& view, ScriptParseResult script, ScriptPlayerOptions options)
    : view_(view), script_(std::move(script)), options_(options) {
    const Layout& layout = view_.blocks().layout();
    node_parent_.assign(layout.size(), -1);
    component_node_.assign(engine().component_count(), -1);
    for (NodeId n = 0; n < (NodeId)layout.size(); ++n) {
        const LayoutNode& node = layout.node(n);
        for (NodeId child : node.children) node_parent_[(size_t)child] = n;
        if (node.type == NodeType::Component && node.component >= 0 && (size_t)node.component < component_node_.size())
            component_node_[(size_t)node.component] = n;
    }
    if (!script_.ok()) {
        status_ = Status::ScriptError;
        failures_.push_back(script_.error);
    }
}

Engine& ScriptPlayer::engine() const { return view_.blocks().engine(); }
double ScriptPlayer::now() const { return ImGui::GetTime(); }

int ScriptPlayer::exit_code() const {
    switch (status_) {
        case Status::Running:
        case Status::Passed: return 0;
        case Status::ExpectFailed: return 1;
        case Status::ScriptError: return 2;
    }
    return 2;
}

// --- the frame protocol -------------------------------------------------------

void ScriptPlayer::before_frame(ImGuiIO& io) {
    if (pointer_.x < 0) pointer_ = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
    io.AppFocusLost = false;  // a window focus change must not wipe the scripted keys
    io.MousePos = pointer_;
    for (bool& down : io.MouseDown) down = false;
    io.MouseDown[0] = mouse_down_;
    io.MouseWheel = io.MouseWheelH = 0;
    if (key_released_ >= 0) {
        io.KeysDown[key_released_] = false;
        key_released_ = -1;
    }
    io.KeyCtrl = ctrl_;
    io.KeyShift = io.KeyAlt = io.KeySuper = false;
    if (key_down_ >= 0) {
        const int index = io.KeyMap[key_down_];
        if (index >= 0 && index < IM_ARRAYSIZE(io.KeysDown)) {
            io.KeysDown[index] = true;
            key_released_ = index;
        }
        key_down_ = -1;
    }
    if (!characters_.empty()) {
        io.AddInputCharactersUTF8(characters_.c_str());
        characters_.clear();
    }
}

void ScriptPlayer::after_draw() {
    ++frames_drawn_;
    if (!finished() && frames_drawn_ > kSettleFrames && !screenshot_) run_steps();
    draw_pointer();
}

void ScriptPlayer::after_render(const std::function<ImageBuffer()>& capture) {
    if (!screenshot_) return;
    const std::filesystem::path path = *screenshot_;
    screenshot_.reset();
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (IoResult saved = save_png(path.string(), capture(), Durability::NoFsync); !saved) {
        fail(saved.error);
        return;
    }
    if (options_.report) std::fprintf(stderr, "imgr: screenshot saved to %s\n", path.c_str());
}

// --- running commands ---------------------------------------------------------

void ScriptPlayer::run_steps() {
    // Instant steps (lookups, expects) chain within a frame; a step that
    // changes the input hands over to the next frame.
    for (int guard = 0; guard < 10000 && !finished(); ++guard) {
        if (steps_.empty()) {
            if (next_command_ < script_.commands.size()) {
                start_command(script_.commands[next_command_++]);
                continue;
            }
            if (!ending_) {
                // Let the last actions' handlers finish, so a screenshot or recording shows their results.
                command_ = nullptr;
                ending_ = true;
                double started = -1;
                steps_.push_back([this, started]() mutable {
                    if (started < 0) started = now();
                    return engine().idle() || now() - started > kEndIdleSeconds ? Step::DoneNow : Step::Continue;
                });
                steps_.push_back(pause(kEndPause));  // a video ends on the result, not on the last click
                steps_.push_back([this]() {
                    finish();
                    return Step::DoneNow;
                });
                continue;
            }
            finish();
            return;
        }
        StepFn step = std::move(steps_.front());
        steps_.pop_front();
        inserted_.clear();
        const Step result = step();
        if (finished()) return;
        if (result == Step::Continue) steps_.push_front(std::move(step));
        for (auto it = inserted_.rbegin(); it != inserted_.rend(); ++it) steps_.push_front(std::move(*it));
        inserted_.clear();
        if (result != Step::DoneNow) return;
    }
}

void ScriptPlayer::insert_steps(std::vector<StepFn> steps) {
    for (StepFn& step : steps) inserted_.push_back(std::move(step));
}

void ScriptPlayer::fail(std::string message) {
    const int line = command_ ? command_->line : 0;
    std::string text = line > 0 ? script_error(script_.file_name, line, message) : script_.file_name + ": " + message;
    if (options_.report) std::fprintf(stderr, "%s\n", text.c_str());
    failures_.push_back(std::move(text));
    status_ = Status::ScriptError;
    steps_.clear();
    inserted_.clear();
    mouse_down_ = false;
}

void ScriptPlayer::expectation_failed(std::string message) {
    std::string text = script_error(script_.file_name, command_ ? command_->line : 0, message);
    if (options_.report) std::fprintf(stderr, "%s\n", text.c_str());
    failures_.push_back(std::move(text));
    ++failed_expectations_;
}

void ScriptPlayer::finish() {
    if (finished()) return;
    status_ = failed_expectations_ > 0 ? Status::ExpectFailed : Status::Passed;
    steps_.clear();
    mouse_down_ = false;
    if (!options_.report) return;
    if (failed_expectations_ > 0)
        std::fprintf(stderr, "imgr: script %s: %d expectation%s failed\n", script_.file_name.c_str(),
                     failed_expectations_, failed_expectations_ == 1 ? "" : "s");
    else
        std::fprintf(stderr, "imgr: script %s: done, every expectation held\n", script_.file_name.c_str());
}

void ScriptPlayer::start_command(const ScriptCommand& command) {
    command_ = &command;
    std::visit(
        [&](const auto& action) {
            using T = std::decay_t<decltype(action)>;
            if constexpr (std::is_same_v<T, SetCommand>) {
                const auto id = resolve(action.label);
                if (!id) return;
                const ComponentState& state = engine().component(*id);
                SetValueResult converted = value_for_set(state.spec.kind, state.spec.props, action.value);
                if (auto* error = std::get_if<std::string>(&converted)) {
                    fail("cannot set " + quoted(action.label) + ": " + *error);
                    return;
                }
                Value value = std::get<Value>(std::move(converted));
                steps_.push_back(wait_actionable(*id, "set"));
                steps_.push_back(open_ancestors(*id));
                steps_.push_back(reveal(*id));
                steps_.push_back([this, id = *id, value]() {
                    insert_steps(set_steps(id, value));
                    return Step::DoneNow;
                });
            } else if constexpr (std::is_same_v<T, ClickCommand>) {
                const auto id = resolve(action.label);
                if (!id) return;
                const ComponentKind kind = engine().component(*id).spec.kind;
                if (kind != ComponentKind::Button) {
                    fail("cannot click " + quoted(action.label) + ": it is a " + kind_name(kind) +
                         ", not a button (use set or upload)");
                    return;
                }
                steps_.push_back(wait_actionable(*id, "click"));
                steps_.push_back(open_ancestors(*id));
                steps_.push_back(reveal(*id));
                steps_.push_back([this, id = *id]() {
                    if (!reachable(id)) {  // not drawn where the pointer can go: press it directly
                        engine().fire(id, Event::Click);
                        return Step::Done;
                    }
                    insert_steps({move_to([this, id] { return center(cache(id).widget_min, cache(id).widget_max); }),
                                  pause(kHoverPause), [this, id]() {
                                      // A toast or an open list over the button would take the press instead.
                                      ImGuiWindow* hovered = GImGui->HoveredWindow;
                                      if (!hovered || hovered->RootWindow != app_window()) {
                                          engine().fire(id, Event::Click);
                                          return Step::Done;
                                      }
                                      insert_steps({press(), pause(kHoldPause), set_button(false)});
                                      return Step::DoneNow;
                                  },
                                  pause(kAfterAction), frames(1)});
                    return Step::DoneNow;
                });
            } else if constexpr (std::is_same_v<T, UploadCommand>) {
                const auto id = resolve(action.label);
                if (!id) return;
                const ComponentKind kind = engine().component(*id).spec.kind;
                if (kind != ComponentKind::Image) {
                    fail("cannot upload to " + quoted(action.label) + ": it is a " + kind_name(kind) +
                         ", not an Image");
                    return;
                }
                std::error_code ec;
                if (!std::filesystem::is_regular_file(action.file, ec)) {
                    fail("cannot upload " + quoted(action.file.string()) + ": no such file");
                    return;
                }
                steps_.push_back(wait_actionable(*id, "upload to"));
                steps_.push_back(open_ancestors(*id));
                steps_.push_back(reveal(*id));
                steps_.push_back([this, id = *id, file = action.file]() {
                    std::vector<StepFn> steps;
                    if (reachable(id))
                        steps.push_back(move_to([this, id] { return center(cache(id).widget_min, cache(id).widget_max); }));
                    steps.push_back(pause(kHoverPause));
                    steps.push_back([this, id, file]() {
                        // As if the file were dropped on the image.
                        if (!upload_image_file(engine(), id, file.string()))
                            fail("cannot upload " + quoted(file.string()) + ": " + load_image_file(file.string()).error);
                        return Step::Done;
                    });
                    steps.push_back(pause(kAfterAction));
                    insert_steps(std::move(steps));
                    return Step::DoneNow;
                });
            } else if constexpr (std::is_same_v<T, WaitFramesCommand>) {
                steps_.push_back(frames(action.frames));
            } else if constexpr (std::is_same_v<T, WaitTimeCommand>) {
                const double seconds = std::chrono::duration<double>(action.duration).count();
                double started = -1;
                steps_.push_back([this, seconds, started]() mutable {
                    if (started < 0) started = now();
                    return now() - started >= seconds - 1e-9 ? Step::DoneNow : Step::Continue;
                });
            } else if constexpr (std::is_same_v<T, WaitIdleCommand>) {
                double started = -1;
                steps_.push_back([this, started]() mutable {
                    if (started < 0) started = now();
                    if (engine().idle()) return Step::DoneNow;
                    if (now() - started > options_.idle_timeout) {
                        fail("wait idle: handlers still running after " + format_number(options_.idle_timeout) + " s");
                        return Step::DoneNow;
                    }
                    return Step::Continue;
                });
            } else if constexpr (std::is_same_v<T, ExpectCommand>) {
                const auto id = resolve(action.label);
                if (!id) return;
                double started = -1;
                steps_.push_back([this, id = *id, expected = action.value, started]() mutable {
                    if (started < 0) started = now();
                    if (!engine().idle() && now() - started <= kExpectIdleSeconds) return Step::Continue;
                    if (auto mismatch = check_expected(engine().component(id).spec.value, expected))
                        expectation_failed(*mismatch);
                    return Step::DoneNow;
                });
            } else if constexpr (std::is_same_v<T, ScreenshotCommand>) {
                steps_.push_back([this, file = action.file]() {
                    screenshot_ = file;  // after_render writes this frame
                    return Step::Done;
                });
            } else if constexpr (std::is_same_v<T, QuitCommand>) {
                steps_.push_back([this]() {
                    finish();
                    return Step::DoneNow;
                });
            }
        },
        command.action);
}

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

bool ScriptPlayer::shown(ComponentId id) const {
    if (!engine().component(id).spec.common.visible) return false;
    const Layout& layout = view_.blocks().layout();
    for (NodeId n = component_node_.at((size_t)id); n >= 0; n = node_parent_[(size_t)n])
        if (!layout.node(n).visible) return false;
    return true;
}

bool ScriptPlayer::reachable(ComponentId id) const {
    const ComponentCache& c = cache(id);
    if (!(c.widget_max.x > c.widget_min.x && c.widget_max.y > c.widget_min.y)) return false;
    const ImVec2 mid = center(c.widget_min, c.widget_max);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return mid.x >= 0 && mid.y >= 0 && mid.x < display.x && mid.y < display.y;
}

// --- building blocks ----------------------------------------------------------

ScriptPlayer::StepFn ScriptPlayer::wait_actionable(ComponentId id, const char* what) {
    double started = -1;
    return [this, id, what, started]() mutable {
        if (started < 0) started = now();
        const bool is_shown = shown(id), is_interactive = engine().interactive(id);
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
// drawn: a person clicks the tab first (and opens the accordion). ImGui keeps
// that state under ids that BlocksView's ID stack gives: each node drawn pushes
// its node id, a tab bar is "##tabs" under its Tabs node, a tab's label is
// hashed under the tab bar and its node id, and its contents under the tab's id.
ScriptPlayer::StepFn ScriptPlayer::open_ancestors(ComponentId id, int attempts) {
    return [this, id, attempts]() {
        ImGuiWindow* window = app_window();
        if (!window || attempts > 8) return Step::DoneNow;
        std::vector<NodeId> path;  // from the root's child down to the component
        for (NodeId n = component_node_.at((size_t)id); n > 0; n = node_parent_[(size_t)n]) path.push_back(n);
        std::reverse(path.begin(), path.end());
        const Layout& layout = view_.blocks().layout();
        const auto hash_int = [](int n, ImGuiID seed) { return ImHashData(&n, sizeof n, seed); };
        ImGuiID seed = window->ID;
        ImGuiID tab_bar_id = 0;
        for (NodeId n : path) {
            const LayoutNode& node = layout.node(n);
            if (node.type == NodeType::Tab) {
                const ImGuiID tab_id = ImHashStr(node.label.c_str(), 0, hash_int(n, tab_bar_id));
                ImGuiTabBar* bar = GImGui->TabBars.GetByKey(tab_bar_id);
                ImGuiTabItem* tab = bar ? ImGui::TabBarFindTabByID(bar, tab_id) : nullptr;
                if (!tab) return Step::DoneNow;  // not drawn yet, or the view's ids changed: act as things are
                if (bar->SelectedTabId != tab_id) {
                    const float x = bar->BarRect.Min.x + tab->Offset - bar->ScrollingAnim + tab->Width * 0.5f;
                    std::vector<StepFn> steps;
                    const float margin = ImGui::GetFontSize();
                    if (bar->BarRect.Min.y < window->InnerRect.Min.y + margin ||
                        bar->BarRect.Max.y > window->InnerRect.Max.y - margin) {
                        // The tabs are scrolled out of the window: bring them in first.
                        insert_steps({scroll_into_view([bar] { return ImVec2(bar->BarRect.Min.y, bar->BarRect.Max.y); }),
                                      open_ancestors(id, attempts + 1)});
                        return Step::DoneNow;
                    }
                    if (x > bar->BarRect.Min.x && x < bar->BarRect.Max.x) {
                        steps = click_at([bar, tab_id] {
                            ImGuiTabItem* t = ImGui::TabBarFindTabByID(bar, tab_id);
                            const float cx = t ? bar->BarRect.Min.x + t->Offset - bar->ScrollingAnim + t->Width * 0.5f
                                               : bar->BarRect.GetCenter().x;
                            return ImVec2(cx, bar->BarRect.GetCenter().y);
                        });
                    } else {
                        bar->NextSelectedTabId = tab_id;  // scrolled out of the bar: select it as ImGui's own list does
                    }
                    steps.push_back(frames(1));
                    steps.push_back(open_ancestors(id, attempts + 1));
                    insert_steps(std::move(steps));
                    return Step::DoneNow;
                }
                seed = tab_id;
                continue;
            }
            seed = hash_int(n, seed);
            if (node.type == NodeType::Tabs) tab_bar_id = ImHashStr("##tabs", 0, seed);
            if (node.type == NodeType::Accordion) {
                const ImGuiID header = ImHashStr(node.label.c_str(), 0, seed);
                const int stored = window->StateStorage.GetInt(header, -1);
                if (stored == 0 || (stored == -1 && !node.open)) {
                    window->StateStorage.SetInt(header, 1);
                    insert_steps({frames(1), open_ancestors(id, attempts + 1)});
                    return Step::Done;
                }
            }
        }
        return Step::DoneNow;
    };
}

ScriptPlayer::StepFn ScriptPlayer::reveal(ComponentId id) {
    return scroll_into_view([this, id] { return ImVec2(cache(id).card_min.y, cache(id).card_max.y); });
}

// Scrolls the app's window until the span of y (screen coordinates) is in view, as a wheel would.
ScriptPlayer::StepFn ScriptPlayer::scroll_into_view(std::function<ImVec2()> y_span) {
    bool started = false;
    float from = 0, to = 0;
    double t0 = 0;
    return [=, this]() mutable {
        ImGuiWindow* window = app_window();
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
ScriptPlayer::StepFn ScriptPlayer::press() {
    int phase = 0, attempts = 0;
    return [this, phase, attempts]() mutable {
        ImGuiContext& g = *GImGui;
        switch (phase) {
            case 0:
                mouse_down_ = true;
                phase = 1;
                return Step::Continue;
            case 1:
                if ((g.ActiveId != 0 && g.ActiveId == g.HoveredId) || ++attempts >= 2) return Step::DoneNow;
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

std::vector<ScriptPlayer::StepFn> ScriptPlayer::click_away(ComponentId id) {
    auto corner = [this, id] {
        const ComponentCache& c = cache(id);
        const float em = ImGui::GetFontSize();
        return ImVec2(c.card_max.x - em * kCardPadX * 0.6f, c.card_min.y + em * kCardPadY * 0.5f);
    };
    return {move_to(corner), pause(kHoverPause), set_button(true), pause(kHoldPause), set_button(false)};
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

// --- set, by kind ---------------------------------------------------------------

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_steps(ComponentId id, const Value& value) {
    std::vector<StepFn> steps;
    if (reachable(id)) {
        const ComponentState& state = engine().component(id);
        switch (state.spec.kind) {
            case ComponentKind::Slider: steps = set_slider(id, std::get<double>(value)); break;
            case ComponentKind::Number: steps = set_text(id, format_number(std::get<double>(value)), true); break;
            case ComponentKind::Textbox: steps = set_text(id, std::get<std::string>(value), false); break;
            case ComponentKind::Checkbox: steps = set_checkbox(id, std::get<bool>(value)); break;
            case ComponentKind::Radio:
            case ComponentKind::CheckboxGroup: steps = set_choices(id, value); break;
            case ComponentKind::Dropdown: steps = set_dropdown(id, value); break;
            default:
                // Colours, JSON, Markdown: the pointer shows where, the engine takes the value.
                steps.push_back(move_to([this, id] { return center(cache(id).widget_min, cache(id).widget_max); }));
                steps.push_back(pause(kHoverPause));
                break;
        }
    }
    steps.push_back(finish_set(id, value));
    steps.push_back(pause(kAfterAction));
    steps.push_back(frames(1));  // what a click changed shows from the frame after it
    return steps;
}

// Where ImGui's SliderScalar puts a value (SliderBehaviorT, horizontal, linear).
static float slider_x(const ComponentCache& c, const SliderProps& props, double value) {
    constexpr float kGrabPadding = 2.0f;
    const float slider = (c.widget_max.x - c.widget_min.x) - kGrabPadding * 2;
    const float grab = std::min(ImGui::GetStyle().GrabMinSize, slider);
    const double range = props.maximum - props.minimum;
    const double t = range != 0 ? std::clamp((value - props.minimum) / range, 0.0, 1.0) : 0.0;
    return c.widget_min.x + kGrabPadding + grab * 0.5f + (float)t * (slider - grab);
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_slider(ComponentId id, double value) {
    const SliderProps props = std::get<SliderProps>(engine().component(id).spec.props);
    const double current = std::get<double>(engine().component(id).spec.value);
    auto at = [this, id, props](double v) {
        return [this, id, props, v] {
            const ComponentCache& c = cache(id);
            return ImVec2(slider_x(c, props, v), (c.widget_min.y + c.widget_max.y) * 0.5f);
        };
    };
    // The grab glides as far as it goes, a little slower over long distances.
    const double fraction = props.maximum != props.minimum
                                ? std::fabs(value - current) / std::fabs(props.maximum - props.minimum)
                                : 0.0;
    // ImGui maps the pointer to a value through a float ratio, so the drag lands
    // within a rounding error of the value; the engine takes the exact value in
    // the frame the button is let go, so that release already sees it (a frame
    // still held would drag it back).
    auto release_at_value = [this, id, value]() {
        if (engine().set_from_user(id, value)) ++engine_sets_;
        mouse_down_ = false;
        return Step::Done;
    };
    return {move_to(at(current)), pause(kHoverPause), press(),
            move_to(at(value), 0.35 + 0.45 * std::min(1.0, fraction)), pause(kHoldPause), release_at_value};
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_text(ComponentId id, const std::string& text, bool is_number) {
    bool multiline = false;
    if (auto* props = std::get_if<TextboxProps>(&engine().component(id).spec.props))
        multiline = props->lines > 1 && !props->password;
    bool dropped = false;
    std::vector<std::string> characters = typable_characters(text, multiline, dropped);
    std::vector<StepFn> steps = click_at([this, id] { return center(cache(id).widget_min, cache(id).widget_max); });
    steps.push_back([=, this]() {
        // Type only into a field that took the click; otherwise the engine takes the value.
        ImGuiContext& g = *GImGui;
        if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return Step::DoneNow;
        std::vector<StepFn> typing{key(ImGuiKey_A, true)};  // select all: the text replaces it
        if (text.empty())
            typing.push_back(key(ImGuiKey_Backspace, false));
        else
            typing.push_back(type(characters));
        typing.push_back(frames(1));  // ImGui shows text typed in a frame from the next one
        if (is_number) {
            typing.push_back(key(ImGuiKey_Enter, false));  // done: the field shows the number as kept
        } else if (dropped) {
            // Characters ImGui cannot type: leave the field, then the engine takes the exact text.
            for (StepFn& step : click_away(id)) typing.push_back(std::move(step));
        }
        insert_steps(std::move(typing));
        return Step::DoneNow;
    });
    return steps;
}

// The centres of a Radio's or CheckboxGroup's choices, laid out as the view
// flows them (choice_views.cpp); nothing when that does not end where the view's
// last choice ended, so a wrong guess never clicks a wrong choice.
static std::optional<std::vector<ImVec2>> choice_centres(const ComponentCache& c, const StringList& choices) {
    if (choices.empty()) return std::nullopt;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize(), frame = ImGui::GetFrameHeight();
    const float width = std::max(1.0f, (c.card_max.x - c.card_min.x) - 2 * kCardPadX * em);
    const float start = c.widget_min.x, spacing = style.ItemSpacing.x * 1.5f;
    std::vector<ImVec2> centres;
    float x = start, y = c.widget_min.y, last_width = 0;
    for (size_t i = 0; i < choices.size(); ++i) {
        const float w = frame + style.ItemInnerSpacing.x + ImGui::CalcTextSize(choices[i].c_str()).x;
        if (i > 0) {
            x += last_width + spacing;
            if (x + w > start + width) {
                x = start;
                y += frame + style.ItemSpacing.y;
            }
        }
        centres.push_back(ImVec2(x + frame * 0.5f, y + frame * 0.5f));
        last_width = w;
    }
    const ImVec2 end(x + last_width, y + frame);
    if (std::fabs(end.x - c.widget_max.x) > 1.5f || std::fabs(end.y - c.widget_max.y) > 1.5f) return std::nullopt;
    return centres;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_choices(ComponentId id, const Value& value) {
    const ComponentState& state = engine().component(id);
    const StringList& choices = std::get<ChoiceProps>(state.spec.props).choices;
    const auto centres = choice_centres(cache(id), choices);
    if (!centres) return {};
    // The choices to click: the new one for a Radio, each that changes for a group.
    std::vector<size_t> clicks;
    if (state.spec.kind == ComponentKind::Radio) {
        const std::string& wanted = std::get<std::string>(value);
        const auto it = std::find(choices.begin(), choices.end(), wanted);
        if (it != choices.end() && wanted != std::get<std::string>(state.spec.value)) clicks.push_back((size_t)(it - choices.begin()));
    } else {
        const StringList& wanted = std::get<StringList>(value);
        const StringList& current = std::get<StringList>(state.spec.value);
        for (size_t i = 0; i < choices.size(); ++i) {
            const bool want = std::find(wanted.begin(), wanted.end(), choices[i]) != wanted.end();
            const bool have = std::find(current.begin(), current.end(), choices[i]) != current.end();
            if (want != have) clicks.push_back(i);
        }
    }
    std::vector<StepFn> steps;
    for (size_t index : clicks) {
        const ImVec2 fallback = (*centres)[index];
        for (StepFn& step : click_at([this, id, index, fallback] {
                 const ComponentState& s = engine().component(id);
                 const auto now_centres = choice_centres(cache(id), std::get<ChoiceProps>(s.spec.props).choices);
                 return now_centres && index < now_centres->size() ? (*now_centres)[index] : fallback;
             }))
            steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_checkbox(ComponentId id, bool value) {
    if (std::get<bool>(engine().component(id).spec.value) == value) return {};
    return click_at([this, id] {
        const ComponentCache& c = cache(id);
        const float frame = ImGui::GetFrameHeight();  // the box is the item's first square
        return ImVec2(c.widget_min.x + frame * 0.5f, (c.widget_min.y + c.widget_max.y) * 0.5f);
    });
}

// Opens the list, clicks the choice (each choice that changes, for a
// multiselect), and closes the list when it stays open.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_dropdown(ComponentId id, const Value& value) {
    const ComponentState& state = engine().component(id);
    const ChoiceProps& props = std::get<ChoiceProps>(state.spec.props);
    std::vector<size_t> clicks;
    if (props.multiselect) {
        const StringList& wanted = std::get<StringList>(value);
        const StringList& current = std::get<StringList>(state.spec.value);
        for (size_t i = 0; i < props.choices.size(); ++i) {
            const bool want = std::find(wanted.begin(), wanted.end(), props.choices[i]) != wanted.end();
            const bool have = std::find(current.begin(), current.end(), props.choices[i]) != current.end();
            if (want != have) clicks.push_back(i);
        }
    } else {
        const std::string& wanted = std::get<std::string>(value);
        const auto it = std::find(props.choices.begin(), props.choices.end(), wanted);
        if (it != props.choices.end() && wanted != std::get<std::string>(state.spec.value))
            clicks.push_back((size_t)(it - props.choices.begin()));
    }
    if (clicks.empty()) return {};
    const bool multiselect = props.multiselect;
    std::vector<StepFn> steps = click_at([this, id] { return center(cache(id).widget_min, cache(id).widget_max); });
    int waited = 0;
    steps.push_back([=, this]() mutable {
        ImGuiWindow* list = open_combo_list();
        if (!list) return ++waited < kPopupFrames ? Step::Continue : Step::DoneNow;
        std::vector<StepFn> inside;
        for (size_t index : clicks) {
            const std::string text = std::get<ChoiceProps>(engine().component(id).spec.props).choices[index];
            // Scroll the list until the choice shows, then click it.
            inside.push_back([this, index]() {
                ImGuiWindow* w = open_combo_list();
                if (!w) return Step::DoneNow;
                const float line = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.y;
                const float y = w->DC.CursorStartPos.y + line * (float)index + ImGui::GetFontSize() * 0.5f;
                if (y >= w->InnerClipRect.Min.y + 2 && y <= w->InnerClipRect.Max.y - 2) return Step::DoneNow;
                ImGui::SetScrollY(w, std::clamp(line * (float)index - (w->InnerRect.GetHeight() - line) * 0.5f, 0.0f,
                                                w->ScrollMax.y));
                return Step::Done;
            });
            const ImVec2 fallback = pointer_;
            for (StepFn& step : click_at([this, index, text, fallback] {
                     ImGuiWindow* w = open_combo_list();
                     if (!w) return fallback;
                     const float line = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.y;
                     const ImVec2 start = w->DC.CursorStartPos;
                     const float half = ImGui::CalcTextSize(text.c_str()).x * 0.5f + ImGui::GetFontSize() * 0.25f;
                     return ImVec2(start.x + std::min(half, (w->WorkRect.Max.x - start.x) * 0.5f),
                                   start.y + line * (float)index + ImGui::GetFontSize() * 0.5f);
                 }))
                inside.push_back(std::move(step));
        }
        if (multiselect)
            for (StepFn& step : click_away(id)) inside.push_back(std::move(step));
        insert_steps(std::move(inside));
        return Step::DoneNow;
    });
    // A list still open (the choice was not found) is closed before the engine takes the value.
    steps.push_back([this, id]() {
        if (open_combo_list()) insert_steps(click_away(id));
        return Step::DoneNow;
    });
    return steps;
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
