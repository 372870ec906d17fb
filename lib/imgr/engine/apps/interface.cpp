#include "imgr/engine/apps/interface.h"

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flag_writer.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/model/image_io.h"
#include "imgr/model/row_choice.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace imgr {

namespace {

// The outputs' labels when the user gave none: "Output", or "Output 1", "Output 2", ...
void name_outputs(std::vector<ComponentSpec>& outputs) {
    for (size_t i = 0; i < outputs.size(); ++i)
        if (outputs[i].common.label.empty())
            outputs[i].common.label = outputs.size() == 1 ? "Output" : "Output " + std::to_string(i + 1);
}

// The folder relative example paths start from: examples_dir when given, else
// the executable's folder (where an app's files are installed beside it) —
// never the working directory, which depends on where the app was started.
std::filesystem::path examples_base(const std::string& examples_dir) {
    std::error_code ec;
    if (!examples_dir.empty()) return std::filesystem::absolute(examples_dir, ec);
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

// The cells of an example row as they will be used: image paths made absolute.
std::vector<Value> example_values(const std::vector<ExampleCell>& row, const std::vector<ComponentKind>& kinds,
                                  const std::filesystem::path& base) {
    std::vector<Value> values;
    for (size_t i = 0; i < row.size() && i < kinds.size(); ++i) {
        const auto* path = std::get_if<std::string>(&row[i].value);
        if (kinds[i] == ComponentKind::Image && path && !path->empty())
            values.push_back((base / *path).lexically_normal().string());  // an absolute path stays as it is
        else
            values.push_back(row[i].value);
    }
    return values;
}

// An image example is shown as what it is rather than as a path; one that
// cannot be read shows none (clicking it then says why).
std::optional<ImageBuffer> example_thumbnail(const std::vector<Value>& values, const std::vector<ComponentKind>& kinds) {
    for (size_t i = 0; i < values.size(); ++i) {
        const auto* path = std::get_if<std::string>(&values[i]);
        if (kinds[i] != ComponentKind::Image || !path) continue;
        ImageLoadResult loaded = load_image_file(*path);
        if (loaded) return std::move(loaded.image);
        return std::nullopt;
    }
    return std::nullopt;
}

// A button's text for an example: the values, an image by its file name (its thumbnail shows the rest).
std::string describe_example(const std::vector<Value>& values, const std::vector<ComponentKind>& kinds) {
    std::string text;
    for (size_t i = 0; i < values.size(); ++i) {
        if (!text.empty()) text += ", ";
        const auto* path = std::get_if<std::string>(&values[i]);
        text += kinds[i] == ComponentKind::Image && path ? std::filesystem::path(*path).filename().string()
                                                         : to_cell(values[i]);
    }
    return text;
}

// Fills the inputs with an example; an Image's cell is a file, loaded now, off the UI thread.
HandlerFn fill_example(std::vector<Value> values, std::vector<ComponentKind> kinds) {
    return [values, kinds](const Values&, Progress&) {
        HandlerOutputs out;
        for (size_t i = 0; i < values.size(); ++i) {
            const auto* path = std::get_if<std::string>(&values[i]);
            if (kinds[i] != ComponentKind::Image || !path) {
                out.push_back(Update().value(values[i]));
                continue;
            }
            ImageLoadResult loaded = load_image_file(*path);
            if (!loaded) throw Error("cannot load the example image: " + loaded.error);
            out.push_back(Update().value(std::move(loaded.image)));
        }
        return out;
    };
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
    set_max_waiting_flags(options_.max_waiting_flags);

    if (!options_.title.empty()) add(Markdown("# " + options_.title));
    if (!options_.description.empty()) add(Markdown(options_.description));
    if (options_.flagging_mode == FlaggingMode::Auto)
        auto_notice_ = add(Markdown("")).id();  // its text names the folder, known at launch
    add_main_row(std::move(input_specs), std::move(output_specs));
    if (!options_.examples.empty()) add_examples();
    if (!options_.examples_from_flagged.empty()) add_flagged_examples(options_.examples_from_flagged, inputs_);
    if (!options_.article.empty()) add(Markdown(options_.article));

    if (options_.flagging_mode != FlaggingMode::Never) setup_flagging();
    add_run_listener(std::move(fn));
    set_replay(run_listener_, flagged(), !options_.flagging_options.empty());  // --replay runs the function
    add_flag_buttons();
    if (options_.flagging_mode == FlaggingMode::Auto)
        flag_listeners_.push_back(flag_writer(options_.flagging_callback).add_after(engine(), run_listener_, flagged(),
                                                                                      "automatic flag"));
    if (options_.show_flagged && options_.flagging_mode != FlaggingMode::Never) {
        add_flagged_panel();
        replay_panel();  // beside it: the same rows run again
    }
    add_clear_listener();
}

// Inputs with Clear and Submit on the left; outputs and the flag buttons' row on the right.
void Interface::add_main_row(std::vector<ComponentSpec> input_specs, std::vector<ComponentSpec> output_specs) {
    // Input and output images are compared at the same spot: linked unless the app linked them otherwise
    // (images share a link's zoom only when their sizes are equal).
    for (std::vector<ComponentSpec>* specs : {&input_specs, &output_specs})
        for (ComponentSpec& spec : *specs)
            if (auto* image = std::get_if<ImageProps>(&spec.props); image && image->zoom_link.empty())
                image->zoom_link = "interface";
            else if (auto* annotated = std::get_if<AnnotatedImageProps>(&spec.props); annotated && annotated->zoom_link.empty())
                annotated->zoom_link = "interface";
    row([&] {
        column([&] {
            for (ComponentSpec& spec : input_specs) {
                // People edit inputs, though Clear and the examples also write to them (which makes
                // them outputs too): said explicitly, so an input Image keeps its path field.
                if (!spec.common.interactive) spec.common.interactive = true;
                initial_values_.push_back(spec.value);
                inputs_.push_back(add_spec(std::move(spec)));
            }
            row([&] {
                clear_ = add(Button(options_.clear_btn)).id();
                if (!options_.live) submit_ = add(Button(options_.submit_btn).primary()).id();
            });
        });
        column([&] {
            for (ComponentSpec& spec : output_specs) {
                // Outputs show results; flagging reads them, but people do not edit them.
                if (!spec.common.interactive) spec.common.interactive = false;
                initial_values_.push_back(spec.value);
                outputs_.push_back(add_spec(std::move(spec)));
                if (options_.flagging_corrections && options_.flagging_mode == FlaggingMode::Manual)
                    add_correction(inputs_.size() + outputs_.size() - 1, outputs_.back());
            }
            if (options_.flagging_mode != FlaggingMode::Manual) return;
            if (options_.flagging_note) add_flag_note();  // right above the buttons it goes with
            row([&] {
                if (options_.flagging_options.empty())
                    flag_buttons_.push_back({add(Button("Flag").busy_text("Saving…")).id(), "Flag", ""});
                for (const FlagOption& option : options_.flagging_options) {
                    const std::string text = "Flag as " + option.label;
                    flag_buttons_.push_back({add(Button(text).busy_text("Saving…")).id(), text, option.value});
                }
            });
        });
    });
}

std::vector<ComponentId> Interface::flagged() const {
    std::vector<ComponentId> all = inputs_;
    all.insert(all.end(), outputs_.begin(), outputs_.end());
    return all;
}

void Interface::setup_flagging() {
    std::vector<FlagField> fields;
    for (ComponentId id : flagged()) fields.push_back({engine().component(id).spec.common.label, engine().component(id).spec.kind});
    options_.flagging_callback->follow_flagging_dir(BlocksAccess::flagging_dir_override(*this));  // this app's --flagging-dir
    options_.flagging_callback->setup(std::move(fields), options_.flagging_dir, flag_setup());
}

// The function: on Submit, or on every input change when live (only the newest pending run matters).
void Interface::add_run_listener(HandlerFn fn) {
    std::vector<Trigger> triggers;
    if (options_.live) {
        for (ComponentId id : inputs_) triggers.push_back({id, Event::Change});
    } else {
        triggers.push_back({submit_, Event::Click});
        for (ComponentId id : inputs_)
            if (engine().component(id).spec.kind == ComponentKind::Textbox) triggers.push_back({id, Event::Submit});
    }
    ListenerSpec run = listener(std::move(triggers), std::move(fn), inputs_, outputs_,
                                options_.live ? TriggerMode::AlwaysLast : TriggerMode::Once,
                                options_.live ? "live run" : "click of '" + options_.submit_btn + "'");
    run.stop_button = submit_;  // Submit reads "Stop" while the function runs, and stops it
    run_listener_ = register_listener(std::move(run));
}

// Each button saves inputs and outputs through the app's flag writer; the
// button itself shows "Saving…" while its row waits and is written, then "Saved (N)".
void Interface::add_flag_buttons() {
    for (const FlagButton& button : flag_buttons_)
        flag_listeners_.push_back(flag_writer(options_.flagging_callback)
                                      .add_button(engine(), button.id, flagged(), button.option_value,
                                                  "click of '" + button.text + "'", flag_additions_));
}

// Clear: every input and output back to its first value.
void Interface::add_clear_listener() {
    register_listener(listener({{clear_, Event::Click}}, [initial = initial_values_](const Values&, Progress&) {
        HandlerOutputs out;
        for (const Value& v : initial) out.push_back(Update().value(v));
        return out;
    }, {}, flagged(), TriggerMode::Once, "click of '" + options_.clear_btn + "'"));
}

// One button per example that fills the inputs; an image example also shows its thumbnail above it.
void Interface::add_examples() {
    add(Markdown("**Examples**"));
    std::vector<ComponentKind> kinds;
    for (ComponentId id : inputs_) kinds.push_back(engine().component(id).spec.kind);
    const std::filesystem::path base = examples_base(options_.examples_dir);
    row([&] {
        for (size_t e = 0; e < options_.examples.size(); ++e) {
            const std::vector<Value> values = example_values(options_.examples[e], kinds, base);
            const std::vector<ComponentKind> used(kinds.begin(), kinds.begin() + (long)values.size());
            const std::string text = describe_example(values, used);
            // As wide as its text (about 0.6 em a character), never stretched.
            const float width = 2.0f + 0.6f * (float)text.size();
            std::optional<ImageBuffer> thumbnail = example_thumbnail(values, used);
            auto add_button = [&] {
                const ComponentId button = add(Button(text).size(ButtonSize::Small).scale(0).min_width(width)).id();
                const std::vector<ComponentId> targets(inputs_.begin(), inputs_.begin() + (long)values.size());
                register_listener(listener({{button, Event::Click}}, fill_example(values, used), {}, targets,
                                           TriggerMode::Once, "example"));
            };
            if (!thumbnail) {
                add_button();
                continue;
            }
            column({.scale = 0, .min_width = std::max(width, 8.0f)}, [&] {
                add(Image("Example " + std::to_string(e + 1)).value(std::move(*thumbnail)).height(5).controls(false)
                        .show_label(false).interactive(false));
                add_button();
            });
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
        std::string summary;
        for (size_t c = 0; c + 1 < flagged.rows[i].size() && row_choice(i + 1, summary).size() < 60; ++c)
            summary += (c ? ", " : "") + flagged.rows[i][c];
        choices.push_back(row_choice(i + 1, summary));
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
        if (engine().component(fields[i]).spec.kind == ComponentKind::Image) image_column = (int)i;
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
            const std::optional<size_t> number = row_choice_number(std::get<std::string>(values[0]));
            if (!number) return HandlerOutputs{Update().value(ImageBuffer{})};
            const size_t index = *number - 1;
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
    for (ComponentId id : inputs_) kinds.emplace_back(engine().component(id).spec.kind, engine().component(id).spec.props);
    register_listener(listener({{load, Event::Click}}, [logger, kinds](const Values& values, Progress&) {
        const std::optional<size_t> number = row_choice_number(std::get<std::string>(values[0]));
        if (!number) throw Error("choose a flagged sample first");
        const size_t index = *number - 1;
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
        engine().apply_update(flagged_table_, *updates[0]);
        engine().apply_update(flagged_choice_, *updates[1]);
    } catch (const std::exception& e) {
        engine().post(MessageLevel::Error, e.what());
    }
}

void Interface::on_launch() {
    refresh_flagged_panel();
    if (auto_notice_ < 0) return;
    const std::string dir = BlocksAccess::flagging_dir_override(*this)->apply(options_.flagging_dir);
    engine().set_from_program(auto_notice_, "**Every submission is saved** (with its result) to `" + dir +
                                               "/`, as this demo flags all data automatically.");
}

}  // namespace imgr
