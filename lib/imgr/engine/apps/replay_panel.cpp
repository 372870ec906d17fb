// The window's Replay panel (Blocks::replay_panel): the same replay as
// --replay DIR, run by a button on a worker with a progress bar, its rows in
// a table, and any row loaded back into the demo's inputs. It is here, not in
// replay/, because it builds components and listeners through Blocks, and
// replay/ stays below the app API.
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/app/blocks_state.h"

#include "imgr/engine/flagging/file_logger.h"
#include "imgr/engine/replay/replay_report.h"
#include "imgr/model/file_write.h"
#include "imgr/model/row_choice.h"

#include <cstdio>
#include <mutex>

namespace imgr {

struct ReplayPanelState {
    std::mutex mutex;
    std::optional<ReplaySpec> spec;     // set on the UI thread before the window opens
    std::string why;                    // when there is none
    std::filesystem::path dir;
    CompareOptions compare;
    bool print = false;                 // --replay DIR in a window: the lines go to stdout too
    std::string report;                 // --replay-report FILE.html
    bool load_wired = false;
    int exit_code = -1;
    NodeId accordion;
    ComponentId button = -1, summary = -1, table = -1, choice = -1, load = -1;
};

namespace {

HandlerOutputs run_panel_replay(ReplayPanelState& state, Progress& progress) {
    std::unique_lock lock(state.mutex);
    if (!state.spec) throw Error("cannot replay: " + state.why);
    const ReplaySpec spec = *state.spec;
    const std::filesystem::path dir = state.dir;
    ReplayOptions options;
    options.compare = state.compare;
    const bool print = state.print;
    std::optional<ReplayReport> report;
    if (!state.report.empty()) report.emplace("Replay of " + dir.string());
    const std::string report_path = state.report;
    options.with_values = report.has_value();
    lock.unlock();
    TableValue table;
    table.headers = {"row", "status", "flag", "what", "note", "where"};
    StringList choices;
    options.on_row = [&](const ReplayRow& row) {
        const std::string status = row.status == ReplayStatus::Unchanged ? "unchanged" : std::string("✗ ") + replay_status_name(row.status);
        std::string what;
        for (size_t i = 0; i < row.changes.size(); ++i) what += (i ? "; " : "") + row.changes[i];
        if (what.empty()) what = row.message;
        const std::string where = row.file + ":" + std::to_string(row.line);
        if (what.starts_with(where + ": ")) what.erase(0, where.size() + 2);  // the `where` column says it
        table.rows.push_back({row.number, status, row.flag, what, row.note, where});
        std::string summary = replay_status_name(row.status);
        if (!row.flag.empty()) summary += " (" + row.flag + ")";
        choices.push_back(row_choice((size_t)row.number, summary));
        if (print) {
            std::printf("%s\n", format_replay_row(row).c_str());
            std::fflush(stdout);
        }
        if (report) report->add(row);
    };
    options.on_progress = [&](int done, double fraction) {
        progress(fraction, std::to_string(done) + (done == 1 ? " row" : " rows"));
    };
    const ReplaySummary summary = run_replay(spec, dir, options);
    std::string text;
    if (!summary.error.empty()) {
        text = "**Cannot replay:** " + summary.error;
        if (print) std::fprintf(stderr, "imgr: %s\n", summary.error.c_str());
    } else {
        text = "`" + format_replay_summary(summary) + "` — from `" + dir.string() + "`";
        if (print) {
            std::printf("%s\n", format_replay_summary(summary).c_str());
            std::fflush(stdout);
        }
    }
    int exit_code = summary.exit_code();
    if (report && summary.error.empty()) {
        const std::string page = report->html(summary);
        if (const IoResult written = write_file_atomically(report_path, page.data(), page.size(), Durability::NoFsync); !written) {
            std::fprintf(stderr, "imgr: %s\n", written.error.c_str());
            exit_code = exit_code == 0 ? 1 : exit_code;
        } else if (print) {
            std::fprintf(stderr, "imgr: replay report saved to %s (%s)\n", report_path.c_str(), format_page_size(page.size()).c_str());
        }
    }
    lock.lock();
    state.exit_code = exit_code;
    return {Update().value(text), Update().value(std::move(table)), Update().choices(std::move(choices))};
}

HandlerFn load_panel_row(std::shared_ptr<ReplayPanelState> state) {
    return [state](const Values& values, Progress&) {
        const std::optional<size_t> number = row_choice_number(std::get<std::string>(values[0]));
        if (!number) throw Error("choose a replayed row first");
        std::unique_lock lock(state->mutex);
        if (!state->spec) throw Error("cannot replay: " + state->why);
        const ReplaySpec spec = *state->spec;
        const std::filesystem::path dir = state->dir;
        lock.unlock();
        HandlerOutputs out;
        for (Value& value : replay_row_inputs(spec, dir, (int)*number)) out.push_back(Update().value(std::move(value)));
        return out;
    };
}

}  // namespace

void Blocks::replay_panel(bool open) {
    if (state_->replay_panel) return;  // one a window
    auto state = state_->replay_panel = std::make_shared<ReplayPanelState>();
    LayoutNode node = simple_node(NodeType::Accordion, "Replay");
    node.open = open;
    open_node(std::move(node));
    state->accordion = state_->current();
    state->button = add(Button("Replay flagged rows")).id();
    state->summary = add(Markdown("Runs the function again on every flagged row and compares the outputs.")).id();
    state->table = add(Dataframe("Replayed rows")).id();
    row([&] {
        state->choice = add(Dropdown("Replayed row", {})).id();
        state->load = add(Button("Load the row into the demo")).id();
    });
    close_node();
    detail::ListenerRequest run;
    run.triggers = {{state->button, Event::Click}};
    run.handler = [state](const Values&, Progress& progress) { return run_panel_replay(*state, progress); };
    run.outputs = {state->summary, state->table, state->choice};
    run.description = "click of 'Replay flagged rows'";
    register_listener(detail::listener_spec(std::move(run)));
}

void Blocks::start_replay_panel(const std::string& dir, bool run_now, double tolerance, const std::string& report) {
    if (!state_->replay_panel && !run_now) return;
    if (!state_->replay_panel) {
        state_->stack = {state_->layout.root()};
        replay_panel(true);
    }
    ReplayPanelState& state = *state_->replay_panel;
    std::lock_guard lock(state.mutex);
    state.spec = replay_spec(state.why);
    state.compare.tolerance = tolerance;
    state.print = run_now;
    state.report = report;
    state.dir = dir;
    if (dir.empty())  // the folder this app flags into
        for (const auto& writer : state_->flag_writers)
            if (auto logger = std::dynamic_pointer_cast<FileLogger>(writer->callback())) {
                state.dir = logger->log_path().parent_path();
                break;
            }
    if (state.spec && !state.load_wired) {
        state.load_wired = true;
        // Loading a row fills the replayed event's inputs.
        detail::ListenerRequest load;
        load.triggers = {{state.load, Event::Click}};
        load.handler = load_panel_row(state_->replay_panel);
        load.inputs = {state.choice};
        load.outputs = state_->engine.listener(state_->replay_listener).inputs;
        load.description = "click of 'Load the row into the demo'";
        register_listener(detail::listener_spec(std::move(load)));
    }
    if (run_now) {
        state_->layout.node(state.accordion).open = true;
        state_->engine.fire(state.button, Event::Click);
    }
}

int Blocks::replay_panel_exit_code() const {
    if (!state_->replay_panel) return -1;
    std::lock_guard lock(state_->replay_panel->mutex);
    return state_->replay_panel->exit_code;
}

}  // namespace imgr
