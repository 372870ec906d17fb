#include "imgr/engine/replay/replay.h"

#include "imgr/engine/executor.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/messages.h"
#include "imgr/model/coerce_value.h"
#include "imgr/model/quoted_text.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace imgr {

const char* replay_status_name(ReplayStatus status) {
    switch (status) {
    case ReplayStatus::Unchanged: return "unchanged";
    case ReplayStatus::Changed: return "changed";
    case ReplayStatus::Failed: return "failed";
    case ReplayStatus::Unreadable: return "unreadable";
    }
    return "?";
}

namespace {

// A log file with where the spec's fields sit in it. Workers read `columns` and
// `name` only; the reader is the replaying thread's.
struct LogPlan {
    std::unique_ptr<FlaggedLogReader> reader;
    FlaggedColumns columns;
    std::string name;         // "logs.csv", for messages
};

struct RowTask {
    const LogPlan* plan = nullptr;
    FlaggedRecord record;
    int number = 0;
};

class RowReplayer {
public:
    RowReplayer(const ReplaySpec& spec, const std::filesystem::path& dir, const ReplayOptions& options)
        : spec_(spec), dir_(dir), options_(options) {}

    ReplayRow replay(const RowTask& task) const {
        ReplayRow row;
        row.number = task.number;
        row.file = task.plan->name;
        row.line = task.record.line;
        const FlaggedColumns& columns = task.plan->columns;
        const std::vector<std::string>& cells = task.record.cells;
        if (!task.record.error.empty()) return unreadable(row, task.record.error);
        if (columns.flag >= 0) row.flag = cells[(size_t)columns.flag];
        if (columns.note >= 0) row.note = cells[(size_t)columns.note];
        if (!columns.error.empty())
            return unreadable(row, "the header (line 1) does not match the app's components: " + columns.error);
        Values inputs;
        std::vector<ReplayCell> expected;
        try {
            for (size_t field : spec_.inputs) inputs.push_back(load(field, cells[(size_t)columns.field[field]]));
            for (size_t field : spec_.outputs)
                expected.push_back(field == ReplaySpec::kNotFlagged ? ReplayCell{} : expected_output(field, columns, cells));
        } catch (const Error& e) {
            return unreadable(row, e.what());
        }
        run(row, inputs, expected);
        if (options_.with_values)
            for (size_t i = 0; i < inputs.size(); ++i)
                row.inputs.push_back({spec_.fields[spec_.inputs[i]].column, std::move(inputs[i]), {}, {}});
        return row;
    }

private:
    static ReplayRow unreadable(ReplayRow& row, const std::string& why) {
        row.status = ReplayStatus::Unreadable;
        row.message = row.file + ":" + std::to_string(row.line) + ": " + why;
        return row;
    }

    Value load(size_t field, const std::string& cell) const {
        const ReplayField& f = spec_.fields[field];
        try {
            return value_from_cell(f.kind, f.props, cell, dir_);
        } catch (const FolderRefusal& e) {
            // The refusal leads ("\"x\" is outside the flagged folder"): it is about the folder, not the column.
            throw FolderRefusal(std::string(e.what()) + " (column \"" + f.column + "\")");
        } catch (const Error& e) {
            throw Error("column \"" + f.column + "\": " + e.what());
        }
    }

    // The flagged output, or the person's correction of it when there is one: the expected answer.
    ReplayCell expected_output(size_t field, const FlaggedColumns& columns, const std::vector<std::string>& cells) const {
        ReplayCell cell;
        cell.column = spec_.fields[field].column;
        const int corrected = columns.corrected[field];
        if (corrected >= 0 && !cells[(size_t)corrected].empty()) {
            cell.column += " (corrected)";
            cell.flagged = load(field, cells[(size_t)corrected]);
        } else {
            cell.flagged = load(field, cells[(size_t)columns.field[field]]);
        }
        return cell;
    }

