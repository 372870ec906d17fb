#include "imgr/engine/engine.h"

#include "imgr/engine/select_event.h"

#include "imgr/model/coerce_value.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace imgr {

namespace {
constexpr size_t kMaxQueuedRuns = 64;  // TriggerMode::Multiple: beyond this, the oldest is dropped
// Runs one after another set off by outputs alone (a cycle a.change -> b, b.change
// -> a that never settles); longer chains than any real demo's are cycles.
constexpr int kMaxEventDepth = 100;

using Clock = std::chrono::steady_clock;

std::string label_of(const ComponentState& state) {
    return "'" + state.spec.common.label + "'";
}

// Showing an image starts with its RGBA8 form; made here, on the worker, the
// UI thread's texture upload finds it ready instead of converting in a frame.
void prepare_images_for_display(const HandlerOutputs& outputs) {
    for (const std::optional<Update>& output : outputs) {
        if (!output || !output->new_value) continue;
        if (const auto* image = std::get_if<ImageBuffer>(&*output->new_value))
            image->prepare_rgba8();
        else if (const auto* annotated = std::get_if<AnnotatedImageValue>(&*output->new_value))
            annotated->image.prepare_rgba8();
        else if (const auto* pair = std::get_if<ImageSliderValue>(&*output->new_value))
            pair->before.prepare_rgba8(), pair->after.prepare_rgba8();
        else if (const auto* editor = std::get_if<ImageEditorValue>(&*output->new_value))
            editor->background.prepare_rgba8();
        else if (const auto* gallery = std::get_if<GalleryValue>(&*output->new_value))
            for (const GalleryItem& item : gallery->items) item.image.prepare_rgba8();
    }
}
}  // namespace

const char* event_name(Event event) {
    switch (event) {
        case Event::Change: return "change";
        case Event::Input: return "input";
        case Event::Click: return "click";
        case Event::Submit: return "submit";
        case Event::Release: return "release";
        case Event::Upload: return "upload";
        case Event::Like: return "like";
        case Event::Select: return "select";
        case Event::Frame: return "stream";
        case Event::Clear: return "clear";
    }
    return "event";
}

Engine::Engine() : mailbox_(std::make_shared<Mailbox>()) {
    // This engine's window: where its handlers' messages go (set around each run, see start()).
    std::weak_ptr<Mailbox> weak = mailbox_;
    sink_ = [weak](Message message) {
        if (auto box = weak.lock()) {
            std::function<void()> wake;
            {
                std::lock_guard lock(box->mutex);
                box->messages.push_back(std::move(message));
                wake = box->wake;
            }
            if (wake) wake();
        }
    };
}

Engine::~Engine() {
    // Streams still running end at their next co_yield (the executor then waits for them briefly).
    for (ListenerState& state : listeners_)
        for (Run& run : state.runs) run.progress->cancel();
    std::lock_guard lock(mailbox_->mutex);
    mailbox_->closing = true;  // a stream waiting in lockstep goes on (its results are dropped)
    mailbox_->taken.notify_all();
}

void Engine::set_wake(std::function<void()> wake) {
    {
        std::lock_guard lock(background_->mutex);
        background_->wake = wake;
    }
    std::lock_guard lock(mailbox_->mutex);
    mailbox_->wake = std::move(wake);
}

BackgroundWork Engine::start_background_work() { return BackgroundWork(background_); }

ComponentId Engine::add_component(ComponentSpec spec) {
    ComponentState state;
    // A builder that set no value (or one of the wrong type) gets the kind's empty value.
    if (spec.value.index() != default_value(spec.kind, spec.props).index())
        spec.value = default_value(spec.kind, spec.props);
    state.spec = std::move(spec);
    state.spec.value = coerce_value(state.spec.kind, state.spec.props, state.spec.value);
    components_.push_back(std::move(state));
    listeners_by_component_.emplace_back();
    busy_listeners_.push_back(0);
    return (ComponentId)components_.size() - 1;
}

