// Replay (docs/replay.md): every flagged row of a folder run again through
// the function that produced it, its outputs compared with the flagged ones
// (or with a person's correction, the expected answer). Rows run in parallel
// on worker threads, are read and decoded one at a time as they are needed
// (a large folder is streamed, not loaded), and are reported in flagged
// order. Reads the folder only: nothing is ever written into it.
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/model/kinds/compare.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace imgr {

// A flagged column as the app flags it.
struct ReplayField {
    std::string column;        // the header cell (flag_columns.h's name for the component)
    ComponentKind kind = ComponentKind::Textbox;
    KindProps props;
};

// What a row replays: `handler` takes the values of fields[inputs[i]] and
// fills fields[outputs[j]], which are compared (an output that is not flagged,
// kNotFlagged, is not).
struct ReplaySpec {
    static constexpr size_t kNotFlagged = (size_t)-1;
    std::vector<ReplayField> fields;
    std::vector<size_t> inputs, outputs;
    HandlerFn handler;
};

enum class ReplayStatus { Unchanged, Changed, Failed, Unreadable };
const char* replay_status_name(ReplayStatus status);  // "unchanged", "changed", "failed", "unreadable"

struct ReplayCell {
    std::string column;        // "Output", or "Output (corrected)" when a correction is the expected value
    Value flagged, replayed;   // an input's value is in `flagged` only
    Comparison comparison;
};

struct ReplayRow {
    int number = 0;            // 1, 2, ... over all log files, in flagged order
    std::string file;          // the log file's name ("logs.csv")
    int line = 0;              // where the row starts in it
    std::string flag, note;    // the `flag` and `note` cells, when the file has them
    ReplayStatus status = ReplayStatus::Unchanged;
    std::string message;       // failed: the function's message; unreadable: "logs.csv:LINE: why"
    std::vector<std::string> changes;           // "Output 12 -> -2", one per changed output
    std::vector<ReplayCell> inputs, outputs;    // only with ReplayOptions::with_values
};

struct ReplayOptions {
    CompareOptions compare;
    int threads = 0;                               // rows at once; 0: one per core
    bool with_values = false;                      // rows carry their values (a report, the window)
    std::function<void(const ReplayRow&)> on_row;  // each row, in flagged order, as soon as it and those before are done
    // After each row: rows done, and how far through the log files' bytes they reach (0..1):
    // rows are read as they are replayed, so their total is known only at the end.
    std::function<void(int done, double fraction)> on_progress;
};

struct ReplaySummary {
    int rows = 0, unchanged = 0, changed = 0, failed = 0, unreadable = 0;
    std::string error;         // non-empty: nothing could be replayed (no flagged data, ...); exit 2
    int exit_code() const { return !error.empty() ? 2 : changed + failed + unreadable > 0 ? 1 : 0; }
};

// Replays every row of the log files in `dir` (flagged_rows.h).
ReplaySummary run_replay(const ReplaySpec& spec, const std::filesystem::path& dir, const ReplayOptions& options = {});

// The input values of row `number` (as numbered by run_replay), to load into
// the demo. Throws Error when there is no such row or it cannot be read.
Values replay_row_inputs(const ReplaySpec& spec, const std::filesystem::path& dir, int number);

// "row 3 (wrong sign): changed: Output 12 -> -2"; a note follows in parentheses.
std::string format_replay_row(const ReplayRow& row);
// "replay: N rows, A unchanged, B changed, C failed, D unreadable"
std::string format_replay_summary(const ReplaySummary& summary);

}  // namespace imgr
