// ScriptPlayer: plays a parsed demo script (script.h) against a running app,
// as a person would: a drawn pointer moves to each target and presses it
// through ImGui's own input, sliders are dragged, text is typed.
//
//   set      Slider: pressed at its grab and dragged to the value.
//            Number, Textbox: clicked, everything selected, the text typed
//            (character by character; at --pace fast all at once).
//            Radio, Checkbox, CheckboxGroup, Dropdown: the choices clicked.
//            Anything the pointer cannot reach exactly (a value between two
//            slider pixels, text ImGui cannot type, a choice list it cannot
//            locate) is finished through Engine::set_from_user, so the value
//            always ends as value_for_set() says and input + change fire.
//   click    the button pressed and released under the pointer, which must make it fire; a press
//            the layout moved away from is tried again (scrolled into view and aimed anew), and
//            after kClickAttempts it is a script error: never a click silently dropped.
//   like     the message's Like (or Dislike) clicked the same way, until the message holds it.
//   submit   the Textbox clicked, then Enter (Ctrl+Enter in a multi-line one): fires submit.
//   upload   the pointer goes to the image, the file is dropped on it (upload_image_file).
//   click at X Y   the pointer goes where the view drew that image pixel (ComponentTargets::image,
//            at any zoom and pan) and clicks, checked as a button's click: the component fires
//            select. A pixel panned out of view is selected through the engine (a miss). `click at T` (media) is an error for
//            components that cannot seek.
//   brush, undo   an ImageEditor's tool button clicked (the palette brush, Undo) as a button is.
//   paint, erase  the eraser or the brush in use chosen by its button, the size given as the size field
//            takes it, then a drag: pressed at the first pixel (where the view drew it, at any zoom and
//            pan), moved through each point, let go: the editor paints and fires input, then change.
//   zoom     the pointer goes to the pixel and the wheel turns a notch a frame until the image shows
//            about F screen pixels a pixel (the pixel stays under the pointer).
//   expect   waits until no handler runs (up to 10 s), then compares.
//   wait     N frames, a duration (ImGui time, so recordings are exact), or idle.
//   the end  waits for running handlers (up to 10 s) and, at human pace, holds
//            the result for a second, so a video does not stop on the last click.
//
// An action waits (up to 10 s) for its component to be visible and
// interactive, clicks the headers of the tabs and accordions that hide it,
// scrolls it into view, then acts. Where to point comes only from what the view
// recorded drawing the last frame (BlocksView::targets(), action_targets.h).
// Time is ImGui's clock: with the runner's fixed time step every run of a
// script draws the same frames.
//
// Frame protocol (the runner's hooks):
//   before_frame(io)   before ImGui::NewFrame: the scripted pointer, buttons, keys, characters
//   after_draw()       after the app's view is drawn, before ImGui::Render: the script
//                      advances one step (reading this frame's rectangles) and the pointer is drawn
//   after_render(f)    after rendering: a `screenshot` command reads the frame through f
#pragma once
#include "imgr/driver/script.h"
#include "imgr/platform/capture.h"
#include "imgr/view/blocks_view.h"

#include <imgui.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace imgr {

struct ScriptPlayerOptions {
    bool fast = false;                 // --pace fast: no pointer animation, no pauses, text typed at once
    double action_timeout = 10.0;      // seconds an action waits for its component to become interactive
    double idle_timeout = 120.0;       // seconds `wait idle` waits before it is a script error
    bool report = true;                // failures and the summary on stderr
};

class ScriptPlayer {
public:
    enum class Status { Running, Passed, ExpectFailed, ScriptError };

    ScriptPlayer(BlocksView& view, ScriptParseResult script, ScriptPlayerOptions options = {});

    void before_frame(ImGuiIO& io);
    void after_draw();
    void after_render(const std::function<ImageBuffer()>& capture);

    Status status() const { return status_; }
    bool finished() const { return status_ != Status::Running; }
    int exit_code() const;                                // 0 passed, 1 an expect failed, 2 script error
    const std::vector<std::string>& failures() const { return failures_; }  // FILE:LINE messages, in order
    ImVec2 pointer() const { return pointer_; }           // where the scripted mouse is
    int engine_sets() const { return engine_sets_; }      // sets the pointer could not finish (see above)
    // Actions the pointer could not make where the view drew their target (the engine
    // made them, so the values still end as scripted); reported on stderr at the end.
    int misses() const { return misses_; }
    const std::string& file_name() const { return script_.file_name; }

private:
    enum class Step { Continue, Done, DoneNow };         // Done: next step next frame; DoneNow: this frame
    using StepFn = std::function<Step()>;

    void start_command(const ScriptCommand& command);
    // One function per command: each queues its steps.
    void play(const SetCommand& command);
    void play_seek(const std::string& label, double seconds);  // click "label" at T
    void play(const ClickCommand& command);
    void play(const SubmitCommand& command);
    void play(const UploadCommand& command);
    void play(const WaitFramesCommand& command);
    void play(const WaitTimeCommand& command);
    void play(const WaitIdleCommand& command);
    void play(const ExpectCommand& command);
    void play(const ScreenshotCommand& command);
    void play(const QuitCommand& command);
    void play(const WaitUntilCommand& command);
    void play(const LikeCommand& command);
    void play(const ClickPixelCommand& command);
    void play(const ClickTimeCommand& command);  // seeks media (script_player_media.cpp)
    void play(const ZoomCommand& command);
    void play(const PaintCommand& command);     // script_paint_commands.cpp
    void play(const BrushCommand& command);
    void play(const UndoCommand& command);
    // Clicks an ImageEditor's tool button (choice `choice` of its targets) until `done`; a button
    // not on screen: `instead` (a miss).
    StepFn click_tool(ComponentId id, size_t choice, std::string what, std::function<bool()> done, std::function<void()> instead);
    void run_steps();
    void insert_steps(std::vector<StepFn> steps);        // run right after the current step
    void fail(std::string message);                      // script error: exit 2, stop
    void expectation_failed(std::string message);        // exit 1 at the end, go on
    void finish();
    void draw_pointer() const;