int Engine::add_listener(ListenerSpec spec) {
    const int id = (int)listeners_.size();
    for (ComponentId input : spec.inputs) components_.at((size_t)input).used_as_input = true;
    for (ComponentId output : spec.outputs) components_.at((size_t)output).used_as_output = true;
    for (const Trigger& t : spec.triggers) {
        auto& list = listeners_by_component_.at((size_t)t.component);
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    }
    ListenerState state;
    if (spec.show_progress)
        for (ComponentId output : spec.outputs)
            if (std::find(state.progress_outputs.begin(), state.progress_outputs.end(), output) ==
                state.progress_outputs.end())
                state.progress_outputs.push_back(output);
    state.spec = std::move(spec);
    if (state.spec.every_seconds > 0)
        state.next_tick = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(state.spec.every_seconds));
    listeners_.push_back(std::move(state));
    if (listeners_.back().spec.after >= 0) listeners_.at((size_t)listeners_.back().spec.after).chained.push_back(id);
    return id;
}

void Engine::set_props(ComponentId id, KindProps props) {
    ComponentState& state = components_.at((size_t)id);
    state.spec.props = std::move(props);
    ++state.version;
}

std::vector<ComponentId> Engine::find_by_label(std::string_view label) const {
    std::vector<ComponentId> found;
    for (size_t i = 0; i < components_.size(); ++i) {
        const ComponentSpec& spec = components_[i].spec;
        const bool is_button = spec.kind == ComponentKind::Button;
        const std::string* text = is_button ? std::get_if<std::string>(&spec.value) : nullptr;
        // A Submit reading "Stop" while its run runs is found by that text too.
        const bool reads_stop = is_button && label == "Stop" && shows_stop((ComponentId)i);
        if (spec.common.label == label || (text && *text == label) || reads_stop) found.push_back((ComponentId)i);
    }
    return found;
}

bool Engine::store_value(ComponentId id, Value value) {
    ComponentState& state = components_.at((size_t)id);
    if (value.index() != state.spec.value.index()) {
        post(MessageLevel::Error, std::string("a ") + kind_name(state.spec.kind) + " " + label_of(state) +
                                      " cannot take the value " + describe(value));
        return false;
    }
    value = coerce_value(state.spec.kind, state.spec.props, std::move(value));  // the user sees the clamp in the view
    if (values_equal(value, state.spec.value)) return false;
    state.spec.value = std::move(value);
    ++state.version;
    return true;
}

bool Engine::set_from_user(ComponentId id, Value value) {
    if (!store_value(id, std::move(value))) return false;
    fire_listeners(id, Event::Input);
    fire_listeners(id, Event::Change);
    return true;
}

bool Engine::input_from_user(ComponentId id, Value value) {
    if (!store_value(id, std::move(value))) return false;
    fire_listeners(id, Event::Input);
    return true;
}

bool Engine::set_from_program(ComponentId id, Value value) {
    if (!store_value(id, std::move(value))) return false;
    fire_listeners(id, Event::Change);
    return true;
}

void Engine::set_many_from_program(std::vector<std::pair<ComponentId, Value>> values) {
    std::vector<ComponentId> changed;
    for (auto& [id, value] : values)
        if (store_value(id, std::move(value))) changed.push_back(id);
    for (ComponentId id : changed) fire_listeners(id, Event::Change);
}

void Engine::fire(ComponentId id, Event event) { fire_listeners(id, event); }

void Engine::fire_select(ComponentId id, SelectData data) {
    fire_listeners(id, Event::Select, std::make_shared<const SelectData>(std::move(data)));
}

void Engine::fire_listeners(ComponentId id, Event event, std::shared_ptr<const SelectData> select) {
    for (int listener : listeners_by_component_.at((size_t)id))
        for (const Trigger& t : listeners_[(size_t)listener].spec.triggers)
            if (t.component == id && t.event == event) {
                const ListenerState& state = listeners_[(size_t)listener];
                // The Submit that reads "Stop" while its run runs stops it (as in Gradio).
                if (event == Event::Click && state.spec.stop_button == id && state.running > 0)
                    cancel(listener);
                else
                    trigger(listener, select);
                break;
            }
}

