#include "imgr/engine/flagging/file_logger.h"

#include "imgr/engine/flagging/durable_file.h"
#include "imgr/engine/flagging/flag_file_kinds.h"
#include "imgr/engine/flagging/gallery_files.h"
#include "imgr/engine/flagging/numbered_files.h"
#include "imgr/engine/flagging/timestamp.h"
#include "imgr/engine/flagging/writable_dir.h"
#include "imgr/engine/messages.h"
#include "imgr/model/file_write.h"
#include "imgr/model/kinds/kind_traits.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include <unistd.h>

namespace imgr {

namespace {

constexpr int kMaxLogFiles = 10000;  // logs.csv, logs_1.csv, ... logs_9999.csv: beyond that something is wrong

// How a field's value is saved as files (its cell holds their path): a kind flagged as files,
// holding a value of the kind's own type. Null: written in its cell as it is.
const FlagFiles* files_for_value(ComponentKind kind, const Value& value) {
    const FlagFiles* files = flag_files(kind);
    return files && value.index() == kind_traits(kind).default_value(KindProps{}).index() ? files : nullptr;
}

void note(const std::string& text) { std::fprintf(stderr, "imgr: flagging: %s\n", text.c_str()); }

// Absolute at once, so that a handler changing the working directory moves nothing.
std::filesystem::path absolute_dir(const std::string& dir) {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::absolute(dir, ec);
    return ec ? std::filesystem::path(dir) : path;
}

}  // namespace

void FileLogger::setup(std::vector<FlagField> fields, std::string flagging_dir, FlagSetup options) {
    std::lock_guard lock(mutex_);
    if (!pending_.empty()) {
        // Kept rows belong to the old columns and directory: one last try there.
        try {
            flush_pending();
        } catch (const FlagError& e) {
            note("setup() again: " + std::to_string(pending_.size()) + " unwritten row(s) dropped: " + e.what());
            pending_.clear();
        }
    }
    layout_ = plan_flag_columns(fields, options.flag_column, options.note_column, options.corrected_fields);
    fields_ = std::move(fields);
    options_ = options;
    requested_dir_ = std::move(flagging_dir);
    configured_ = true;
    target(absolute_dir(flagging_dir_for(requested_dir_)));
}

void FileLogger::target(std::filesystem::path dir) {
    dir_ = std::move(dir);
    std::error_code ec;
    dir_existed_ = std::filesystem::is_directory(dir_, ec);
    next_number_.assign(fields_.size(), 0);
    for (size_t i = 0; i < fields_.size(); ++i)
        if (const FlagFiles* files = flag_files(fields_[i].kind))
            next_number_[i] = files->numbered_folders
                                  ? next_folder_number(dir_ / layout_.columns[i].folder)
                                  : next_file_number(dir_ / layout_.columns[i].folder, flag_file_extension(fields_[i].kind));
    file_index_ = announced_index_ = 0;
    rows_ = 0;
    // Reading only (or repairing a crash's partial row): a demo that never flags creates nothing.
    if (IoResult chosen = choose_log_file(); !chosen)
        note(chosen.error + "; trying again at the first flag");
    else if (const std::string why = why_flags_cannot_be_written(dir_); !why.empty())
        note(why + "; a flag will say it was not saved");
}

void FileLogger::follow_dir_override() {
    std::filesystem::path dir = absolute_dir(flagging_dir_for(requested_dir_));
    if (dir == dir_) return;
    // Files saved for kept rows are in the old folder: saved again under the new one.
    for (PendingRow& row : pending_) std::fill(row.files.begin(), row.files.end(), std::string());
    target(std::move(dir));
}

void FileLogger::restart_if_dir_removed() {
    std::error_code ec;
    if (!dir_existed_ || std::filesystem::exists(dir_, ec)) return;
    // Someone removed the folder (a cleanup script, a tidy person). Keeping
    // going is what they would expect of a recorder: the folder is made again
    // and starts as a fresh one would (new log file with its header, images
    // from 0.png), and the window says so, since the earlier rows are gone.
    post_message(MessageLevel::Warning, "the flagging folder '" + dir_.string() +
                                            "' was removed while the app ran; created it again, with a new " +
                                            log_file_name(0));
    // Files saved for kept rows went with it: saved again.
    for (PendingRow& row : pending_) std::fill(row.files.begin(), row.files.end(), std::string());
    target(dir_);
}

IoResult FileLogger::choose_log_file() {
    verified_ = false;
    std::vector<std::string> other_columns;  // files skipped because they hold other columns
    for (int index = 0; index < kMaxLogFiles; ++index) {
        const std::filesystem::path path = dir_ / log_file_name(index);
        FileRead read = read_file(path);
        Inspection found;
        if (read.os_error == ENOENT) {
            found.ours = true;  // a new file; checked again before the first write, in case it appears meanwhile
        } else if (read.os_error == EISDIR) {
            other_columns.push_back(path.filename().string() + " (a folder)");
            continue;
        } else if (!read) {
            return read;
        } else {
            found = inspect(read.content, layout_.header);
            if (!found.ours) {
                other_columns.push_back(path.filename().string());
                continue;
            }
            if (found.complete_bytes < read.content.size()) {
                // The last write of a run that crashed: that row was never acknowledged, so cutting it loses nothing.
                if (IoResult cut = truncate_durably(path, found.complete_bytes); !cut)
                    return IoResult::failure(cut.error + " (to remove a partial last row)", cut.os_error);
                note("'" + path.string() + "' ended in a partial row (an interrupted write); removed its " +
                     std::to_string(read.content.size() - found.complete_bytes) + " bytes");
            }
            verified_ = true;
        }
        file_index_ = index;
        rows_ = found.rows;
        if (index != announced_index_) {
            std::string skipped;
            for (const std::string& name : other_columns) skipped += (skipped.empty() ? "" : ", ") + name;
            note("rows go to '" + path.string() + "' (" + skipped + " in '" + dir_.string() + "' " +
                 (other_columns.size() == 1 ? "has" : "have") + " other columns)");
            announced_index_ = index;
        }
        return IoResult::success();
    }
    return IoResult::failure("no usable log file in '" + dir_.string() + "' (" + log_file_name(0) + " to " +
                             log_file_name(kMaxLogFiles - 1) + " all hold other columns)");
}

std::filesystem::path FileLogger::log_path_locked() const { return dir_ / log_file_name(file_index_); }

std::filesystem::path FileLogger::log_path() {
    std::lock_guard lock(mutex_);
    if (configured_) follow_dir_override();
    return log_path_locked();
}

std::vector<std::string> FileLogger::header() const {
    std::lock_guard lock(mutex_);
    return layout_.header;
}

size_t FileLogger::pending_count() const {
    std::lock_guard lock(mutex_);
    return pending_.size();
}

IoResult FileLogger::save_file(size_t field, const Value& value, std::string& relative_path) {
    const std::string& folder_name = layout_.columns[field].folder;
    const std::filesystem::path folder = dir_ / folder_name;
    if (IoResult created = create_directories_durably(folder); !created) return created;
    const ComponentKind kind = fields_[field].kind;
    const FlagFiles& files = *flag_files(kind);
    if (files.numbered_folders) {
        NumberedFolder reserved = reserve_numbered_folder(folder, next_number_[field]);
        if (!reserved) return reserved;
        if (IoResult saved = files.save(kind, reserved.path, folder_name, value); !saved) return saved;  // the folder is gone again
        next_number_[field] = reserved.number + 1;
        relative_path = folder_name + "/" + std::to_string(reserved.number) + "/";
        return IoResult::success();
    }
    NumberedFile file = reserve_numbered_file(folder, next_number_[field], flag_file_extension(kind));
    if (!file) return file;
    // The reserved empty file is ours alone, so the atomic rename replaces only
    // it; fsync'ed, folder included, before the row that points at it is written.
    if (IoResult saved = files.save(kind, file.path, folder_name, value); !saved) {
        ::unlink(file.path.c_str());  // its number is free again: a full disk leaves no gap in the numbering
        return saved;
    }
    next_number_[field] = file.number + 1;
    relative_path = folder_name + "/" + file.path.filename().string();
    return IoResult::success();
}

std::vector<Value> FileLogger::row_cells(PendingRow& row) {
    std::vector<Value> cells;
    cells.reserve(layout_.header.size());
    for (size_t i = 0; i < fields_.size(); ++i) {
        const Value& value = row.values[i];
        const FlagFiles* files = files_for_value(fields_[i].kind, value);
        if (!files) {
            cells.push_back(value);
            continue;
        }
        // Files first: a row on disk never points at a file that is not.
        if (files->has_content(fields_[i].kind, value) && row.files[i].empty())
            if (IoResult saved = save_file(i, value, row.files[i]); !saved) throw FlagError(saved.error);
        cells.push_back(row.files[i].empty() ? Value{} : Value{row.files[i]});
    }
    // An output nobody corrected leaves its "(corrected)" cell empty.
    for (size_t field : layout_.corrected_fields)
        cells.push_back(field < row.corrections.size() && row.corrections[field] ? *row.corrections[field] : Value{});
    if (options_.note_column) cells.push_back(row.note);
    if (options_.flag_column) cells.push_back(row.flag_option);
    cells.push_back(row.timestamp);
    return cells;
}

int FileLogger::flush_pending() {
    if (pending_.empty()) return rows_;
    follow_dir_override();
    restart_if_dir_removed();
    if (IoResult created = create_directories_durably(dir_); !created) throw FlagError(created.error);
    dir_existed_ = true;
    if (!verified_)
        if (IoResult chosen = choose_log_file(); !chosen) throw FlagError(chosen.error);
    const std::string header_bytes = encode_header(layout_.header);
    while (!pending_.empty()) {
        PendingRow& row = pending_.front();
        const std::vector<Value> cells = row_cells(row);
        const std::filesystem::path path = log_path_locked();
        AppendResult appended = append_durably(path, header_bytes, encode_row(layout_.header, cells));
        if (!appended) {
            if (!appended.intact) verified_ = false;  // a partial row may be left: repair before the next write
            throw FlagError(appended.error);
        }
        if (appended.was_empty) {
            rows_ = 0;  // a new file (or one emptied behind our back) holds only this row
            if (IoResult synced = sync_directory(dir_); !synced) throw FlagError(synced.error);
        }
        verified_ = true;
        ++rows_;
        pending_.pop_front();
    }
    return rows_;
}

int FileLogger::flag(const std::vector<Value>& values, const std::string& flag_option) {
    return flag_row({values, flag_option, "", {}});
}

void FileLogger::check_row(const FlagRow& row) const {
    if (!configured_) throw std::logic_error("flag() before setup()");
    if (row.values.size() != fields_.size())
        throw std::invalid_argument("flag() got " + std::to_string(row.values.size()) + " values for " +
                                    std::to_string(fields_.size()) + " flagged components");
    if (!row.flag_option.empty() && !options_.flag_column)
        throw std::invalid_argument("flag() got the option \"" + row.flag_option +
                                    "\" but setup() had no flag column (FlagSetup::flag_column)");
    if (!row.note.empty() && !options_.note_column)
        throw std::invalid_argument("flag() got a note but setup() had no note column (FlagSetup::note_column)");
    if (!row.corrections.empty() && row.corrections.size() != fields_.size())
        throw std::invalid_argument("flag() got " + std::to_string(row.corrections.size()) + " corrections for " +
                                    std::to_string(fields_.size()) + " flagged components");
    for (size_t i = 0; i < row.corrections.size(); ++i)
        if (row.corrections[i] && !std::binary_search(layout_.corrected_fields.begin(),
                                                      layout_.corrected_fields.end(), i))
            throw std::invalid_argument("flag() got a correction of '" + fields_[i].label +
                                        "', which setup() did not name in FlagSetup::corrected_fields");
}

int FileLogger::flag_row(const FlagRow& row) {
    std::lock_guard lock(mutex_);
    check_row(row);
    if (pending_.size() >= options_.max_pending) {
        try {
            flush_pending();
        } catch (const FlagError& e) {
            throw FlagError(std::string(e.what()) + "; " + std::to_string(pending_.size()) +
                            " earlier rows are already waiting, so this row is not kept");
        }
    }
    pending_.push_back({row.values, row.flag_option, row.note, row.corrections, flag_timestamp(),
                        std::vector<std::string>(row.values.size())});
    try {
        return flush_pending();
    } catch (const FlagError& e) {
        throw FlagError(std::string(e.what()) + "; the row is kept in memory (" + std::to_string(pending_.size()) +
                        " waiting) and written at the next flag");
    }
}

int FileLogger::retry_pending() {
    std::lock_guard lock(mutex_);
    if (!configured_) throw std::logic_error("retry_pending() before setup()");
    try {
        return flush_pending();
    } catch (const FlagError& e) {
        throw FlagError(std::string(e.what()) + "; " + std::to_string(pending_.size()) + " row(s) still waiting");
    }
}

}  // namespace imgr
