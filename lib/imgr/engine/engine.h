// Engine: the components' state and the event graph. Values change on the UI
// thread only; handlers run on the executor with a snapshot of their inputs,
// and their results are applied by poll() at the start of the next frame.
#pragma once
#include "imgr/engine/background_work.h"
#include "imgr/engine/events.h"
#include "imgr/engine/executor.h"
#include "imgr/engine/messages.h"
#include "imgr/engine/progress.h"
#include "imgr/engine/update.h"
#include "imgr/model/component.h"
#include "imgr/model/layout.h"
#include "imgr/model/select_data.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace imgr {

struct ListenerSpec {
    std::vector<Trigger> triggers;
    std::vector<ComponentId> inputs, outputs;
    HandlerFn handler;
    TriggerMode mode = TriggerMode::Once;
    int concurrency_limit = 1;
    bool show_progress = true;
    double every_seconds = 0;                  // > 0: a timer (like Gradio's Timer/every)
    ComponentId active_when = -1;              // a timer ticks only while this Checkbox is checked
    int after = -1;                            // a chained step: runs when listener `after` finishes
    bool only_on_success = false;              // .success(): only when that run did not fail
    std::string description;                   // for messages: "click of 'Submit'"
    std::vector<int> cancels;                  // listeners whose runs (and waiting runs) stop when this one fires
    ComponentId stop_button = -1;              // while a run runs, this trigger button reads "Stop" and stops it
};

struct ComponentState {
    ComponentSpec spec;
    uint64_t version = 1;                      // bumps on every value or property change (view caches)
    bool used_as_input = false, used_as_output = false;
};

class Engine {
public:
    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // --- building -----------------------------------------------------------
    ComponentId add_component(ComponentSpec spec);
    int add_listener(ListenerSpec spec);
    size_t component_count() const { return components_.size(); }
    const ComponentState& component(ComponentId id) const { return components_.at((size_t)id); }
    std::vector<ComponentId> find_by_label(std::string_view label) const;  // buttons by their text
    void set_props(ComponentId id, KindProps props);  // replaces a component's kind properties
    const ListenerSpec& listener(int id) const { return listeners_.at((size_t)id).spec; }  // as added
    size_t listener_count() const { return listeners_.size(); }

    // --- the UI thread --------------------------------------------------------
    // A person changed the value: fires input and change when it differs. Returns whether it changed.
    bool set_from_user(ComponentId id, Value value);
    // A person is still changing it (an ImageEditor's stroke being painted): fires input only;
    // the view fires change with fire(id, Event::Change) when the stroke ends.
    bool input_from_user(ComponentId id, Value value);
    // The program changed it (an output, a script's reset): fires change only.
    bool set_from_program(ComponentId id, Value value);
    // Several values at once (a state restored after a --watch reload): all are stored before any
    // `change` fires, so each handler's inputs hold every one of them, never a mix of old and new.
    void set_many_from_program(std::vector<std::pair<ComponentId, Value>> values);
    void fire(ComponentId id, Event event);          // click, submit, release, upload
    // A person selected a pixel or an item: fires select, whose handlers get `data` (select_event.h).
    void fire_select(ComponentId id, SelectData data);
    void apply_update(ComponentId id, const Update& update);
    void poll();                                     // applies finished runs, starts queued ones, timers
    bool idle() const;                               // nothing running, queued or waiting to be applied
    bool busy(ComponentId id) const;                 // an output of a running or queued run (shown with progress); O(1)
    double progress(ComponentId id, std::string* description = nullptr) const;  // < 0: none reported
    bool interactive(ComponentId id) const;          // explicit, else: an input, or not an output
    double seconds_until_next_timer() const;         // infinity without timers
    // Stops a listener's runs and drops its waiting ones: a stream ends at its next
    // co_yield, a plain handler at its next Progress report (imgr::Cancelled);
    // nothing a stopped run produces is shown, the outputs keep what they show.
    void cancel(int listener);
    bool shows_stop(ComponentId button) const;       // a run's Submit that reads "Stop" now (ListenerSpec::stop_button)
    bool streaming(ComponentId id) const;            // an output a running stream has already updated (not dimmed)

    // Called from worker threads when a result is ready (the runner's request_redraw).
    void set_wake(std::function<void()> wake);
    // Work of this app's components off the UI thread (a spectrogram): idle() waits for it,
    // and its end wakes the window (background_work.h).
    BackgroundWork start_background_work();

    // Toasts: messages from handlers and from the engine, newest last.
    std::vector<Message> take_messages();
    void post(MessageLevel level, std::string text);

