#include "imgr/driver/script_player.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "imgr/driver/expectation.h"
#include "imgr/driver/value_from_json.h"
#include "imgr/engine/media_control.h"
#include "imgr/model/audio_io.h"
#include "imgr/model/image_io.h"
#include "imgr/model/pixel_values.h"
#include "imgr/model/video_file.h"

namespace imgr {
namespace {

constexpr int kSettleFrames = 3;            // ImGui lays out auto-sized things a frame late
constexpr double kExpectIdleSeconds = 10.0; // an expect first lets running handlers finish
constexpr double kEndIdleSeconds = 10.0;    // so does the end of the script
constexpr double kWaitUntilSeconds = 10.0;  // wait until: then the script stops (exit 2)
constexpr int kPopupFrames = 30;            // frames a dropdown's list may take to appear

// Human pace, in seconds (none at --pace fast).
constexpr double kHoverPause = 0.12, kHoldPause = 0.1, kAfterAction = 0.3, kTypeInterval = 0.05,
                 kLongestTyping = 3.0, kScrollSeconds = 0.4, kEndPause = 1.0;

float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
float smooth(double t) {
    const float x = (float)std::clamp(t, 0.0, 1.0);
    return x * x * (3 - 2 * x);  // eases in and out, as a hand moves
}
ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
std::string quoted(const std::string& s) { return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace); }

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
    node_parent_.assign(layout.size(), NodeId());
    component_node_.assign(engine().component_count(), NodeId());
    for (NodeId n(0); (size_t)n < layout.size(); n = NodeId(n.index + 1)) {
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
    io.MouseWheel = wheel_;
    io.MouseWheelH = 0;
    wheel_ = 0;
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

void ScriptPlayer::missed(const std::string& why) {
    ++misses_;
    const int line = command_ ? command_->line : 0;
    if (misses_ <= 5) missed_ += (missed_.empty() ? "" : "; ") + std::string("line ") + std::to_string(line) + ": " + why;
}

void ScriptPlayer::finish() {
    if (finished()) return;
    status_ = failed_expectations_ > 0 ? Status::ExpectFailed : Status::Passed;
    steps_.clear();
    mouse_down_ = false;
    if (!options_.report) return;
    // Not an error (the values still end as scripted), but a tour meant to show a person's clicks did not.
    if (misses_ > 0)
        std::fprintf(stderr, "imgr: script %s: the pointer missed %d target%s, the engine acted instead (%s%s)\n",
                     script_.file_name.c_str(), misses_, misses_ == 1 ? "" : "s", missed_.c_str(), misses_ > 5 ? "; ..." : "");
    if (failed_expectations_ > 0)
        std::fprintf(stderr, "imgr: script %s: %d expectation%s failed\n", script_.file_name.c_str(),
                     failed_expectations_, failed_expectations_ == 1 ? "" : "s");
    else
        std::fprintf(stderr, "imgr: script %s: done, every expectation held\n", script_.file_name.c_str());
}

void ScriptPlayer::start_command(const ScriptCommand& command) {
    command_ = &command;
    std::visit([this](const auto& action) { play(action); }, command.action);
}

void ScriptPlayer::approach(ComponentId id, const char* what) {
    steps_.push_back(wait_actionable(id, what));
    steps_.push_back(open_ancestors(id));
    steps_.push_back(reveal(id));
}

void ScriptPlayer::play(const SetCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    const ComponentState& state = engine().component(*id);
    SetValueResult converted = value_for_set(state.spec.kind, state.spec.props, command.value);
    if (auto* error = std::get_if<std::string>(&converted)) {
        fail("cannot set " + quoted(command.label) + ": " + *error);
        return;
    }
    approach(*id, "set");
    steps_.push_back([this, id = *id, value = std::get<Value>(std::move(converted))]() {
        insert_steps(set_steps(id, value));
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const ClickCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::Button, "click", "not a button (use set or upload)");
    if (!id) return;
    approach(*id, "click");
    steps_.push_back([this, id = *id]() {
        if (!reachable(id)) {  // not drawn where the pointer can go: pressed directly
            insert_steps({fire_from_engine(id, Event::Click)});
            return Step::DoneNow;
        }
        insert_steps({move_to([this, id] { return widget_center(id); }), pause(kHoverPause), [this, id]() {
                          // A toast or an open list over the button would take the press instead.
                          ImGuiWindow* hovered = GImGui->HoveredWindow;
                          if (!hovered || hovered->RootWindow != view_.targets().window()) {
                              insert_steps({fire_from_engine(id, Event::Click)});
                              return Step::DoneNow;
                          }
                          insert_steps({press(), pause(kHoldPause), set_button(false)});
                          return Step::DoneNow;
                      },
                      pause(kAfterAction), frames(1)});
        return Step::DoneNow;
    });
}

// A Chatbot message's Like or Dislike button (choices 2i and 2i+1 of the
// view's targets); a message scrolled out of sight gets the like directly.
void ScriptPlayer::play(const LikeCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::Chatbot, command.liked ? "like" : "dislike", "not a Chatbot");
    if (!id) return;
    approach(*id, command.liked ? "like" : "dislike");
    const size_t choice = (size_t)command.index * 2 + (command.liked ? 0 : 1);
    steps_.push_back([this, id = *id, choice, command]() {
        const ComponentTargets& t = target(id);
        const auto& conversation = std::get<Conversation>(engine().component(id).spec.value);
        if ((size_t)command.index >= conversation.size() ||
            conversation.messages[(size_t)command.index].role != ChatRole::Assistant) {
            fail("message " + std::to_string(command.index) + " of \"" + command.label +
                 "\" is not an assistant message (the conversation has " + std::to_string(conversation.size()) + ")");
            return Step::Done;
        }
        const bool shown = ActionTargets::drawn_now(t.choices_frame) && choice < t.choices.size() && !t.choices[choice].empty() &&
                           t.choices[choice].min.y >= t.widget.min.y && t.choices[choice].max.y <= t.widget.max.y;
        if (!shown) {
            insert_steps({[this, id, command]() {
                missed("the message's button was not on screen");
                Conversation updated = std::get<Conversation>(engine().component(id).spec.value);
                updated.messages[(size_t)command.index].liked = command.liked;
                updated.last_feedback = command.index;
                engine().set_from_program(id, std::move(updated));
                engine().fire(id, Event::Like);
                return Step::Done;
            }});
            return Step::DoneNow;
        }
        std::vector<StepFn> steps = click_at([this, id, choice] { return target(id).choices[choice].center(); });
        steps.push_back(pause(kAfterAction));
        steps.push_back(frames(1));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

// Enter in the field: a click gives it the keyboard, then Enter (Ctrl+Enter
// where Enter types a line break) fires submit, as the view handles a person's keys.
void ScriptPlayer::play(const SubmitCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::Textbox, "submit", "not a Textbox");
    if (!id) return;
    approach(*id, "submit");
    steps_.push_back([this, id = *id]() {
        if (!reachable(id)) {
            insert_steps({fire_from_engine(id, Event::Submit)});
            return Step::DoneNow;
        }
        const auto& props = std::get<TextboxProps>(engine().component(id).spec.props);
        const bool multiline = props.lines > 1 && !props.password;
        std::vector<StepFn> steps = click_at([this, id] { return widget_center(id); });
        steps.push_back([this, id, multiline]() {
            ImGuiContext& g = *GImGui;
            if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId)
                insert_steps({fire_from_engine(id, Event::Submit)});  // the field did not take the click
            else
                insert_steps({key(ImGuiKey_Enter, multiline)});
            return Step::DoneNow;
        });
        steps.push_back(pause(kAfterAction));
        steps.push_back(frames(1));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

// click "label" at T: the video shows the frame at T seconds (its player seeks, as the time bar does).
void ScriptPlayer::play_seek(const std::string& label, double seconds) {
    const auto id = resolve_kind(label, ComponentKind::Video, "click at a time on", "not a Video");
    if (!id) return;
    approach(*id, "seek");
    steps_.push_back([this, id = *id, seconds]() {
        std::vector<StepFn> steps;
        if (reachable(id)) steps.push_back(move_to([this, id] { return widget_center(id); }));
        steps.push_back([this, id, seconds]() {
            seek_media(engine(), id, seconds);
            return Step::Done;
        });
        steps.push_back(pause(kAfterAction));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const UploadCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    const ComponentKind kind = engine().component(*id).spec.kind;
    const bool audio = kind == ComponentKind::Audio;
    if (!audio && kind != ComponentKind::Video &&
        !resolve_kind(command.label, ComponentKind::Image, "upload to", "not an Image, Audio or Video"))
        return;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(command.file, ec)) {
        fail("cannot upload " + quoted(command.file.string()) + ": no such file");
        return;
    }
    approach(*id, "upload to");
    steps_.push_back([this, id = *id, file = command.file, audio]() {
        std::vector<StepFn> steps;
        if (reachable(id)) steps.push_back(move_to([this, id] { return widget_center(id); }));
        steps.push_back(pause(kHoverPause));
        steps.push_back([this, id, file, audio]() {
            if (audio) {
                // As if the file were dropped on the component.
                if (!upload_audio_file(engine(), id, file.string()))
                    fail("cannot upload " + quoted(file.string()) + ": " + load_audio_file(file.string()).error);
                return Step::Done;
            }
            // As if the file were dropped on the image.
            if (engine().component(id).spec.kind == ComponentKind::Video) {
                if (!upload_video_file(engine(), id, file.string()))
                    fail("cannot upload " + quoted(file.string()) + ": " + probe_video_file(file.string()).error);
            } else if (!upload_image_file(engine(), id, file.string()))
                fail("cannot upload " + quoted(file.string()) + ": " + load_image_file(file.string()).error);
            return Step::Done;
        });
        steps.push_back(pause(kAfterAction));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const WaitFramesCommand& command) { steps_.push_back(frames(command.frames)); }

void ScriptPlayer::play(const WaitTimeCommand& command) {
    const double seconds = std::chrono::duration<double>(command.duration).count();
    double started = -1;
    steps_.push_back([this, seconds, started]() mutable {
        if (started < 0) started = now();
        return now() - started >= seconds - 1e-9 ? Step::DoneNow : Step::Continue;
    });
}

// Idle includes what the last run showed: a toast it raised is on screen in the
// frame this returns (ImGui draws a new toast window from its second frame).
void ScriptPlayer::play(const WaitIdleCommand&) {
    double started = -1;
    steps_.push_back([this, started]() mutable {
        if (started < 0) started = now();
        if (engine().idle() && media_idle(engine()) && view_.toasts_shown()) return Step::DoneNow;
        if (now() - started > options_.idle_timeout) {
            fail("wait idle: handlers still running after " + format_number(options_.idle_timeout) + " s");
            return Step::DoneNow;
        }
        return Step::Continue;
    });
}

void ScriptPlayer::play(const ExpectCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    double started = -1;
    steps_.push_back([this, id = *id, expected = command.value, started]() mutable {
        if (started < 0) started = now();
        if ((!engine().idle() || !media_idle(engine())) && now() - started <= kExpectIdleSeconds) return Step::Continue;
        if (auto mismatch = check_expected(engine().component(id).spec.value, expected)) expectation_failed(*mismatch);
        return Step::DoneNow;
    });
}

// For acting in the middle of a stream: no idle wait, each frame compares what is shown now.
void ScriptPlayer::play(const WaitUntilCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    double started = -1;
    steps_.push_back([this, id = *id, command, started]() mutable {
        if (started < 0) started = now();
        const auto mismatch = check_expected(engine().component(id).spec.value, command.value);
        if (!mismatch) return Step::DoneNow;
        if (now() - started > kWaitUntilSeconds) {
            fail("wait until: " + quoted(command.label) + " did not show " +
                 command.value.dump(-1, ' ', false, Json::error_handler_t::replace) + " within " +
                 format_number(kWaitUntilSeconds) + " s (" + *mismatch + ")");
            return Step::DoneNow;
        }
        return Step::Continue;
    });
}

void ScriptPlayer::play(const ScreenshotCommand& command) {
    steps_.push_back([this, file = command.file]() {
        screenshot_ = file;  // after_render writes this frame
        return Step::Done;
    });
}

void ScriptPlayer::play(const QuitCommand&) {
    steps_.push_back([this]() {
        finish();
        return Step::DoneNow;
    });
}

// An output image can be clicked too (select works on any image), so only shown is waited for.
void ScriptPlayer::play(const ClickPixelCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    steps_.push_back(wait_actionable(*id, "click", false));
    steps_.push_back(open_ancestors(*id));
    steps_.push_back(reveal(*id));
    steps_.push_back([this, id = *id, label = command.label, pixel = ImagePixel{command.x, command.y}]() {
        const ComponentTargets& t = target(id);
        if (!t.image || !ActionTargets::drawn_now(t.image_frame)) {
            const ComponentKind kind = engine().component(id).spec.kind;
            fail("cannot click " + quoted(label) + " at a pixel: " +
                 (kind == ComponentKind::Image ? std::string("it shows no image")
                                               : std::string("it is a ") + kind_name(kind) + ", not an image"));
            return Step::DoneNow;
        }
        if (pixel.x >= t.image->image_width || pixel.y >= t.image->image_height) {
            fail("cannot click " + quoted(label) + " at " + std::to_string(pixel.x) + " " + std::to_string(pixel.y) +
                 ": outside the " + std::to_string(t.image->image_width) + "x" + std::to_string(t.image->image_height) +
                 " image");
            return Step::DoneNow;
        }
        auto aim = [this, id, pixel] { return target(id).image->mouse_for(pixel); };
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        const ImVec2 at = aim();
        if (!t.image->visible(at) || at.x < 0 || at.y < 0 || at.x >= display.x || at.y >= display.y) {
            insert_steps({select_from_engine(id, pixel)});  // panned out of view: a person would pan first
            return Step::DoneNow;
        }
        insert_steps({move_to(aim), pause(kHoverPause), [this, id, pixel]() {
                          // A toast over the image would take the press instead.
                          ImGuiWindow* hovered = GImGui->HoveredWindow;
                          if (!hovered || hovered->RootWindow != view_.targets().window()) {
                              insert_steps({select_from_engine(id, pixel)});
                              return Step::DoneNow;
                          }
                          insert_steps({press(), pause(kHoldPause), set_button(false)});
                          return Step::DoneNow;
                      },
                      pause(kAfterAction), frames(1)});
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const ZoomCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    steps_.push_back(wait_actionable(*id, "zoom", false));
    steps_.push_back(open_ancestors(*id));
    steps_.push_back(reveal(*id));
    steps_.push_back([this, id = *id, command]() {
        const ComponentTargets& t = target(id);
        const ImagePixel pixel{command.x, command.y};
        if (!t.image || !ActionTargets::drawn_now(t.image_frame) || pixel.x >= t.image->image_width ||
            pixel.y >= t.image->image_height) {
            fail("cannot zoom " + quoted(command.label) + " at " + std::to_string(pixel.x) + " " +
                 std::to_string(pixel.y) + ": " + (t.image ? "outside the image" : "it shows no image"));
            return Step::DoneNow;
        }
        int notches = 0;
        const float goal = (float)command.factor;
        insert_steps({move_to([this, id, pixel] { return target(id).image->mouse_for(pixel); }), pause(kHoverPause),
                      [this, id, pixel, goal, notches]() mutable {
                          const ImageTransform& now_shown = *target(id).image;
                          pointer_ = now_shown.mouse_for(pixel);  // stays on the pixel as the image grows
                          if (notches++ > 60) {
                              missed("the image did not zoom under the pointer");
                              return Step::DoneNow;
                          }
                          // Within half a notch (1.25x) of the goal is there.
                          if (now_shown.scale < goal / 1.118f) wheel_ = 1;
                          else if (now_shown.scale > goal * 1.118f) wheel_ = -1;
                          else return Step::DoneNow;
                          return Step::Continue;
                      },
                      pause(kAfterAction), frames(1)});
        return Step::DoneNow;
    });
}

ScriptPlayer::StepFn ScriptPlayer::select_from_engine(ComponentId id, ImagePixel pixel) {
    return [this, id, pixel]() {
        missed("the pixel was not on screen");
        SelectData data;
        data.x = pixel.x;
        data.y = pixel.y;
        if (const auto* image = std::get_if<ImageBuffer>(&engine().component(id).spec.value))
            data.value = pixel_values(*image, pixel.x, pixel.y);
        engine().fire_select(id, std::move(data));
        return Step::Done;
    };
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
    const Layout& layout = view_.blocks().layout();
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
        const Layout& layout = view_.blocks().layout();
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
                if (g.ActiveId != 0 && g.ActiveId == g.HoveredId) return Step::DoneNow;
                if (++attempts >= 2) {
                    missed("no item under the pointer took the press");
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

// --- set, by kind ---------------------------------------------------------------

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_steps(ComponentId id, const Value& value) {
    std::vector<StepFn> steps;
    if (!reachable(id)) {
        missed("it is not drawn where the pointer can go");
    } else {
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
                steps.push_back(move_to([this, id] { return widget_center(id); }));
                steps.push_back(pause(kHoverPause));
                break;
        }
    }
    steps.push_back(finish_set(id, value));
    steps.push_back(pause(kAfterAction));
    steps.push_back(frames(1));  // what a click changed shows from the frame after it
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_slider(ComponentId id, double value) {
    const SliderProps props = std::get<SliderProps>(engine().component(id).spec.props);
    const double current = std::get<double>(engine().component(id).spec.value);
    if (!target(id).slider) {
        missed("the slider's grab was not drawn");
        return {};
    }
    auto at = [this, id](double v) {
        return [this, id, v] {
            const ComponentTargets& t = target(id);
            return ImVec2(t.slider_x(v), t.widget.center().y);
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

// The choices that a set changes: the new one for a Radio or a single Dropdown,
// each that changes for a CheckboxGroup or a multiselect Dropdown.
static std::vector<size_t> choices_to_click(const ComponentSpec& spec, const Value& value) {
    const StringList& choices = std::get<ChoiceProps>(spec.props).choices;
    std::vector<size_t> clicks;
    if (auto* wanted = std::get_if<std::string>(&value)) {
        const auto it = std::find(choices.begin(), choices.end(), *wanted);
        if (it != choices.end() && *wanted != std::get<std::string>(spec.value)) clicks.push_back((size_t)(it - choices.begin()));
        return clicks;
    }
    const StringList& wanted = std::get<StringList>(value);
    const StringList& current = std::get<StringList>(spec.value);
    for (size_t i = 0; i < choices.size(); ++i) {
        const bool want = std::find(wanted.begin(), wanted.end(), choices[i]) != wanted.end();
        const bool have = std::find(current.begin(), current.end(), choices[i]) != current.end();
        if (want != have) clicks.push_back(i);
    }
    return clicks;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_choices(ComponentId id, const Value& value) {
    std::vector<StepFn> steps;
    for (size_t index : choices_to_click(engine().component(id).spec, value)) {
        if (index >= target(id).choices.size()) {  // not drawn: the engine takes the value
            missed("a choice was not drawn");
            return {};
        }
        for (StepFn& step : click_at([this, id, index] { return target(id).choices[index].center(); }))
            steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_checkbox(ComponentId id, bool value) {
    if (std::get<bool>(engine().component(id).spec.value) == value) return {};
    if (target(id).choices.empty()) {
        missed("the checkbox was not drawn");
        return {};
    }
    return click_at([this, id] { return target(id).choices[0].center(); });
}

// Opens the list, clicks the choices, and closes the list when it stays open.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_dropdown(ComponentId id, const Value& value) {
    const ComponentSpec& spec = engine().component(id).spec;
    const std::vector<size_t> clicks = choices_to_click(spec, value);
    if (clicks.empty()) return {};
    const bool multiselect = std::get<ChoiceProps>(spec.props).multiselect;
    std::vector<StepFn> steps = click_at([this, id] { return widget_center(id); });
    int waited = 0;
    steps.push_back([=, this]() mutable {
        if (!open_combo_list() || !ActionTargets::drawn_now(target(id).choices_frame)) {
            if (++waited < kPopupFrames) return Step::Continue;
            missed("the dropdown's list did not open");
            return Step::DoneNow;
        }
        insert_steps(pick_in_list(id, clicks, multiselect));
        return Step::DoneNow;
    });
    // A list still open (the choice was not found) is closed before the engine takes the value.
    steps.push_back([this, id]() {
        if (open_combo_list()) {
            missed("the dropdown's list stayed open");
            insert_steps(click_away(id));
        }
        return Step::DoneNow;
    });
    return steps;
}

// In an open list: each choice scrolled into the list's view, then clicked.
std::vector<ScriptPlayer::StepFn> ScriptPlayer::pick_in_list(ComponentId id, const std::vector<size_t>& clicks,
                                                             bool multiselect) {
    auto choice = [this, id](size_t index) -> std::optional<TargetRect> {
        const ComponentTargets& t = target(id);
        if (!ActionTargets::drawn_now(t.choices_frame) || index >= t.choices.size()) return std::nullopt;
        return t.choices[index];
    };
    std::vector<StepFn> steps;
    for (size_t index : clicks) {
        int scrolls = 0;
        steps.push_back([this, choice, index, scrolls]() mutable {
            ImGuiWindow* list = open_combo_list();
            const std::optional<TargetRect> r = choice(index);
            if (!list || !r || ++scrolls > kPopupFrames) {
                missed("a choice in the dropdown's list was not drawn");
                return Step::DoneNow;
            }
            const ImRect clip = list->InnerClipRect;
            if (r->min.y >= clip.Min.y && r->max.y <= clip.Max.y) return Step::DoneNow;
            const float centre = (clip.Min.y + clip.Max.y) * 0.5f;
            ImGui::SetScrollY(list, std::clamp(list->Scroll.y + r->center().y - centre, 0.0f, list->ScrollMax.y));
            return Step::Done;  // the list is drawn scrolled in the next frame
        });
        const ImVec2 fallback = pointer_;
        for (StepFn& step : click_at([choice, index, fallback] {
                 const std::optional<TargetRect> r = choice(index);
                 return r ? r->center() : fallback;
             }))
            steps.push_back(std::move(step));
    }
    if (multiselect)
        for (StepFn& step : click_away(id)) steps.push_back(std::move(step));
    return steps;
}

std::vector<ScriptPlayer::StepFn> ScriptPlayer::set_text(ComponentId id, const std::string& text, bool is_number) {
    bool multiline = false;
    if (auto* props = std::get_if<TextboxProps>(&engine().component(id).spec.props))
        multiline = props->lines > 1 && !props->password;
    bool dropped = false;
    std::vector<std::string> characters = typable_characters(text, multiline, dropped);
    std::vector<StepFn> steps = click_at([this, id] { return widget_center(id); });
    steps.push_back([=, this]() {
        // Type only into a field that took the click; otherwise the engine takes the value.
        ImGuiContext& g = *GImGui;
        if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) {
            missed("the field did not take the click");
            return Step::DoneNow;
        }
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