void Engine::apply_update(ComponentId id, const Update& update) {
    ComponentState& state = components_.at((size_t)id);
    CommonProps& common = state.spec.common;
    bool changed = false;
    auto assign = [&](auto& field, const auto& source) {
        if (source && field != *source) {
            field = *source;
            changed = true;
        }
    };
    assign(common.label, update.new_label);
    assign(common.info, update.new_info);
    assign(common.visible, update.new_visible);
    assign(common.show_label, update.new_show_label);
    if (update.new_interactive && common.interactive != update.new_interactive) {
        common.interactive = update.new_interactive;
        changed = true;
    }
    if (update.new_choices) {
        if (auto* choice = std::get_if<ChoiceProps>(&state.spec.props); choice && choice->choices != *update.new_choices) {
            choice->choices = *update.new_choices;
            changed = true;
        }
    }
    if (changed) ++state.version;
    if (!update.new_value) return;
    // A passing state remembers the lasting value, once, however often it is renewed.
    auto passing = std::find_if(passing_.begin(), passing_.end(), [&](const PassingState& p) { return p.component == id; });
    if (update.revert_after > 0) {
        const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                              std::chrono::duration<double>(update.revert_after));
        if (passing == passing_.end())
            passing_.push_back({id, state.spec.value, until});
        else
            passing->until = until;
    } else if (passing != passing_.end()) {
        passing_.erase(passing);
    }
    set_from_program(id, *update.new_value);
}

void Engine::trigger(int listener, std::shared_ptr<const SelectData> select) {
    ListenerState& state = listeners_.at((size_t)listener);
    if (applying_depth_ > kMaxEventDepth) {
        // A cycle whose handlers keep producing new values would run forever;
        // no person waits on a chain this long, so it ends here, said once.
        if (!state.cycle_reported)
            post(MessageLevel::Warning, "an event cycle was stopped: the " + state.spec.description + " was set off " +
                                            std::to_string(kMaxEventDepth) +
                                            " times in a row by other handlers' outputs (make the handlers converge)");
        state.cycle_reported = true;
        return;
    }
    for (int other : state.spec.cancels) cancel(other);
    if (!state.spec.handler) return;  // a listener that only cancels
    Job job;
    job.depth = applying_depth_;
    job.select = std::move(select);
    job.inputs.reserve(state.spec.inputs.size());
    for (ComponentId input : state.spec.inputs) job.inputs.push_back(components_[(size_t)input].spec.value);
    if (state.running < std::max(1, state.spec.concurrency_limit) && state.queued.empty()) {
        start(listener, std::move(job));  // counts it busy
        return;
    }
    switch (state.spec.mode) {
        case TriggerMode::Once:
            break;  // a run is already on its way
        case TriggerMode::AlwaysLast:
            state.queued.clear();
            state.queued.push_back(std::move(job));
            break;
        case TriggerMode::Multiple:
            if (state.queued.size() >= kMaxQueuedRuns) {
                state.queued.pop_front();
                post(MessageLevel::Warning, "too many waiting runs of the " + state.spec.description +
                                                ": the oldest was dropped");
            }
            state.queued.push_back(std::move(job));
            break;
    }
    update_busy(listener);
}

// Counts the listener's outputs busy when it has a run running or queued, and
// uncounts them when it has none: called after each of those changes.
void Engine::update_busy(int listener) {
    ListenerState& state = listeners_[(size_t)listener];
    const bool busy_now = state.running > 0 || !state.queued.empty();
    if (busy_now == state.counted_busy) return;
    state.counted_busy = busy_now;
    for (ComponentId output : state.progress_outputs) busy_listeners_[(size_t)output] += busy_now ? 1 : -1;
}

