// Each script command as steps for the player: set, click, like, submit, upload,
// wait, expect, screenshot, quit, a click on a pixel, zoom.
#include "imgr/driver/script_player.h"
#include "imgr/driver/script_player_pace.h"

#include <imgui_internal.h>  // hovered/active item ids, popup and window lookup, SetScrollY

#include <algorithm>
#include <cmath>
#include <system_error>

#include "imgr/driver/expectation.h"
#include "imgr/driver/value_from_json.h"
#include "imgr/engine/media_control.h"
#include "imgr/model/image_io.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/pixel_values.h"
#include "imgr/view/chatbot_view_state.h"
#include "imgr/view/kind_views.h"

namespace imgr {

using namespace script_pace;

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
    steps_.push_back(click_component(*id, {.aim = [this, id = *id] { return widget_center(id); },
                                           .on_it = [this, id = *id](ImVec2 p) { return target(id).widget.contains(p); },
                                           .y_span = [this, id = *id] { return ImVec2(target(id).widget.min.y, target(id).widget.max.y); },
                                           .instead = [this, id = *id] { return fire_from_engine(id, Event::Click); },
                                           .what = "click " + quoted(command.label)}));
    steps_.push_back(pause(kAfterAction));
    steps_.push_back(frames(1));
}

// A Chatbot message's Like or Dislike button (choices 2i and 2i+1 of the
// view's targets), clicked as a button is; done when the message holds the like.
// A message scrolled out of the chat's own list gets the like directly (a miss).
void ScriptPlayer::play(const LikeCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::Chatbot, command.liked ? "like" : "dislike", "not a Chatbot");
    if (!id) return;
    approach(*id, command.liked ? "like" : "dislike");
    const size_t choice = (size_t)command.index * 2 + (command.liked ? 0 : 1);
    steps_.push_back([this, id = *id, choice, command]() {
        const auto& conversation = std::get<Conversation>(engine().component(id).spec.value);
        if ((size_t)command.index >= conversation.size() ||
            conversation.messages[(size_t)command.index].role != ChatRole::Assistant) {
            fail("message " + std::to_string(command.index) + " of \"" + command.label +
                 "\" is not an assistant message (the conversation has " + std::to_string(conversation.size()) + ")");
            return Step::Done;
        }
        auto button = [this, id, choice] {  // empty when not drawn this frame
            const ComponentTargets& t = target(id);
            return ActionTargets::drawn_now(t.choices_frame) && choice < t.choices.size() ? t.choices[choice] : TargetRect{};
        };
        auto on_it = [this, id, button](ImVec2 p) {  // inside the chat's list, which scrolls on its own
            const TargetRect r = button(), list = target(id).widget;
            return !r.empty() && r.contains(p) && r.min.y >= list.min.y && r.max.y <= list.max.y;
        };
        insert_steps({click_component(id, {.aim = [button] { return button().center(); }, .on_it = on_it,
                                           .y_span = [button] { return ImVec2(button().min.y, button().max.y); },
                                           .instead = [this, id, command]() -> StepFn {
                                               return [this, id, command]() {
                                                   missed("the message's button was not on screen");
                                                   give_chat_feedback(engine(), id, command.index, command.liked);
                                                   return Step::Done;
                                               };
                                           },
                                           .what = std::string(command.liked ? "like " : "dislike ") + quoted(command.label) +
                                                   " " + std::to_string(command.index),
                                           .done = [this, id, command] {
                                               const auto& now = std::get<Conversation>(engine().component(id).spec.value);
                                               return (size_t)command.index < now.size() &&
                                                      now.messages[(size_t)command.index].liked == command.liked;
                                           }}),
                      pause(kAfterAction), frames(1)});
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
    if (!accepts_files(kind)) {
        fail("cannot upload to " + quoted(command.label) + ": it is a " + kind_name(kind) +
             ", not an Image, Audio or Video" + (kind == ComponentKind::Audio || kind == ComponentKind::Video
                                                     ? " (" + missing_module_message(kind) + ")" : std::string()));
        return;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(command.file, ec)) {
        fail("cannot upload " + quoted(command.file.string()) + ": no such file");
        return;
    }
    approach(*id, "upload to");
    steps_.push_back([this, id = *id, file = command.file]() {
        std::vector<StepFn> steps;
        if (reachable(id)) steps.push_back(move_to([this, id] { return widget_center(id); }));
        steps.push_back(pause(kHoverPause));
        steps.push_back([this, id, file]() {
            // As if the file were dropped on the component.
            if (IoResult uploaded = upload_file(engine(), id, file.string()); !uploaded)
                fail("cannot upload " + quoted(file.string()) + ": " + uploaded.error);
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
        if (auto mismatch = check_expected(engine().component(id).spec.kind, engine().component(id).spec.value, expected)) expectation_failed(*mismatch);
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
        const auto mismatch = check_expected(engine().component(id).spec.kind, engine().component(id).spec.value, command.value);
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
        auto aim = [this, id, pixel] {  // the image may be gone by the time the pointer gets there
            const std::optional<ImageTransform>& image = target(id).image;
            return image ? image->mouse_for(pixel) : ImVec2(-1, -1);
        };
        auto on_it = [this, id](ImVec2 p) {
            const ComponentTargets& now_drawn = target(id);
            return now_drawn.image && ActionTargets::drawn_now(now_drawn.image_frame) && now_drawn.image->visible(p);
        };
        auto y_span = [this, id, aim] {  // the pixel, with a line of room around it; nothing without an image
            if (!target(id).image) return ImVec2(0, 0);
            const float y = aim().y, room = ImGui::GetFontSize();
            return ImVec2(y - room, y + room);
        };
        insert_steps({click_component(id, {.aim = aim, .on_it = on_it, .y_span = y_span,
                                           .instead = [this, id, pixel] { return select_from_engine(id, pixel); },
                                           .what = "click " + quoted(label) + " at " + std::to_string(pixel.x) + " " +
                                                   std::to_string(pixel.y)}),
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

}  // namespace imgr
