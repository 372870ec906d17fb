// Blocks: a demo declared in C++ as Gradio's gr.Blocks is in Python.
//
//   imgr::Blocks demo("Sepia");
//   imgr::Handle<imgr::ImageBuffer> input, output;
//   imgr::Handle<double> strength;
//   demo.row([&] {
//       demo.column([&] {
//           input = demo.add(imgr::Image("Input image"));
//           strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
//       });
//       output = demo.add(imgr::Image("Output image"));
//   });
//   strength.change(sepia, {input, strength}, output);
//   return demo.launch(argc, argv);
#pragma once
#include "imgr/engine/app/builders.h"
#include "imgr/engine/app/frame_stream_inputs.h"
#include "imgr/engine/app/handler_traits.h"
#include "imgr/engine/app/usage_error.h"
#include "imgr/engine/events.h"
#include "imgr/engine/flagging/flagging_callback.h"
#include "imgr/engine/listener_request.h"
#include "imgr/model/layout.h"
#include "imgr/model/theme.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace imgr {

class Blocks;
// Internal, declared here so that Blocks can name them (their headers are not public).
class Engine;
class FlagWriter;
class MediaChannel;
struct BlocksState;
struct ListenerSpec;
struct ReplaySpec;

// What a listener returns: add steps that run after it.
class EventChain {
public:
    EventChain(Blocks* blocks, int listener) : blocks_(blocks), listener_(listener) {}
    // Runs after the previous step, whether it succeeded or not.
    template <class F>
    EventChain then(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {});
    // Runs only when the previous step did not fail (no exception, no imgr::Error).
    template <class F>
    EventChain success(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {});
    int listener() const { return listener_; }
    // For EventOptions::cancels: {.cancels = {run}}.
    operator EventRef() const { return {blocks_, listener_}; }  // NOLINT: reads as the event itself

private:
    Blocks* blocks_;
    int listener_;
};

// An event of a component, for Blocks::on(): a.on(Event::Change).
struct HandleTrigger {
    HandleRef handle;
    Event event = Event::Change;
};

// A component in a Blocks, typed by its value: Handle<double> for a Number or
// Slider, Handle<std::string> for a Textbox, Handle<ImageBuffer> for an Image...
// Cheap to copy; default-constructed handles refer to nothing (using one for
// an event, value() or set() throws imgr::UsageError, as does wiring a handle
// of another Blocks).
template <class T>
class Handle {
public:
    using value_type = T;
    Handle() = default;
    Handle(Blocks* blocks, ComponentId id) : blocks_(blocks), id_(id) {}

    ComponentId id() const { return id_; }
    Blocks* blocks() const { return blocks_; }
    explicit operator bool() const { return blocks_ != nullptr; }
    HandleTrigger on(Event event) const { return {{blocks_, id_}, event}; }  // for Blocks::on(), like gr.on