    // Looking up components and what the view drew of them.
    std::optional<ComponentId> resolve(const std::string& label);
    // The component of that label when it is of that kind; otherwise a script error naming `usage`.
    std::optional<ComponentId> resolve_kind(const std::string& label, ComponentKind kind, const char* verb, const char* usage);
    bool shown(ComponentId id) const;                    // visible, and every layout ancestor too
    bool reachable(ComponentId id) const;                // drawn this frame, its widget's centre on the display
    const ComponentTargets& target(ComponentId id) const { return view_.targets().component(id); }
    ImVec2 widget_center(ComponentId id) const { return target(id).widget.center(); }
    Engine& engine() const;
    double now() const;

    // Building blocks of the commands' steps.
    // The shared approach of every action on a component: wait until it can be
    // acted on, select its tabs and open its accordions, scroll it into view.
    void approach(ComponentId id, const char* what);
    StepFn wait_actionable(ComponentId id, const char* what, bool need_interactive = true);
    StepFn open_ancestors(ComponentId id, int attempts = 0);  // clicks the headers of its closed tabs and accordions
    StepFn reveal(ComponentId id);                       // scrolls its card into view
    StepFn scroll_into_view(std::function<ImVec2()> y_span);  // (top, bottom) in screen coordinates
    StepFn move_to(std::function<ImVec2()> target, double seconds = -1);
    StepFn set_button(bool down);
    StepFn press(bool note_miss = true);                 // down, checked a frame later (one retry)
    StepFn pause(double seconds);                        // only at human pace
    StepFn frames(int count);
    StepFn key(int imgui_key, bool ctrl);                // one press of a key, then its release
    StepFn type(std::vector<std::string> characters);  // one string per character
    std::vector<StepFn> click_at(std::function<ImVec2()> target);
    // What a click on a component needs: where to press, what is on it, what to
    // scroll into view first, and the same event through the engine for a target
    // the pointer cannot reach.
    struct ClickTarget {
        std::function<ImVec2()> aim;             // from what the view drew last
        std::function<bool(ImVec2)> on_it;       // a press there reaches it
        std::function<ImVec2()> y_span;          // (top, bottom) on screen
        std::function<StepFn()> instead;         // a miss: the engine fires the event
        std::string what;                        // "click \"Flag\"", for the error
        std::function<bool()> done;              // the click's effect is there; empty: its view fired
    };
    // Scrolls, aims, presses and lets go, then checks that it took effect (`done`, or ComponentTargets::fired);
    // a press that lands elsewhere or does not fire is tried again (kClickAttempts), then is a script error.
    StepFn click_component(ComponentId id, ClickTarget target, int attempt = 1);
    std::vector<StepFn> click_away(ComponentId id);      // a press on the card's empty margin: ends text editing
    StepFn fire_from_engine(ComponentId id, Event event); // what the pointer could not press (a miss)
    StepFn select_from_engine(ComponentId id, ImagePixel pixel);  // a pixel the pointer could not reach (a miss)
    void missed(const std::string& why);
    StepFn finish_set(ComponentId id, Value value);       // the engine takes what the pointer did not reach

    std::vector<StepFn> set_steps(ComponentId id, const Value& value);
    std::vector<StepFn> set_slider(ComponentId id, double value);
    std::vector<StepFn> set_text(ComponentId id, const std::string& text, bool is_number);
    std::vector<StepFn> set_choices(ComponentId id, const Value& value);
    std::vector<StepFn> set_checkbox(ComponentId id, bool value);
    std::vector<StepFn> set_dropdown(ComponentId id, const Value& value);
    std::vector<StepFn> pick_in_list(ComponentId id, const std::vector<size_t>& clicks, bool multiselect);

    BlocksView& view_;
    ScriptParseResult script_;
    ScriptPlayerOptions options_;
    std::vector<NodeId> node_parent_;                    // layout parents, for visibility
    std::vector<NodeId> component_node_;

    Status status_ = Status::Running;
    std::vector<std::string> failures_;
    int failed_expectations_ = 0;
    int engine_sets_ = 0;
    int misses_ = 0;
    std::string missed_;                                 // the first few misses, "line N: why"
    bool ending_ = false;                                // the last command ran; waiting for handlers
    size_t next_command_ = 0;
    const ScriptCommand* command_ = nullptr;             // being played
    std::deque<StepFn> steps_;
    std::vector<StepFn> inserted_;
    int frames_drawn_ = 0;
    std::optional<std::filesystem::path> screenshot_;    // taken in after_render

    // The scripted input for the next frame.
    ImVec2 pointer_{-1, -1};
    bool mouse_down_ = false;
    std::string characters_;
    int key_down_ = -1;                                  // ImGuiKey_ held this frame
    bool ctrl_ = false;
    float wheel_ = 0;                                    // mouse wheel notches this frame
    int key_released_ = -1;                              // key index to let go of
};

}  // namespace imgr