void Engine::start(int listener, Job job) {
    ListenerState& state = listeners_.at((size_t)listener);
    ++state.running;
    ++in_flight_;
    ++runs_started_;
    auto progress = std::make_shared<Progress>();
    const uint64_t run = runs_started_;
    progress->set_stream_sink(stream_sink(listener, run, progress.get()));
    state.runs.push_back({run, progress, Clock::now(), job.depth});
    update_busy(listener);
    HandlerFn handler = state.spec.handler;
    std::string description = state.spec.description;
    executor_.submit([listener, run, handler = std::move(handler), inputs = std::move(job.inputs), progress,
                      description = std::move(description), mailbox = mailbox_, sink = sink_,
                      select = std::move(job.select)] {
        // imgr::warning() and friends from this run reach this engine's window, not another app's.
        MessageScope messages_to_this_engine(sink);
        SelectScope select_data_of_this_run(select.get());
        Finished finished;
        finished.listener = listener;
        finished.run = run;
        try {
            finished.outputs = handler(inputs, *progress);
            prepare_images_for_display(finished.outputs);
        } catch (const Cancelled&) {
            finished.ok = false;  // stopped: nothing of it is shown (its run is gone from runs)
        } catch (const Error& e) {
            finished.ok = false;
            post_message(MessageLevel::Error, e.what());
        } catch (const std::exception& e) {
            finished.ok = false;
            post_message(MessageLevel::Error, "the handler for the " + description + " failed: " + e.what());
        } catch (...) {
            finished.ok = false;
            post_message(MessageLevel::Error, "the handler for the " + description + " failed");
        }
        std::function<void()> wake;
        {
            std::lock_guard lock(mailbox->mutex);
            mailbox->finished.push_back(std::move(finished));
            wake = mailbox->wake;
        }
        if (wake) wake();
    });
}

void Engine::finish(const Finished& finished) {
    ListenerState& state = listeners_.at((size_t)finished.listener);
    auto run = std::find_if(state.runs.begin(), state.runs.end(), [&](const Run& r) { return r.id == finished.run; });
    if (run == state.runs.end()) return;  // abandoned as stuck: its result comes too late to be shown
    const int depth = run->depth;
    state.runs.erase(run);
    const int outer_depth = applying_depth_;  // finish is not reentered today; kept correct if it ever is
    applying_depth_ = depth + 1;
    --state.running;
    --in_flight_;
    ++runs_finished_;
    if (finished.ok) {
        const auto& outputs = state.spec.outputs;
        if (finished.outputs.size() != outputs.size() && !outputs.empty()) {
            post(MessageLevel::Error, "the handler for the " + state.spec.description + " returned " +
                                          std::to_string(finished.outputs.size()) + " values for " +
                                          std::to_string(outputs.size()) + " outputs");
        } else {
            for (size_t i = 0; i < finished.outputs.size() && i < outputs.size(); ++i)
                if (finished.outputs[i]) apply_update(outputs[i], *finished.outputs[i]);
        }
    }
    // Chains are read after the outputs were applied, so a step sees them.
    const std::vector<int> chained = listeners_[(size_t)finished.listener].chained;
    for (int next : chained)
        if (finished.ok || !listeners_[(size_t)next].spec.only_on_success) trigger(next);
    applying_depth_ = outer_depth;
    ListenerState& again = listeners_[(size_t)finished.listener];
    if (!again.queued.empty() && again.running < std::max(1, again.spec.concurrency_limit)) {
        Job job = std::move(again.queued.front());
        again.queued.pop_front();
        start(finished.listener, std::move(job));
    }
    update_busy(finished.listener);
}

void Engine::poll() {
    std::vector<Finished> finished, streamed;
    {
        std::lock_guard lock(mailbox_->mutex);
        finished.swap(mailbox_->finished);
        streamed.swap(mailbox_->streamed);
        if (!streamed.empty()) mailbox_->taken.notify_all();
    }
    // A stream's last values come before its end (the worker posts them first).
    for (const Finished& s : streamed) apply_streamed(s);
    for (const Finished& f : finished) finish(f);
    abandon_stuck_runs();
    const auto now = Clock::now();
    for (size_t i = 0; i < passing_.size();) {
        if (now < passing_[i].until) {
            ++i;
            continue;
        }
        PassingState done = std::move(passing_[i]);
        passing_.erase(passing_.begin() + (long)i);
        set_from_program(done.component, std::move(done.original));
    }
    for (size_t i = 0; i < listeners_.size(); ++i) {
        ListenerState& state = listeners_[i];
        if (state.spec.every_seconds <= 0 || now < state.next_tick) continue;
        if (!timer_active(state.spec)) {
            state.next_tick = now;  // ticks at once when switched on again
            continue;
        }
        const auto period = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(state.spec.every_seconds));
        state.next_tick = std::max(state.next_tick + period, now);  // a late frame does not cause a burst
        trigger((int)i);
    }
}

