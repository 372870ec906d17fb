#include "imgr/engine/flagging/flag_writer.h"

#include <algorithm>
#include <cstdio>

namespace imgr {

namespace {
constexpr double kSavedSeconds = 2.0, kFailedSeconds = 4.0;

// The request from the listener's inputs: the flagged fields, then the
// additions' components in the order additions_inputs() lists them.
FlagRequest flag_request(const Values& inputs, size_t fields, const FlagAdditions& additions, std::string option,
                         int source, bool skip_repeat) {
    FlagRequest request;
    request.values.assign(inputs.begin(), inputs.begin() + (long)std::min(fields, inputs.size()));
    request.flag_option = std::move(option);
    request.source = source;
    request.skip_repeat = skip_repeat;
    size_t next = fields;
    if (additions.note >= 0 && next < inputs.size())
        if (const auto* note = std::get_if<std::string>(&inputs[next++])) request.note = *note;
    if (!additions.corrections.empty()) request.corrections.resize(fields);
    for (const FlagAdditions::Correction& correction : additions.corrections) {
        bool on = true;
        if (correction.toggle >= 0 && next < inputs.size()) on = inputs[next++] == Value(true);
        if (next >= inputs.size()) break;
        const Value& value = inputs[next++];
        if (on && correction.field < fields) request.corrections[correction.field] = value;
    }
    return request;
}

std::vector<ComponentId> additions_inputs(const FlagAdditions& additions) {
    std::vector<ComponentId> ids;
    if (additions.note >= 0) ids.push_back(additions.note);
    for (const FlagAdditions::Correction& correction : additions.corrections) {
        if (correction.toggle >= 0) ids.push_back(correction.toggle);
        ids.push_back(correction.value);
    }
    return ids;
}

// Admits a flag to the queue: quick, so clicks never pile up in the engine
// (its own queue drops the oldest run when full). A refusal is a failed run,
// so the window shows why and no writer is started for it.
HandlerFn admit_flag(std::shared_ptr<FlagQueue> queue, std::string option, int source, size_t outputs,
                     size_t fields, FlagAdditions additions, bool skip_repeat) {
    return [queue, option, source, outputs, fields, additions, skip_repeat](const Values& values, Progress&) {
        const FlagQueue::Admission admission =
            queue->push(flag_request(values, fields, additions, option, source, skip_repeat));
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

// The whole row to the callback: with a note or corrections through flag_row(), else through
// flag(), the one call every callback implements (a custom one may have only setup and flag).
int write_row(FlaggingCallback& callback, const FlagRequest& request) {
    if (request.note.empty() && request.corrections.empty()) return callback.flag(request.values, request.flag_option);
    return callback.flag_row({request.values, request.flag_option, request.note, request.corrections});
}

// Writes up to this source's row; the button then shows "Saved (N)", "Already saved (N)" or "Not saved",
// and a note (when there is one) is emptied for the next flag.
HandlerFn write_flag(std::shared_ptr<FlagQueue> queue, std::shared_ptr<FlaggingCallback> callback, int source,
                     bool on_button, bool has_note) {
    return [queue, callback, source, on_button, has_note](const Values&, Progress&) {
        const FlagQueue::Written written = queue->write_through(
            source, [&](const FlagRequest& request) { return write_row(*callback, request); });
        if (!written.error.empty()) post_message(MessageLevel::Error, "not flagged: " + written.error);
        HandlerOutputs out;
        if (!on_button) return out;
        const std::string count = "(" + std::to_string(written.rows) + ")";
        if (!written.error.empty())
            out.push_back(Update().value(std::string("Not saved")).for_seconds(kFailedSeconds));
        else if (written.took)
            out.push_back(Update().value((written.repeat ? "Already saved " : "Saved ") + count).for_seconds(kSavedSeconds));
        else
            out.push_back(std::nullopt);
        if (has_note) {
            if (written.took && written.error.empty())
                out.push_back(Update().value(std::string()));
            else
                out.push_back(std::nullopt);  // not saved: the note stays for the next try
        }
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
                           std::string description, FlagAdditions additions) {
    const int source = next_source_++;
    const size_t field_count = fields.size();
    std::vector<ComponentId> inputs = std::move(fields);
    for (ComponentId id : additions_inputs(additions)) inputs.push_back(id);
    const ComponentId note = additions.note;
    return add_writer(engine,
                      admitting({{button, Event::Click}},
                                admit_flag(queue_, std::move(option), source, 1, field_count, std::move(additions),
                                           /*skip_repeat=*/true),
                                std::move(inputs), {button}, std::move(description)),
                      source, button, note);
}

int FlagWriter::add_after(Engine& engine, int after, std::vector<ComponentId> fields, std::string description) {
    const int source = next_source_++;
    // Every run is its own sample: automatic flagging saves repeats too, as Gradio does.
    const size_t field_count = fields.size();
    ListenerSpec admit = admitting({}, admit_flag(queue_, "", source, 0, field_count, {}, /*skip_repeat=*/false),
                                   std::move(fields), {}, std::move(description));
    admit.after = after;
    admit.only_on_success = true;
    admit.show_progress = false;
    return add_writer(engine, std::move(admit), source, -1);
}

int FlagWriter::add_writer(Engine& engine, ListenerSpec admit, int source, ComponentId button, ComponentId note) {
    ListenerSpec write;
    write.description = "writing of a flag from the " + admit.description;
    write.show_progress = admit.show_progress;
    write.after = engine.add_listener(std::move(admit));
    write.only_on_success = true;  // a refused row has no writer run
    // One writer run per admitted row, in the order admitted. The engine keeps at most 64 queued runs
    // of a listener, so the queue's bound stays below that (kMaxWaiting): no run is ever dropped.
    write.mode = TriggerMode::Multiple;
    write.handler = write_flag(queue_, callback_, source, button >= 0, button >= 0 && note >= 0);
    if (button >= 0) write.outputs.push_back(button);
    if (button >= 0 && note >= 0) write.outputs.push_back(note);
    return engine.add_listener(std::move(write));
}

// The window is gone, but flags handed over are not: those still waiting (a
// click just before closing, a slow disk) are written now, and rows the disk
// refused get one more try. What still fails is said on stderr.
size_t FlagWriter::drain() {
    const size_t waiting = queue_->waiting();
    if (waiting > 0) std::fprintf(stderr, "imgr: writing %zu flag(s) still waiting\n", waiting);
    const size_t kept_before = callback_->pending_count();
    const std::vector<FlagQueue::Written> results = queue_->write_all(
        [&](const FlagRequest& request) { return write_row(*callback_, request); });
    size_t failed = 0;
    for (const FlagQueue::Written& written : results)
        if (!written.error.empty()) {
            ++failed;
            std::fprintf(stderr, "imgr: not flagged: %s\n", written.error.c_str());
        }
    // A row the callback did not keep for a retry (a callback of one's own keeps none) is lost now.
    const size_t kept_now = callback_->pending_count() - std::min(kept_before, callback_->pending_count());
    size_t lost = failed > kept_now ? failed - kept_now : 0;
    if (callback_->pending_count() == 0) return lost;
    try {
        callback_->retry_pending();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imgr: %zu flagged row(s) could not be written and are lost: %s\n",
                     callback_->pending_count(), e.what());
    }
    return lost + callback_->pending_count();
}

}  // namespace imgr