    void run(ReplayRow& row, const Values& inputs, std::vector<ReplayCell>& expected) const {
        HandlerOutputs outputs;
        try {
            Progress progress;
            outputs = spec_.handler(inputs, progress);
        } catch (const std::exception& e) {
            row.status = ReplayStatus::Failed;
            row.message = e.what();
            return;
        } catch (...) {
            row.status = ReplayStatus::Failed;
            row.message = "the function threw something that is not a std::exception";
            return;
        }
        for (size_t j = 0; j < expected.size(); ++j) {
            if (spec_.outputs[j] == ReplaySpec::kNotFlagged) continue;
            ReplayCell& cell = expected[j];
            const ReplayField& field = spec_.fields[spec_.outputs[j]];
            if (j < outputs.size() && outputs[j] && outputs[j]->new_value)
                cell.replayed = coerce_value(field.kind, field.props, *outputs[j]->new_value);  // as the engine would store it
            cell.comparison = compare_values(field.kind, cell.flagged, cell.replayed, options_.compare);
            if (!cell.comparison.same) {
                row.status = ReplayStatus::Changed;
                row.changes.push_back(cell.column + " " + cell.comparison.detail);
            }
        }
        if (!options_.with_values) return;
        for (size_t j = 0; j < expected.size(); ++j)
            if (spec_.outputs[j] != ReplaySpec::kNotFlagged) row.outputs.push_back(std::move(expected[j]));
    }

    const ReplaySpec& spec_;
    const std::filesystem::path& dir_;
    const ReplayOptions& options_;
};

// The rows of a folder's log files, in order, read as they are replayed: one
// file open at a time, about one record of it in memory.
class RowSource {
public:
    RowSource(const ReplaySpec& spec, std::vector<std::filesystem::path> files) : files_(std::move(files)) {
        for (const ReplayField& field : spec.fields) names_.push_back(field.column);
        for (size_t f = 0; f < names_.size(); ++f)
            used_.push_back(std::find(spec.inputs.begin(), spec.inputs.end(), f) != spec.inputs.end() ||
                            std::find(spec.outputs.begin(), spec.outputs.end(), f) != spec.outputs.end());
        std::error_code ec;
        for (const std::filesystem::path& file : files_) total_bytes_ += std::filesystem::file_size(file, ec) * !ec;
    }

    // The next row; false after the last one.
    bool next(RowTask& task) {
        for (;;) {
            if (plans_.empty() || file_ended_) {
                if (next_file_ >= files_.size()) return false;
                open(files_[next_file_++]);
            }
            LogPlan& plan = plans_.back();
            if (!plan.reader->error().empty()) {
                // The file as a whole: one unreadable row, so that it is counted and named.
                task = {&plan, FlaggedRecord{1, {}, plan.reader->error()}, ++numbered_};
                file_ended_ = true;
                return true;
            }
            task.plan = &plan;
            if (plan.reader->next(task.record)) {
                task.number = ++numbered_;
                return true;
            }
            bytes_before_ += plan.reader->size();
            plan.reader.reset();  // its buffer goes; workers still read the plan's columns and name
            file_ended_ = true;
        }
    }

    // How far through the log files' bytes the rows returned so far reach, 0..1.
    double fraction() const {
        if (total_bytes_ == 0) return 1.0;
        const std::uint64_t in_current = !plans_.empty() && plans_.back().reader ? plans_.back().reader->bytes_read() : 0;
        return std::min(1.0, (double)(bytes_before_ + in_current) / (double)total_bytes_);
    }

private:
    void open(const std::filesystem::path& file) {
        LogPlan& plan = plans_.emplace_back();
        plan.name = file.filename().string();
        plan.reader = std::make_unique<FlaggedLogReader>(file);
        plan.columns = match_flagged_columns(plan.reader->header(), names_);
        // Only the columns the replay uses must be there.
        plan.columns.error.clear();
        for (size_t f = 0; f < names_.size() && plan.columns.error.empty(); ++f)
            if (used_[f] && plan.columns.field[f] < 0) plan.columns.error = "no column \"" + names_[f] + "\"";
        file_ended_ = false;
    }

    std::vector<std::filesystem::path> files_;
    std::vector<std::string> names_;
    std::vector<bool> used_;
    std::deque<LogPlan> plans_;  // a deque: a plan stays where it is while later files open
    size_t next_file_ = 0;
    bool file_ended_ = false;
    int numbered_ = 0;
    std::uint64_t total_bytes_ = 0, bytes_before_ = 0;
};

}  // namespace

