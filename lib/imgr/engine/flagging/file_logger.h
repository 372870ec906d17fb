// What CSVLogger and JSONLogger share: a log file of rows in the flagging
// directory D, images saved beside it, and the promises of docs/flagging.md
// ("What saved means") — files first, then the row in one write and fsync; never
// a row under another header; never an overwritten image; a row that could
// not be written kept in memory and written first when the disk allows.
// Subclasses only say how a row is spelled in their file.
#pragma once
#include "imgr/engine/flagging/flag_columns.h"
#include "imgr/engine/flagging/flagging_callback.h"
#include "imgr/model/io_result.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imgr {

class FileLogger : public FlaggingCallback {
public:
    using FlaggingCallback::setup;  // the handles form too
    void setup(std::vector<FlagField> fields, std::string flagging_dir, FlagSetup options = {}) override;
    int flag(const std::vector<Value>& values, const std::string& flag_option = "") override;
    int flag_row(const FlagRow& row) override;  // with the note and corrections of FlagSetup's columns
    int retry_pending() override;
    size_t pending_count() const override;

    // The file rows go to: D/logs.csv, or D/logs_N.csv when that one has other
    // columns. D is setup()'s directory unless --flagging-dir overrides it (flagging_dir.h).
    std::filesystem::path log_path();
    std::vector<std::string> header() const; // the column names, as in the file's header (and the JSON keys)

protected:
    // How a file looks to the logger when it opens it.
    struct Inspection {
        bool ours = false;          // its header (or first record) matches ours: rows may be appended
        size_t complete_bytes = 0;  // where its last complete record ends; more is a row cut short by a crash
        int rows = 0;               // complete records after the header
    };

    virtual std::string log_file_name(int index) const = 0;  // index 0: "logs.csv"; n: "logs_n.csv"
    virtual std::string encode_header(const std::vector<std::string>& header) const = 0;  // before the first row
    // One record with its line break; cells[i] belongs to header[i]: numbers
    // are doubles, file columns hold their relative path as a string (or nothing).
    virtual std::string encode_row(const std::vector<std::string>& header, const std::vector<Value>& cells) const = 0;
    virtual Inspection inspect(std::string_view content, const std::vector<std::string>& header) const = 0;

private:
    struct PendingRow {
        std::vector<Value> values;
        std::string flag_option;
        std::string note;
        std::vector<std::optional<Value>> corrections;  // per field, or empty
        std::string timestamp;           // when it was flagged, not when it was finally written
        std::vector<std::string> files;  // per field: the saved file's relative path, once saved
    };

    void follow_dir_override();           // moves to --flagging-dir's folder when it differs from dir_
    void target(std::filesystem::path dir);  // scans a directory's images and log files; writes only to repair
    void restart_if_dir_removed();        // a folder removed while the app runs starts afresh, as after a restart
    int flush_pending();                  // writes pending rows in order; throws FlagError at the first failure
    IoResult choose_log_file();           // fails saying why no file can be chosen
    IoResult save_file(size_t field, const Value& value, std::string& relative_path);  // an image, a conversation, an AnnotatedImage, ImageSlider, Gallery, a clip or a video
    void check_row(const FlagRow& row) const;  // throws std::invalid_argument for a call that does not fit setup()
    std::vector<Value> row_cells(PendingRow& row);  // the row's cells in header order, saving its files first
    std::filesystem::path log_path_locked() const;

    mutable std::mutex mutex_;  // flag() is called from worker threads
    bool configured_ = false;
    std::vector<FlagField> fields_;
    FlagLayout layout_;
    FlagSetup options_;
    std::string requested_dir_;   // as given to setup(); --flagging-dir overrides it
    std::filesystem::path dir_;   // where rows go: the override or requested_dir_, made absolute
    int file_index_ = 0;          // which log file: log_file_name(file_index_)
    int announced_index_ = 0;     // the file last named on stderr
    bool verified_ = false;       // file_index_ was read, repaired and matched; else choose again before writing
    bool dir_existed_ = false;    // dir_ was there (found or created): its disappearance is worth telling
    int rows_ = 0;
    std::vector<std::uint64_t> next_number_;  // per field: the number its next file tries first
    std::deque<PendingRow> pending_;
};

}  // namespace imgr