    // Listeners. fn's parameters are the inputs' value types (plus an optional
    // trailing imgr::Progress&); its return value fills the outputs.
    template <class F>
    EventChain change(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    template <class F>
    EventChain input(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    template <class F>
    EventChain click(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    template <class F>
    EventChain submit(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    template <class F>
    EventChain release(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    template <class F>
    EventChain upload(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    // An ImageEditor's Clear: its layers were emptied (change fires too).
    template <class F>
    EventChain clear(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    // A person clicked a pixel (Image) or chose an item (Radio, Dropdown, Label's classes, a Dataframe
    // cell): fn may take what was chosen as a last `imgr::SelectData` parameter (select_data.h).
    //   image.select([](const imgr::ImageBuffer& im, imgr::SelectData at) { ... at.x, at.y ... }, {image}, out);
    template <class F>
    EventChain select(F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {}, EventOptions options = {}) const;

    // Chatbot only: fn(imgr::LikeData) or fn(imgr::LikeData, const imgr::Conversation&)
    // runs when a person likes or dislikes a message (Gradio's chatbot.like);
    // its return value fills `outputs`. Defined in like_event.h.
    template <class F>
    EventChain like(F fn, OutputsFor<F> outputs = {}, EventOptions options = {}) const;
    // Video only: fn runs for the frames the video shows, at its rate, always on the newest frame
    // (a Video input gives fn its current frame as an ImageBuffer); a slow fn skips frames (frame_stream_listener.h).
    template <class F>
    EventChain stream(F fn, StreamInputsFor<F> inputs, OutputsFor<F> outputs = {}, EventOptions options = {}) const;

    // The current value and a program change (UI thread: before launch, or from view code).
    const T& value() const;
    void set(T value) const;

private:
    Blocks& owner(const char* use) const;  // throws UsageError when the handle refers to nothing

    Blocks* blocks_ = nullptr;
    ComponentId id_ = -1;
};

// What a Blocks flag button adds to its row beside the flagged values
// (FlagRow): a note and corrected outputs, read from these components at the click.
struct FlagButtonExtras {
    Handle<std::string> note;  // a Textbox: fills the `note` column (FlagSetup::note_column); emptied once saved
    struct Correction {
        size_t field = 0;         // which of the flag's fields it corrects (FlagSetup::corrected_fields)
        Handle<bool> toggle;      // a Checkbox: counts only while checked; empty: always counts
        ComponentRef value;       // the component holding the corrected value
    };
    std::vector<Correction> corrections;
};

class Blocks {
public:
    explicit Blocks(std::string title = "imgr", Theme theme = Theme::Light);
    Blocks(const Blocks&) = delete;
    Blocks& operator=(const Blocks&) = delete;
    virtual ~Blocks();

    // Adds a component where the layout currently is.
    template <class B>
    Handle<typename B::value_type> add(const B& builder) {
        return Handle<typename B::value_type>(this, add_spec(builder.spec()));
    }
    ComponentId add_spec(ComponentSpec spec);  // the untyped form (Interface builds from specs)

    // Layout: the body declares what goes inside.
    template <class Body> void row(Body body) { nest(row_node({}), body); }
    template <class Body> void row(RowOptions options, Body body) { nest(row_node(options), body); }
    template <class Body> void column(Body body) { nest(column_node({}), body); }
    template <class Body> void column(ColumnOptions options, Body body) { nest(column_node(options), body); }
    template <class Body> void tabs(Body body) { nest(simple_node(NodeType::Tabs, ""), body); }
    template <class Body> void tab(std::string label, Body body) { nest(simple_node(NodeType::Tab, std::move(label)), body); }
    template <class Body> void accordion(std::string label, Body body, bool open = true) {
        LayoutNode node = simple_node(NodeType::Accordion, std::move(label));
        node.open = open;
        nest(std::move(node), body);
    }
    template <class Body> void group(Body body) { nest(simple_node(NodeType::Group, ""), body); }

    // One handler on several triggers, like gr.on: demo.on({a.on(Event::Change), b.on(Event::Click)}, ...).
    template <class F>
    EventChain on(std::vector<HandleTrigger> triggers, F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {},
                  EventOptions options = {});
    // A periodic event, like gr.Timer: fn runs every `seconds` while the app runs,
    // or, with `active`, only while that Checkbox is checked (an idle window then costs nothing).
    template <class F>
    EventChain every(double seconds, F fn, InputsFor<F> inputs = {}, OutputsFor<F> outputs = {},
                     EventOptions options = {}, Handle<bool> active = {});

    // A flag button, wired as Gradio's `btn.click(lambda *args: callback.flag(args), [...])`
    // but with what flagging needs: a click saves the values of `fields`
    // through `callback` off the UI thread, in the order clicked and bounded
    // (engine/flagging/flag_writer.h); the button shows "Saving…", then "Saved (N)" (the rows
    // in the file once its own row is in) or "Not saved"; rows still waiting
    // when the window closes are written before launch() returns. `option`
    // fills the `flag` column (setup() with FlagSetup::flag_column). The
    // callback also follows this app's --flagging-dir.
    //   callback.setup({img_input, strength, img_output}, "flagged_data_points");
    //   demo.flag_button(btn, callback, {img_input, strength, img_output});
    // `callback` is not owned: it must outlive launch(), as a callback declared in main() does
    // (samples/sepia.cpp, after Gradio's flagging guide).
    // A second click that would save the same row again (same values, option,
    // corrections; the same note or none) writes nothing: "Already saved (N)".
    // `extras` adds a note and corrections to each row:
    //   callback.setup({in, out}, "flagged", {.note_column = true});
    //   demo.flag_button(btn, callback, {in, out}, "", {.note = note_box});
    EventChain flag_button(const Handle<std::string>& button, FlaggingCallback& callback, AnyInputs fields,
                           std::string option = "", FlagButtonExtras extras = {});
    EventChain flag_button(const Handle<std::string>& button, std::shared_ptr<FlaggingCallback> callback,
                           AnyInputs fields, std::string option = "", FlagButtonExtras extras = {});
    // What `--replay DIR` runs for each flagged row (docs/replay.md): the function
    // of `event` (a listener this app registered) on the row's values of the
    // event's inputs, its outputs compared with the row's. `flagged_fields` are
    // the flagged columns, as given to flag_button() (or setup()); every input
    // of the event must be one of them. An Interface says this by itself.
    //   auto run = strength.change(sepia, {img_input, strength}, img_output);
    //   demo.flag_button(btn, callback, {img_input, strength, img_output});
    //   demo.replay_with(run, {img_input, strength, img_output});
    void replay_with(const EventChain& event, AnyInputs flagged_fields);
    // A "Replay" panel where it is called (an Interface puts one under its
    // Flagged panel): a button that replays the flagged rows with a progress
    // bar, the table of results, and a chosen row loaded into the demo.
    void replay_panel(bool open = false);

    // Examples from a flagging folder (Gradio's `examples="flagged_dir"`): a
    // table, here in the layout, of the rows flagged in `dir` (logs.csv,
    // logs_N.csv, logs.jsonl): the values of `inputs` (found by their labels,
    // images as thumbnails) and the `flag` option; clicking a row's button
    // loads its values into `inputs`. Read once, now; rows that cannot be
    // read are skipped and said so on stderr. At most 100 rows; none (or no
    // folder yet): nothing is shown.
    //   demo.flagged_examples("flagged", {num1, operation, num2});
    void flagged_examples(const std::string& dir, AnyInputs inputs);
    // Flags admitted and not yet written, per callback, before a flag is refused
    // (at most FlagWriter::kMaxWaiting); for callbacks not yet wired.
    void set_max_waiting_flags(size_t count);

    // Runs the app: opens the window, parses the command line (docs/), runs a
    // --script, records, takes screenshots; returns the process exit code.
    // That is the driver layer's work: imgr::launch_app(Blocks&, argc, argv)
    // in imgr/driver/launch.h (imgr/imgr.h includes it). This member only
    // forwards there, found when the call is compiled, so the engine layer
    // neither declares nor links what it cannot do.
    template <class Self = Blocks>
    int launch(int argc, char** argv) {
        return launch_app(static_cast<Self&>(*this), argc, argv);
    }

    const std::string& title() const { return title_; }
    Theme theme() const { return theme_; }
    void set_theme(Theme theme) { theme_ = theme; }

    // Internal: the event graph under this app (imgr/engine/engine.h, not part of
    // the public headers), for the view, the driver and tests.
    Engine& engine();
    const Engine& engine() const;

protected:
    // Called by launch() once the command line is read, before the window opens.
    virtual void on_launch() {}
    // Called by launch() after the window closed (and the flags waiting were written), before it returns.
    virtual void on_close() {}
    // The writer of a callback's flags in this app (one per callback, so one order per file).
    FlagWriter& flag_writer(const std::shared_ptr<FlaggingCallback>& callback);
    virtual int register_listener(ListenerSpec spec);
    // In apps/flagged_examples_panel.cpp, with Blocks::flagged_examples.
    void add_flagged_examples(const std::string& dir, const std::vector<ComponentId>& inputs);
    // replay_with(): the listener a flagged row replays, and the flagged columns' components.
    void set_replay(int listener, std::vector<ComponentId> fields, bool flag_column);

private:
    // The driver's door (engine/app/blocks_access.h): the run's steps around the window,
    // the layout the view draws, the replay and the --flagging-dir.
    friend class BlocksAccess;
    template <class>
    friend class Handle;
    friend class EventChain;
    friend struct ComponentRef;

    template <class Body>
    void nest(LayoutNode node, Body& body) {
        open_node(std::move(node));
        body();
        close_node();
    }
    void open_node(LayoutNode node);  // under the current node, which it becomes
    void close_node();                // back to its parent
    static LayoutNode simple_node(NodeType type, std::string label) {
        LayoutNode node;
        node.type = type;
        node.label = std::move(label);
        return node;
    }
    static LayoutNode row_node(const RowOptions& options);
    static LayoutNode column_node(const ColumnOptions& options);

    // What the typed templates of Handle, EventChain and ComponentRef reach through.
    const ComponentSpec& component_spec(ComponentId id) const;
    void set_component_value(ComponentId id, Value value);
    void make_likeable(ComponentId chatbot);  // a Chatbot shows its like buttons once someone listens
    // The Video inputs among `inputs` (their positions) and the channels their players publish frames on.
    std::vector<std::pair<size_t, std::shared_ptr<MediaChannel>>> video_channels(const std::vector<HandleRef>& inputs) const;
    std::string describe_trigger(ComponentId id, Event event) const;
    // Each handle's component id, after checking that it is one of this Blocks'
    // components (else a UsageError naming `role` and `listener`).
    std::vector<ComponentId> own(const std::vector<HandleRef>& handles, const char* role,
                                 const std::string& listener) const;
    // A request with the checked inputs and outputs; the caller adds triggers and the rest.
    detail::ListenerRequest make_request(HandlerFn handler, const std::vector<HandleRef>& inputs,
                                         const std::vector<HandleRef>& outputs, const EventOptions& options,
                                         const std::string& listener) const;
    EventChain listen(detail::ListenerRequest request);

    // Through BlocksAccess only.
    void prepare_to_run() { on_launch(); }
    size_t finish_run();  // flags still waiting are written, then on_close(); returns the flagged rows lost
    void start_replay_panel(const std::string& dir, bool run_now, double tolerance, const std::string& report);
    int replay_panel_exit_code() const;
    std::optional<ReplaySpec> replay_spec(std::string& why) const;

    std::string title_;
    Theme theme_;
    std::unique_ptr<BlocksState> state_;  // the engine, layout, flag writers and replay (blocks_state.h)
};

// --- templates ----------------------------------------------------------------

template <class F>
EventChain EventChain::then(F fn, InputsFor<F> inputs, OutputsFor<F> outputs, EventOptions options) {
    detail::ListenerRequest request =
        blocks_->make_request(erase_handler(std::move(fn)), inputs.list(), outputs.list(), options, "a .then() step");
    request.default_mode = TriggerMode::Multiple;
    request.after = listener_;
    request.description = "step after an event";
    return blocks_->listen(std::move(request));
}
template <class F>
EventChain EventChain::success(F fn, InputsFor<F> inputs, OutputsFor<F> outputs, EventOptions options) {
    detail::ListenerRequest request =
        blocks_->make_request(erase_handler(std::move(fn)), inputs.list(), outputs.list(), options,
                              "a .success() step");
    request.default_mode = TriggerMode::Multiple;
    request.after = listener_;
    request.only_on_success = true;
    request.description = "step after an event";
    return blocks_->listen(std::move(request));
}

template <class T>
Blocks& Handle<T>::owner(const char* use) const {
    if (!blocks_)
        throw UsageError(std::string("imgr: ") + use + " on a Handle used before demo.add() gave it a component");
    return *blocks_;
}

#define IMGR_HANDLE_LISTENER(name, event, mode)                                                                \
    template <class T>                                                                                         \
    template <class F>                                                                                         \
    EventChain Handle<T>::name(F fn, InputsFor<F> inputs, OutputsFor<F> outputs, EventOptions options) const { \
        Blocks& blocks = owner("." #name "()");                                                               \
        const std::string description = blocks.describe_trigger(id_, event);                                   \
        detail::ListenerRequest request =                                                                      \
            blocks.make_request(erase_handler(std::move(fn)), inputs.list(), outputs.list(), options, description); \
        request.triggers = {{id_, event}};                                                                     \
        request.default_mode = mode;                                                                           \
        request.description = description;                                                                    \
        return blocks.listen(std::move(request));                                                              \
    }
IMGR_HANDLE_LISTENER(change, Event::Change, TriggerMode::AlwaysLast)
IMGR_HANDLE_LISTENER(input, Event::Input, TriggerMode::AlwaysLast)
IMGR_HANDLE_LISTENER(click, Event::Click, TriggerMode::Once)
IMGR_HANDLE_LISTENER(submit, Event::Submit, TriggerMode::Once)
IMGR_HANDLE_LISTENER(release, Event::Release, TriggerMode::Once)
IMGR_HANDLE_LISTENER(upload, Event::Upload, TriggerMode::Once)
IMGR_HANDLE_LISTENER(clear, Event::Clear, TriggerMode::Once)
IMGR_HANDLE_LISTENER(select, Event::Select, TriggerMode::AlwaysLast)  // the newest choice matters
#undef IMGR_HANDLE_LISTENER

template <class T>
ComponentRef::ComponentRef(const Handle<T>& handle) : id(handle.id()), owner(handle.blocks()) {
    if (!owner) throw UsageError("imgr: a Handle used before demo.add() gave it a component cannot name a component");
    const ComponentSpec& spec = owner->component_spec(id);
    label = spec.common.label;
    kind = spec.kind;
}

template <class T>
const T& Handle<T>::value() const {
    return std::get<T>(owner(".value()").component_spec(id_).value);
}
template <class T>
void Handle<T>::set(T value) const {
    owner(".set()").set_component_value(id_, Value(std::move(value)));
}

template <class F>
EventChain Blocks::on(std::vector<HandleTrigger> triggers, F fn, InputsFor<F> inputs, OutputsFor<F> outputs,
                      EventOptions options) {
    detail::ListenerRequest request =
        make_request(erase_handler(std::move(fn)), inputs.list(), outputs.list(), options, "Blocks::on()");
    for (const HandleTrigger& trigger : triggers)
        request.triggers.push_back({own({trigger.handle}, "trigger", "Blocks::on()")[0], trigger.event});
    request.description = "event";
    return listen(std::move(request));
}

template <class F>
EventChain Blocks::every(double seconds, F fn, InputsFor<F> inputs, OutputsFor<F> outputs, EventOptions options,
                         Handle<bool> active) {
    detail::ListenerRequest request =
        make_request(erase_handler(std::move(fn)), inputs.list(), outputs.list(), options, "Blocks::every()");
    request.every_seconds = seconds > 0 ? seconds : 1;
    if (active) request.active_when = own({{active.blocks(), active.id()}}, "active checkbox", "Blocks::every()")[0];
    request.description = "timer";
    return listen(std::move(request));
}

}  // namespace imgr

#include "imgr/engine/app/like_event.h"  // NOLINT: Handle::like, which needs Blocks complete
#include "imgr/engine/app/frame_stream_listener.h"