    // A run taking longer than this is abandoned: the person is told, its
    // listener takes new events again, and its result, if it ever comes, is dropped.
    void set_stuck_after(double seconds) { stuck_after_ = seconds; }

    // Counters for tests and benchmarks.
    uint64_t runs_started() const { return runs_started_; }
    uint64_t runs_finished() const { return runs_finished_; }
    size_t streamed_values_waiting() const;          // streams' values handed over and not yet applied (<= one per run)

    // Recording: each stream waits after a value until a frame has taken it, so
    // a recording shows every yielded value, one a frame, the same on any machine.
    void set_stream_lockstep(bool on);
    // Nothing to wait for before the next frame: idle, or every running run is a
    // stream whose next value is waiting (with lockstep on, it waits for this frame).
    bool settled() const;

private:
    struct Job {
        Values inputs;
        int depth = 0;                                 // runs between it and a person's action (or a timer)
        std::shared_ptr<const SelectData> select;      // a select event's data; null for other events
    };
    struct Finished {
        int listener = -1;
        uint64_t run = 0;
        HandlerOutputs outputs;
        bool ok = true;
    };
    struct Run {
        uint64_t id = 0;
        std::shared_ptr<Progress> progress;
        std::chrono::steady_clock::time_point started;   // or its last streamed value: what "stuck" counts from
        int depth = 0;
        bool streamed = false;                           // a value it yielded is on screen
    };
    struct ListenerState {
        ListenerSpec spec;
        int running = 0;
        std::deque<Job> queued;
        std::vector<Run> runs;                             // running now, oldest first
        std::chrono::steady_clock::time_point next_tick;
        std::vector<int> chained;                          // listeners with `after` == this one
        std::vector<ComponentId> progress_outputs;         // outputs, each once, when shown busy (show_progress)
        bool counted_busy = false;                         // its progress_outputs are counted in busy_listeners_
        bool cycle_reported = false;                       // the "event cycle was stopped" warning was shown
    };

    void trigger(int listener, std::shared_ptr<const SelectData> select = nullptr);
    void update_busy(int listener);
    void start(int listener, Job job);
    void finish(const Finished& finished);
    void apply_streamed(const Finished& streamed);
    std::function<void(HandlerOutputs)> stream_sink(int listener, uint64_t run, const Progress* progress);
    void fire_listeners(ComponentId id, Event event, std::shared_ptr<const SelectData> select = nullptr);
    bool store_value(ComponentId id, Value value);   // false when equal (no events: cycles end here)

    struct PassingState {
        ComponentId component;
        Value original;
        std::chrono::steady_clock::time_point until;
    };
    std::vector<PassingState> passing_;              // values to restore (Update::for_seconds)

    std::vector<ComponentState> components_;
    std::vector<ListenerState> listeners_;
    std::vector<std::vector<int>> listeners_by_component_;
    // Per component: listeners with a run running or queued that show it busy.
    // The view asks every frame for every output, so this is kept as runs are
    // queued, start, finish or are abandoned rather than found by a scan. Like
    // all listener state it changes on the UI thread only (workers only post
    // to the mailbox), so it needs no lock.
    std::vector<int> busy_listeners_;
    Executor executor_;

    // Shared with the workers, so that a run abandoned at exit writes into
    // memory that still exists.
    struct Mailbox {
        std::mutex mutex;
        std::vector<Finished> finished;
        // Per running stream, its newest values not yet applied: one entry per
        // run however fast it yields (latest wins, per output), so memory stays bounded.
        std::vector<Finished> streamed;
        std::vector<Message> messages;
        std::function<void()> wake;
        bool lockstep = false, closing = false;
        std::condition_variable taken;               // lockstep: a frame took streamed values
    };
    std::shared_ptr<Mailbox> mailbox_;
    std::shared_ptr<BackgroundCounter> background_ = std::make_shared<BackgroundCounter>();
    MessageSink sink_;                               // into mailbox_; set around every run of a handler
    int in_flight_ = 0;                              // started and not yet applied (UI thread)
    // While a run's outputs and chains are applied: its depth + 1, the depth of
    // the runs they trigger; 0 otherwise (a person's action, a timer tick).
    int applying_depth_ = 0;
    uint64_t runs_started_ = 0, runs_finished_ = 0;
    double stuck_after_ = 30.0;
    void abandon_stuck_runs();
    bool timer_active(const ListenerSpec& spec) const;
};

}  // namespace imgr