void Engine::abandon_stuck_runs() {
    const auto now = Clock::now();
    for (size_t i = 0; i < listeners_.size(); ++i) {
        ListenerState& state = listeners_[i];
        while (!state.runs.empty() &&
               std::chrono::duration<double>(now - state.runs.front().started).count() > stuck_after_) {
            state.runs.erase(state.runs.begin());
            --state.running;
            --in_flight_;
            post(MessageLevel::Warning, "the handler for the " + state.spec.description + " has run for over " +
                                            format_number(stuck_after_) +
                                            " s: it is left behind, and its result will not be shown");
            if (!state.queued.empty()) {
                Job job = std::move(state.queued.front());
                state.queued.pop_front();
                start((int)i, std::move(job));
            }
            update_busy((int)i);
        }
    }
}

// A switched-off timer costs nothing: no wake-ups, no frames.
bool Engine::timer_active(const ListenerSpec& spec) const {
    if (spec.active_when < 0) return true;
    const bool* on = std::get_if<bool>(&components_.at((size_t)spec.active_when).spec.value);
    return on && *on;
}

// A worker hands a stream's values to the UI thread here. While the UI has not
// taken the previous ones they are replaced (per output): latest wins, one entry
// per run, and the window is woken only for a new entry.
std::function<void(HandlerOutputs)> Engine::stream_sink(int listener, uint64_t run, const Progress* progress) {
    // `progress` owns this sink, so it outlives every call.
    return [weak = std::weak_ptr<Mailbox>(mailbox_), listener, run, progress](HandlerOutputs outputs) {
        prepare_images_for_display(outputs);
        auto box = weak.lock();
        if (!box) return;
        HandlerOutputs replaced;  // freed outside the lock
        std::function<void()> wake;
        bool lockstep = false;
        {
            std::lock_guard lock(box->mutex);
            lockstep = box->lockstep;
            auto pending = std::find_if(box->streamed.begin(), box->streamed.end(),
                                        [&](const Finished& f) { return f.run == run; });
            if (pending == box->streamed.end()) {
                box->streamed.push_back({listener, run, std::move(outputs), true});
                wake = box->wake;
            } else {
                replaced.resize(outputs.size());
                for (size_t i = 0; i < outputs.size() && i < pending->outputs.size(); ++i)
                    if (outputs[i]) replaced[i] = std::exchange(pending->outputs[i], std::move(outputs[i]));
            }
        }
        if (wake) wake();
        if (!lockstep) return;
        std::unique_lock lock(box->mutex);
        auto waiting = [&] {
            return std::any_of(box->streamed.begin(), box->streamed.end(), [&](const Finished& f) { return f.run == run; });
        };
        while (box->lockstep && !box->closing && !progress->cancelled() && waiting())
            box->taken.wait_for(lock, std::chrono::milliseconds(20));  // rechecks a Stop now and then
    };
}

void Engine::set_stream_lockstep(bool on) {
    std::lock_guard lock(mailbox_->mutex);
    mailbox_->lockstep = on;
    mailbox_->taken.notify_all();
}

bool Engine::settled() const {
    if (idle()) return true;
    std::lock_guard lock(mailbox_->mutex);
    if (!mailbox_->finished.empty()) return false;
    for (const ListenerState& state : listeners_)
        for (const Run& run : state.runs)
            if (std::none_of(mailbox_->streamed.begin(), mailbox_->streamed.end(),
                             [&](const Finished& f) { return f.run == run.id; }))
                return false;
    return true;
}

