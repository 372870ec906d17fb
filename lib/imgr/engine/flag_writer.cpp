#include "imgr/engine/flag_writer.h"

#include <algorithm>
#include <cstdio>

namespace imgr {

namespace {
constexpr double kSavedSeconds = 2.0, kFailedSeconds = 4.0;

// Admits a flag to the queue: quick, so clicks never pile up in the engine
// (its own queue drops the oldest run when full). A refusal is a failed run,
// so the window shows why and no writer is started for it.
HandlerFn admit_flag(std::shared_ptr<FlagQueue> queue, std::string option, int source, size_t outputs) {
    return [queue, option, source, outputs](const Values& values, Progress&) {
        const FlagQueue::Admission admission = queue->push({values, option, source});
        if (!admission.accepted)
            throw Error("not flagged: " + std::to_string(admission.waiting) +
                        " flags are still waiting to be written (the disk is slow or refusing them); "
                        "this one was not saved");
        if (admission.falling_behind)
            post_message(MessageLevel::Warning, "flagging is falling behind: " + std::to_string(admission.waiting) +
                                                    " flags are waiting to be written; at " +
                                                    std::to_string(queue->capacity()) + " new ones are refused");
        return HandlerOutputs(outputs);  // the button keeps showing "Saving…" until the writer is done
    };
}

// Writes up to this source's row; the button then shows "Saved (N)" or "Not saved".
HandlerFn write_flag(std::shared_ptr<FlagQueue> queue, std::shared_ptr<FlaggingCallback> callback, int source,
                     bool on_button) {
    return [queue, callback, source, on_button](const Values&, Progress&) {
        const FlagQueue::Written written = queue->write_through(
            source, [&](const FlagRequest& request) { return callback->flag(request.values, request.flag_option); });
        if (!written.error.empty()) post_message(MessageLevel::Error, "not flagged: " + written.error);
        HandlerOutputs out;
        if (!on_button) return out;
        if (!written.error.empty())
            out.push_back(Update().value(std::string("Not saved")).for_seconds(kFailedSeconds));
        else if (written.took)
            out.push_back(Update().value("Saved (" + std::to_string(written.rows) + ")").for_seconds(kSavedSeconds));
        else
            out.push_back(std::nullopt);
        return out;
    };
}

ListenerSpec admitting(std::vector<Trigger> triggers, HandlerFn admit, std::vector<ComponentId> fields,
                       std::vector<ComponentId> outputs, std::string description) {
    ListenerSpec spec;
    spec.triggers = std::move(triggers);
    spec.handler = std::move(admit);
    spec.inputs = std::move(fields);
    spec.outputs = std::move(outputs);
    spec.mode = TriggerMode::Multiple;  // every click counts; the queue, not the engine, bounds them
    spec.description = std::move(description);
    return spec;
}
}  // namespace

FlagWriter::FlagWriter(std::shared_ptr<FlaggingCallback> callback, size_t max_waiting)
    : callback_(std::move(callback)), queue_(std::make_shared<FlagQueue>(std::min(max_waiting, kMaxWaiting))) {}

int FlagWriter::add_button(Engine& engine, ComponentId button, std::vector<ComponentId> fields, std::string option,
                           std::string description) {
    const int source = next_source_++;
    return add_writer(engine,
                      admitting({{button, Event::Click}}, admit_flag(queue_, std::move(option), source, 1),
                                std::move(fields), {button}, std::move(description)),
                      source, button);
}

int FlagWriter::add_after(Engine& engine, int after, std::vector<ComponentId> fields, std::string description) {
    const int source = next_source_++;
    ListenerSpec admit = admitting({}, admit_flag(queue_, "", source, 0), std::move(fields), {}, std::move(description));
    admit.after = after;
    admit.only_on_success = true;
    admit.show_progress = false;
    return add_writer(engine, std::move(admit), source, -1);
}

int FlagWriter::add_writer(Engine& engine, ListenerSpec admit, int source, ComponentId button) {
    ListenerSpec write;
    write.description = "writing of a flag from the " + admit.description;
    write.show_progress = admit.show_progress;
    write.after = engine.add_listener(std::move(admit));
    write.only_on_success = true;  // a refused row has no writer run
    // One writer run per admitted row, in the order admitted. The engine keeps at most 64 queued runs
    // of a listener, so the queue's bound stays below that (kMaxWaiting): no run is ever dropped.
    write.mode = TriggerMode::Multiple;
    write.handler = write_flag(queue_, callback_, source, button >= 0);
    if (button >= 0) write.outputs.push_back(button);
    return engine.add_listener(std::move(write));
}

// The window is gone, but flags handed over are not: those still waiting (a
// click just before closing, a slow disk) are written now, and rows the disk
// refused get one more try. What still fails is said on stderr.
void FlagWriter::drain() {
    const size_t waiting = queue_->waiting();
    if (waiting > 0) std::fprintf(stderr, "imgr: writing %zu flag(s) still waiting\n", waiting);
    const std::vector<FlagQueue::Written> results = queue_->write_all(
        [&](const FlagRequest& request) { return callback_->flag(request.values, request.flag_option); });
    for (const FlagQueue::Written& written : results)
        if (!written.error.empty()) std::fprintf(stderr, "imgr: not flagged: %s\n", written.error.c_str());
    if (callback_->pending_count() == 0) return;
    try {
        callback_->retry_pending();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imgr: %zu flagged row(s) could not be written and are lost: %s\n",
                     callback_->pending_count(), e.what());
    }
}

}  // namespace imgr