ReplaySummary run_replay(const ReplaySpec& spec, const std::filesystem::path& dir, const ReplayOptions& options) {
    ReplaySummary summary;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        summary.error = "'" + dir.string() + "' is not a folder of flagged data";
        return summary;
    }
    const std::vector<std::filesystem::path> files = flagged_log_files(dir);
    if (files.empty()) {
        summary.error = "'" + dir.string() + "' holds no flagged data (no logs.csv, logs_N.csv or logs.jsonl)";
        return summary;
    }
    RowSource source(spec, files);
    const int threads = options.threads > 0 ? options.threads : (int)std::max(1u, std::thread::hardware_concurrency());
    const size_t window = (size_t)threads * 2;  // rows read, decoded or waiting at once: memory stays bounded
    const RowReplayer replayer(spec, dir, options);
    std::map<size_t, ReplayRow> done;  // finished rows not yet reported, by index
    std::mutex mutex;
    std::condition_variable finished;
    Executor executor(threads);
    size_t submitted = 0;
    for (size_t reported = 0;; ++reported) {
        while (submitted < reported + window) {
            auto task = std::make_shared<RowTask>();
            if (!source.next(*task)) break;
            executor.submit([&, task, index = submitted] {
                ReplayRow row = replayer.replay(*task);
                std::lock_guard lock(mutex);
                done.emplace(index, std::move(row));
                finished.notify_all();
            });
            ++submitted;
        }
        if (reported == submitted) break;  // every row read has been reported
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done.count(reported) > 0; });
        ReplayRow row = std::move(done.at(reported));
        done.erase(reported);
        lock.unlock();
        ++summary.rows;
        switch (row.status) {
        case ReplayStatus::Unchanged: ++summary.unchanged; break;
        case ReplayStatus::Changed: ++summary.changed; break;
        case ReplayStatus::Failed: ++summary.failed; break;
        case ReplayStatus::Unreadable: ++summary.unreadable; break;
        }
        if (options.on_row) options.on_row(row);
        if (options.on_progress) options.on_progress(summary.rows, source.fraction());
    }
    if (summary.rows == 0) summary.error = "'" + dir.string() + "' holds no flagged rows (its log files are empty)";
    return summary;
}

Values replay_row_inputs(const ReplaySpec& spec, const std::filesystem::path& dir, int number) {
    RowSource source(spec, flagged_log_files(dir));
    RowTask task;
    while (source.next(task)) {
        if (task.number != number) continue;
        const std::string where = task.plan->name + ":" + std::to_string(task.record.line) + ": ";
        if (!task.record.error.empty()) throw Error(where + task.record.error);
        if (!task.plan->columns.error.empty()) throw Error(where + task.plan->columns.error);
        Values inputs;
        for (size_t field : spec.inputs) {
            const ReplayField& f = spec.fields[field];
            inputs.push_back(value_from_cell(f.kind, f.props, task.record.cells[(size_t)task.plan->columns.field[field]], dir));
        }
        return inputs;
    }
    throw Error("row " + std::to_string(number) + " is no longer in " + dir.string());
}

std::string format_replay_row(const ReplayRow& row) {
    std::string line = "row " + std::to_string(row.number);
    if (!row.flag.empty()) line += " (" + shortened(row.flag) + ")";
    line += ": ";
    line += replay_status_name(row.status);
    if (row.status == ReplayStatus::Changed) {
        line += ": ";
        for (size_t i = 0; i < row.changes.size(); ++i) line += (i ? "; " : "") + row.changes[i];
    } else if (!row.message.empty()) {
        line += ": " + row.message;
    }
    if (!row.note.empty()) line += " (note: " + shortened(row.note) + ")";
    // One line a row, whatever the cells hold: escape sequences, NUL and line
    // breaks from someone else's folder are shown, never acted on by a terminal.
    return printable(line);
}

std::string format_replay_summary(const ReplaySummary& s) {
    return "replay: " + std::to_string(s.rows) + " rows, " + std::to_string(s.unchanged) + " unchanged, " +
           std::to_string(s.changed) + " changed, " + std::to_string(s.failed) + " failed, " +
           std::to_string(s.unreadable) + " unreadable";
}

}  // namespace imgr
