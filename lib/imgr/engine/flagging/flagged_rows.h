// Reading flagged samples back: the rows of a CSVLogger's or JSONLogger's
// current log file, as text for a table and as values to load into a demo.
// This is what the Interface's "Flagged" panel shows.
#pragma once
#include "imgr/engine/flagging/file_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/model/component.h"
#include "imgr/model/folder_reader.h"

#include <cstdint>

#include <filesystem>
#include <string>
#include <vector>

namespace imgr {

struct FlaggedRows {
    std::filesystem::path dir;                   // paths in cells are relative to it
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // cells as the file spells them (JSON values as compact text)
};

// Reads the logger's current file; an absent file is no rows. A CSV row that
// cannot be read (read_flagged_log says why) is left out. Throws Error with a
// one-line message when the file cannot be read or parsed.
FlaggedRows read_flagged_rows(FileLogger& logger);

// --- a flagging folder read back row by row (replay, docs/replay.md) ---------
//
// The folder may be someone else's (docs/flagging.md, "Reading a folder you did
// not write"): log files and the files cells name are opened inside it only,
// and these limits make a row or a file that exceeds them unreadable.

inline constexpr std::uint64_t kMaxFlaggedLogBytes = std::uint64_t(1) << 30;  // a log file
inline constexpr size_t kMaxFlaggedRowBytes = size_t(16) << 20;                // a CSV record or a JSONL line

// A cell the folder's reader refuses (it names something outside the folder,
// not a regular file, or a file over the limit): the message stands alone,
// "\"x\" is outside the flagged folder".
class FolderRefusal : public Error {
public:
    using Error::Error;
};

// The log files of a flagging folder, in the order rows were written to them:
// logs.csv, logs_1.csv, logs_2.csv, ..., then logs.jsonl, logs_1.jsonl, ...
// Reads the folder only; an absent folder has none.
std::vector<std::filesystem::path> flagged_log_files(const std::filesystem::path& dir);

// One record of a log file: where it starts, its cells as the file spells
// them (JSON values as compact text), or why it cannot be read.
struct FlaggedRecord {
    int line = 0;                     // the physical line it starts on, from 1
    std::vector<std::string> cells;   // one per header column when readable
    std::string error;                // non-empty: the record is unreadable (cut short, wrong column count, ...)
};

struct FlaggedLog {
    std::filesystem::path path;
    std::vector<std::string> header;  // a CSV's first line; a JSONL file's keys of its first record, in order
    std::vector<FlaggedRecord> records;
    std::string error;                // non-empty: the file as a whole cannot be read
};

// A log file read record by record, holding about one record at a time: a
// million-row folder replays in the memory of a few rows. The file is opened
// inside its folder only (folder_reader.h) and read in chunks.
class FlaggedLogReader {
public:
    explicit FlaggedLogReader(const std::filesystem::path& file);
    FlaggedLogReader(const FlaggedLogReader&) = delete;
    FlaggedLogReader& operator=(const FlaggedLogReader&) = delete;

    const std::string& error() const { return error_; }  // non-empty: the file as a whole cannot be read
    // A CSV's first line; a JSONL file's keys of its first readable record, in order.
    const std::vector<std::string>& header() const { return header_; }
    // The next record, a bad one with its error; false at the end.
    bool next(FlaggedRecord& record);
    std::uint64_t size() const { return size_; }          // the file's bytes
    std::uint64_t bytes_read() const { return done_ + pos_; }  // up to the records returned so far

private:
    bool fill();  // reads the next chunk; false at the end of the file
    void skip_bom();
    bool read_csv(FlaggedRecord& record);
    bool read_jsonl(FlaggedRecord& record);
    void skip_long_csv_record(FlaggedRecord& record, size_t start);

    BeneathFile file_;
    bool jsonl_ = false, at_end_ = false;
    std::string buffer_;          // unread bytes from pos_ on
    size_t pos_ = 0;
    std::uint64_t done_ = 0;      // bytes dropped from the buffer's front
    std::uint64_t size_ = 0;
    int line_ = 1;
    std::vector<std::string> header_;
    std::vector<FlaggedRecord> pending_;  // JSONL: read before the header was known, returned first
    size_t pending_next_ = 0;
    std::string error_;
};

// Reads one log file; each bad record is kept with its error, so the others still count.
// Parsing stops after max_records records (examples show the first 100 of a million).
FlaggedLog read_flagged_log(const std::filesystem::path& file, size_t max_records = SIZE_MAX);

// Where each column a reader needs sits in a log's header (-1: absent). The
// optional columns (before `flag` and `timestamp`): `<label> (corrected)` for
// an output a person corrected, then `note`.
struct FlaggedColumns {
    std::vector<int> field;           // per expected name
    std::vector<int> corrected;       // per expected name: its "<name> (corrected)" column
    int note = -1, flag = -1;
    std::string error;                // non-empty: a name is missing ("no column \"num2\"")
};
FlaggedColumns match_flagged_columns(const std::vector<std::string>& header, const std::vector<std::string>& names);

// A cell back as the value a component of this kind holds; image cells are
// loaded from dir, inside it only (folder_reader.h); a Label, Plot or
// Dataframe from the JSON flagging writes. Throws Error when the cell does not
// fit the kind, FolderRefusal when it names what the folder may not give.
Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir);

}  // namespace imgr
