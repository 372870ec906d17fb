#include "imgr/engine/interface.h"

#include "imgr/engine/flagged_rows.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging_dir.h"
#include "imgr/model/image_io.h"

#include <algorithm>
#include <cstdio>

namespace imgr {

namespace {
constexpr double kSavedSeconds = 2.0, kFailedSeconds = 4.0;
constexpr size_t kMaxWaitingFlags = 48;  // below the engine's 64 queued runs of a listener

// The outputs' labels when the user gave none: "Output", or "Output 1", "Output 2", ...
void name_outputs(std::vector<ComponentSpec>& outputs) {
    for (size_t i = 0; i < outputs.size(); ++i)
        if (outputs[i].common.label.empty())
            outputs[i].common.label = outputs.size() == 1 ? "Output" : "Output " + std::to_string(i + 1);
}

// Admits a flag to the queue: quick, so clicks never pile up in the engine
// (its own queue drops the oldest run when full). A refusal is a failed run,
// so the window shows why and no writer is started for it.
HandlerFn admit_flag(std::shared_ptr<FlagQueue> queue, std::string option_value, size_t outputs) {
    return [queue, option_value, outputs](const Values& values, Progress&) {
        const FlagQueue::Admission admission = queue->push({values, option_value});
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

// Writes the oldest waiting flag; the button then shows "Saved (N)" or "Not saved".
HandlerFn write_flag(std::shared_ptr<FlagQueue> queue, std::shared_ptr<FlaggingCallback> callback, bool on_button) {
    return [queue, callback, on_button](const Values&, Progress&) {
        const FlagQueue::Written written =
            queue->write_next([&](const FlagRequest& request) { return callback->flag(request.values, request.flag_option); });
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

std::string describe_example(const std::vector<ExampleCell>& row) {
    std::string text;
    for (const ExampleCell& cell : row) {
        if (!text.empty()) text += ", ";
        text += to_cell(cell.value);
    }
    return text;
}
}  // namespace

ListenerSpec Interface::listener(std::vector<Trigger> triggers, HandlerFn fn, std::vector<ComponentId> inputs,
                                 std::vector<ComponentId> outputs, TriggerMode mode, std::string description) const {
    detail::ListenerRequest request;
    request.triggers = std::move(triggers);
    request.handler = std::move(fn);
    request.inputs = std::move(inputs);
    request.outputs = std::move(outputs);
    request.default_mode = mode;
    request.description = std::move(description);
    return detail::listener_spec(std::move(request));
}

void Interface::build(HandlerFn fn, std::vector<ComponentSpec> input_specs, std::vector<ComponentSpec> output_specs) {
    name_outputs(output_specs);
    if (!options_.flagging_callback) options_.flagging_callback = std::make_shared<CSVLogger>();
    flag_queue_ = std::make_shared<FlagQueue>(std::min(options_.max_waiting_flags, kMaxWaitingFlags));
    const bool flagging = options_.flagging_mode != FlaggingMode::Never;

    if (!options_.title.empty()) add(Markdown("# " + options_.title));
    if (!options_.description.empty()) add(Markdown(options_.description));
    if (options_.flagging_mode == FlaggingMode::Auto)
        auto_notice_ = add(Markdown("")).id();  // its text names the folder, known at launch

    ComponentId submit = -1, clear = -1;
    std::vector<ComponentId> flag_row_parent;
    row([&] {
        column([&] {
            for (ComponentSpec& spec : input_specs) {
                initial_values_.push_back(spec.value);
                inputs_.push_back(add_spec(std::move(spec)));
            }
            row([&] {
                clear = add(Button(options_.clear_btn)).id();
                if (!options_.live) submit = add(Button(options_.submit_btn).primary()).id();
            });
        });
        column([&] {
            for (ComponentSpec& spec : output_specs) {
                // Outputs show results; flagging reads them, but people do not edit them.
                if (!spec.common.interactive) spec.common.interactive = false;
                initial_values_.push_back(spec.value);
                outputs_.push_back(add_spec(std::move(spec)));
            }
            if (options_.flagging_mode == FlaggingMode::Manual) {
                row([&] {
                    if (options_.flagging_options.empty()) add_flag_button("Flag", "");
                    for (const FlagOption& option : options_.flagging_options)
                        add_flag_button("Flag as " + option.label, option.value);
                });
            }
        });
    });
    if (!options_.examples.empty()) add_examples();
    if (!options_.article.empty()) add(Markdown(options_.article));

    if (flagging) {
        std::vector<FlagField> fields;
        for (ComponentId id : inputs_) fields.push_back({engine_.component(id).spec.common.label, engine_.component(id).spec.kind});
        for (ComponentId id : outputs_) fields.push_back({engine_.component(id).spec.common.label, engine_.component(id).spec.kind});
        options_.flagging_callback->setup(std::move(fields), options_.flagging_dir,
                                          {.flag_column = !options_.flagging_options.empty()});
    }

    // The function: on Submit, or on every input change when live (only the newest pending run matters).
    std::vector<Trigger> triggers;
    if (options_.live) {
        for (ComponentId id : inputs_) triggers.push_back({id, Event::Change});
    } else {
        triggers.push_back({submit, Event::Click});
        for (ComponentId id : inputs_)
            if (engine_.component(id).spec.kind == ComponentKind::Textbox) triggers.push_back({id, Event::Submit});
    }
    run_listener_ = register_listener(listener(std::move(triggers), std::move(fn), inputs_, outputs_,
                                               options_.live ? TriggerMode::AlwaysLast : TriggerMode::Once,
                                               options_.live ? "live run" : "click of '" + options_.submit_btn + "'"));

    // Auto flagging: every run that succeeded is saved with its inputs and outputs.
    if (options_.flagging_mode == FlaggingMode::Auto) {
        std::vector<ComponentId> all = inputs_;
        all.insert(all.end(), outputs_.begin(), outputs_.end());
        ListenerSpec save = listener({}, admit_flag(flag_queue_, "", 0), all, {}, TriggerMode::Multiple, "automatic flag");
        save.after = run_listener_;
        save.only_on_success = true;
        save.show_progress = false;
        flag_listeners_.push_back(add_flag_writer(std::move(save), -1));
    }
    if (options_.show_flagged && flagging) add_flagged_panel();

    // Clear: every input and output back to its first value.
    std::vector<ComponentId> cleared = inputs_;
    cleared.insert(cleared.end(), outputs_.begin(), outputs_.end());
    register_listener(listener({{clear, Event::Click}}, [initial = initial_values_](const Values&, Progress&) {
        HandlerOutputs out;
        for (const Value& v : initial) out.push_back(Update().value(v));
        return out;
    }, {}, cleared, TriggerMode::Once, "click of '" + options_.clear_btn + "'"));
}

void Interface::add_flag_button(const std::string& text, const std::string& option_value) {
    const ComponentId button = add(Button(text).busy_text("Saving…")).id();
    std::vector<ComponentId> all = inputs_;
    all.insert(all.end(), outputs_.begin(), outputs_.end());
    // The button itself is the listeners' output: it shows "Saving…" while
    // the row waits and is written, then "Saved (N)" or the failure for a moment.
    flag_listeners_.push_back(add_flag_writer(listener({{button, Event::Click}}, admit_flag(flag_queue_, option_value, 1),
                                                       all, {button}, TriggerMode::Multiple, "click of '" + text + "'"),
                                              button));
}

int Interface::add_flag_writer(ListenerSpec admit, ComponentId button) {
    const std::string description = "writing of a flag from the " + admit.description;
    const bool show_progress = admit.show_progress;
    const int admitting = register_listener(std::move(admit));
    std::vector<ComponentId> outputs;
    if (button >= 0) outputs.push_back(button);
    // One writer run per admitted row, in the order admitted. The engine keeps at most 64 queued runs
    // of a listener, so the queue's bound stays below that (kMaxWaitingFlags): no run is ever dropped.
    ListenerSpec write = listener({}, write_flag(flag_queue_, options_.flagging_callback, button >= 0), {}, outputs,
                                  TriggerMode::Multiple, description);
    write.after = admitting;
    write.only_on_success = true;
    write.show_progress = show_progress;
    return register_listener(std::move(write));
}

void Interface::add_examples() {
    add(Markdown("**Examples**"));
    row([&] {
        for (const auto& example : options_.examples) {
            const std::string text = describe_example(example);
            Button builder(text);
            // As wide as its text (about 0.6 em a character), never stretched.
            builder.size(ButtonSize::Small).scale(0).min_width(2.0f + 0.6f * (float)text.size());
            const ComponentId button = add(builder).id();
            std::vector<Value> values;
            for (const ExampleCell& cell : example) values.push_back(cell.value);
            std::vector<ComponentId> targets(inputs_.begin(), inputs_.begin() + (long)std::min(values.size(), inputs_.size()));
            std::vector<ComponentKind> kinds;
            for (ComponentId id : targets) kinds.push_back(engine_.component(id).spec.kind);
            register_listener(listener({{button, Event::Click}}, [values, kinds](const Values&, Progress&) {
                HandlerOutputs out;
                for (size_t i = 0; i < kinds.size(); ++i) {
                    // An Image example is a file path: load it now, off the UI thread.
                    if (kinds[i] == ComponentKind::Image && std::holds_alternative<std::string>(values[i])) {
                        ImageLoadResult loaded = load_image_file(std::get<std::string>(values[i]));
                        if (!loaded) throw Error("cannot load the example image " + loaded.error);
                        out.push_back(Update().value(std::move(loaded.image)));
                    } else {
                        out.push_back(Update().value(values[i]));
                    }
                }
                return out;
            }, {}, targets, TriggerMode::Once, "example"));
        }
    });
}

namespace {

// The panel's table and its choices ("#2: 5, add, 7, 12") from the log file.
HandlerOutputs flagged_panel_updates(FileLogger& logger) {
    const FlaggedRows flagged = read_flagged_rows(logger);
    TableValue table;
    table.headers = flagged.header;
    StringList choices;
    for (size_t i = 0; i < flagged.rows.size(); ++i) {
        std::vector<Json> cells(flagged.rows[i].begin(), flagged.rows[i].end());
        table.rows.push_back(std::move(cells));
        std::string summary = "#" + std::to_string(i + 1) + ":";
        for (size_t c = 0; c + 1 < flagged.rows[i].size() && summary.size() < 60; ++c)
            summary += (c ? ", " : " ") + flagged.rows[i][c];
        choices.push_back(std::move(summary));
    }
    return {Update().value(std::move(table)), Update().choices(std::move(choices))};
}

}  // namespace

void Interface::add_flagged_panel() {
    auto logger = std::dynamic_pointer_cast<FileLogger>(options_.flagging_callback);
    if (!logger) {
        std::fprintf(stderr, "imgr: the Flagged panel reads CSVLogger and JSONLogger files only\n");
        return;
    }
    ComponentId load = -1;
    // The first image column, if any, is shown as a thumbnail of the chosen row.
    std::vector<ComponentId> fields = inputs_;
    fields.insert(fields.end(), outputs_.begin(), outputs_.end());
    int image_column = -1;
    for (size_t i = 0; i < fields.size() && image_column < 0; ++i)
        if (engine_.component(fields[i]).spec.kind == ComponentKind::Image) image_column = (int)i;
    ComponentId thumbnail = -1;
    accordion("Flagged", [&] {
        flagged_table_ = add(Dataframe("Flagged samples")).id();
        row([&] {
            column({.scale = 3}, [&] {
                flagged_choice_ = add(Dropdown("Flagged sample", {})).id();
                load = add(Button("Load into the demo")).id();
            });
            if (image_column >= 0) thumbnail = add(Image("Flagged image").height(8).interactive(false)).id();
        });
    }, false);
    if (thumbnail >= 0) {
        register_listener(listener({{flagged_choice_, Event::Change}}, [logger, image_column](const Values& values, Progress&) {
            const std::string& choice = std::get<std::string>(values[0]);
            if (choice.size() < 2 || choice[0] != '#') return HandlerOutputs{Update().value(ImageBuffer{})};
            const size_t index = std::stoul(choice.substr(1)) - 1;
            const FlaggedRows flagged = read_flagged_rows(*logger);
            if (index >= flagged.rows.size() || (size_t)image_column >= flagged.rows[index].size())
                return HandlerOutputs{Update().value(ImageBuffer{})};
            return HandlerOutputs{Update().value(value_from_cell(ComponentKind::Image, ImageProps{},
                                                                flagged.rows[index][(size_t)image_column], flagged.dir))};
        }, {flagged_choice_}, {thumbnail}, TriggerMode::AlwaysLast, "Flagged panel thumbnail"));
    }
    // After every flag, the panel reads the file again.
    for (int flag_listener : flag_listeners_) {
        ListenerSpec refresh = listener({}, [logger](const Values&, Progress&) { return flagged_panel_updates(*logger); },
                                        {}, {flagged_table_, flagged_choice_}, TriggerMode::AlwaysLast, "Flagged panel");
        refresh.after = flag_listener;
        refresh.show_progress = false;
        register_listener(std::move(refresh));
    }
    // Load: the chosen row's input cells become the inputs' values again.
    std::vector<std::pair<ComponentKind, KindProps>> kinds;
    for (ComponentId id : inputs_) kinds.emplace_back(engine_.component(id).spec.kind, engine_.component(id).spec.props);
    register_listener(listener({{load, Event::Click}}, [logger, kinds](const Values& values, Progress&) {
        const std::string& choice = std::get<std::string>(values[0]);
        if (choice.size() < 2 || choice[0] != '#') throw Error("choose a flagged sample first");
        const size_t index = std::stoul(choice.substr(1)) - 1;
        const FlaggedRows flagged = read_flagged_rows(*logger);
        if (index >= flagged.rows.size()) throw Error("that flagged sample is no longer in the log file");
        HandlerOutputs out;
        for (size_t i = 0; i < kinds.size() && i < flagged.rows[index].size(); ++i)
            out.push_back(Update().value(value_from_cell(kinds[i].first, kinds[i].second, flagged.rows[index][i], flagged.dir)));
        return out;
    }, {flagged_choice_}, inputs_, TriggerMode::Once, "click of 'Load into the demo'"));
}

void Interface::refresh_flagged_panel() {
    auto logger = std::dynamic_pointer_cast<FileLogger>(options_.flagging_callback);
    if (flagged_table_ < 0 || !logger) return;
    try {
        HandlerOutputs updates = flagged_panel_updates(*logger);
        engine_.apply_update(flagged_table_, *updates[0]);
        engine_.apply_update(flagged_choice_, *updates[1]);
    } catch (const std::exception& e) {
        engine_.post(MessageLevel::Error, e.what());
    }
}

void Interface::on_launch() {
    refresh_flagged_panel();
    if (auto_notice_ < 0) return;
    const std::string dir = effective_flagging_dir(options_.flagging_dir);
    engine_.set_from_program(auto_notice_, "**Every submission is saved** (with its result) to `" + dir +
                                               "/`, as this demo flags all data automatically.");
}

// The window is gone, but flags handed over are not: those still waiting (a
// click just before closing, a slow disk) are written now, and rows the disk
// refused get one more try. What still fails is said on stderr.
void Interface::on_close() {
    const size_t waiting = flag_queue_->waiting();
    if (waiting > 0) std::fprintf(stderr, "imgr: writing %zu flag(s) still waiting\n", waiting);
    for (;;) {
        const FlagQueue::Written written = flag_queue_->write_next(
            [&](const FlagRequest& request) { return options_.flagging_callback->flag(request.values, request.flag_option); });
        if (!written.took) break;
        if (!written.error.empty()) std::fprintf(stderr, "imgr: not flagged: %s\n", written.error.c_str());
    }
    if (options_.flagging_callback->pending_count() == 0) return;
    try {
        options_.flagging_callback->retry_pending();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imgr: %zu flagged row(s) could not be written and are lost: %s\n",
                     options_.flagging_callback->pending_count(), e.what());
    }
}

}  // namespace imgr