void Engine::apply_streamed(const Finished& streamed) {
    ListenerState& state = listeners_.at((size_t)streamed.listener);
    auto run = std::find_if(state.runs.begin(), state.runs.end(), [&](const Run& r) { return r.id == streamed.run; });
    if (run == state.runs.end()) return;  // stopped or abandoned: nothing of it arrives any more
    run->streamed = true;
    run->started = Clock::now();          // a stream that keeps yielding is not stuck
    const int outer_depth = applying_depth_;
    applying_depth_ = run->depth + 1;
    const std::vector<ComponentId> outputs = state.spec.outputs;
    for (size_t i = 0; i < streamed.outputs.size() && i < outputs.size(); ++i)
        if (streamed.outputs[i]) apply_update(outputs[i], *streamed.outputs[i]);
    applying_depth_ = outer_depth;
}

void Engine::cancel(int listener) {
    ListenerState& state = listeners_.at((size_t)listener);
    for (Run& run : state.runs) {
        run.progress->cancel();
        --state.running;
        --in_flight_;
    }
    state.runs.clear();
    state.queued.clear();
    update_busy(listener);
}

bool Engine::shows_stop(ComponentId button) const {
    if (button < 0 || (size_t)button >= listeners_by_component_.size()) return false;
    for (int listener : listeners_by_component_[(size_t)button]) {
        const ListenerState& state = listeners_[(size_t)listener];
        if (state.spec.stop_button == button && state.running > 0) return true;
    }
    return false;
}

bool Engine::streaming(ComponentId id) const {
    for (const ListenerState& state : listeners_) {
        if (state.runs.empty() || !state.runs.front().streamed) continue;
        if (std::find(state.spec.outputs.begin(), state.spec.outputs.end(), id) != state.spec.outputs.end()) return true;
    }
    return false;
}

size_t Engine::streamed_values_waiting() const {
    std::lock_guard lock(mailbox_->mutex);
    return mailbox_->streamed.size();
}

bool Engine::idle() const {
    if (in_flight_ > 0 || background_->pending.load(std::memory_order_acquire) > 0) return false;
    for (const ListenerState& state : listeners_)
        if (!state.queued.empty()) return false;
    return true;
}

bool Engine::busy(ComponentId id) const {
    return id >= 0 && (size_t)id < busy_listeners_.size() && busy_listeners_[(size_t)id] > 0;
}

double Engine::progress(ComponentId id, std::string* description) const {
    for (const ListenerState& state : listeners_) {
        if (state.runs.empty()) continue;
        if (std::find(state.spec.outputs.begin(), state.spec.outputs.end(), id) == state.spec.outputs.end()) continue;
        const double fraction = state.runs.front().progress->fraction();
        if (fraction >= 0) {
            if (description) *description = state.runs.front().progress->description();
            return fraction;
        }
    }
    return -1;
}

bool Engine::interactive(ComponentId id) const {
    const ComponentState& state = components_.at((size_t)id);
    if (state.spec.common.interactive) return *state.spec.common.interactive;
    // A button that an event relabels ("Saved (3)") is still there to be clicked.
    if (state.spec.kind == ComponentKind::Button) return true;
    return state.used_as_input || !state.used_as_output;
}

double Engine::seconds_until_next_timer() const {
    double soonest = std::numeric_limits<double>::infinity();
    const auto now = Clock::now();
    for (const ListenerState& state : listeners_)
        if (state.spec.every_seconds > 0 && timer_active(state.spec))
            soonest = std::min(soonest, std::max(0.0, std::chrono::duration<double>(state.next_tick - now).count()));
    for (const PassingState& p : passing_)
        soonest = std::min(soonest, std::max(0.0, std::chrono::duration<double>(p.until - now).count()));
    return soonest;
}

std::vector<Message> Engine::take_messages() {
    std::lock_guard lock(mailbox_->mutex);
    std::vector<Message> out;
    out.swap(mailbox_->messages);
    return out;
}

void Engine::post(MessageLevel level, std::string text) {
    MessageScope to_this_engine(sink_);
    post_message(level, text);
}

}  // namespace imgr
