// Flagging: saving the sample on screen (inputs, outputs, an optional reason)
// as one row of a file in the flagging directory, as Gradio's FlaggingCallback.
// CSVLogger (csv_logger.h) and JSONLogger (json_logger.h) implement it; a demo
// can implement it too (to send rows to a server, say).
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/value.h"

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace imgr {

struct ComponentRef;
class FlaggingDirOverride;

// A flagged component: its label names the column (and, for images, the folder).
struct FlagField {
    std::string label;
    ComponentKind kind = ComponentKind::Textbox;
};

// How the rows are laid out and how failures are absorbed.
struct FlagSetup {
    bool flag_column = false;   // a `flag` column before `timestamp`: set when the demo offers flagging options
    size_t max_pending = 64;    // rows kept in memory while the disk refuses them; more are refused (said so)
    bool note_column = false;   // a `note` column (before `flag`): the person's one-line note, empty when unused
    std::vector<size_t> corrected_fields;  // fields (outputs) a person may correct: each gets a
                                           // `<label> (corrected)` column, before `note`, in this order
};

// One flag with everything a person can add to it. values[i] belongs to
// fields[i]; corrections, when not empty, has one entry per field and is set
// only for an output the person corrected (its `(corrected)` column is empty
// otherwise). Two flags are the same flag when all of it is equal.
struct FlagRow {
    std::vector<Value> values;
    std::string flag_option;                        // the `flag` column
    std::string note;                               // the `note` column (FlagSetup::note_column)
    std::vector<std::optional<Value>> corrections;  // per field, or empty: nothing corrected
    bool operator==(const FlagRow&) const = default;
};

// Thrown by flag() and retry_pending() when a row cannot be written: one line
// naming the path and the reason, and whether the row is kept for later.
class FlagError : public std::runtime_error {
public:
    explicit FlagError(const std::string& message) : std::runtime_error(message) {}
};

class FlaggingCallback {
public:
    virtual ~FlaggingCallback() = default;

    // Names the flagged components and where rows go. Writes nothing: the
    // directory is created by the first flag. May be called again to change
    // the components or the directory.
    virtual void setup(std::vector<FlagField> fields, std::string flagging_dir, FlagSetup options = {}) = 0;
    // The form Gradio's flagging guide uses with Blocks (samples/sepia.cpp follows it):
    //   callback.setup({img_input, strength, img_output}, "flagged_data_points");
    // (A subclass that overrides setup() keeps this form with `using FlaggingCallback::setup;`.)
    // Defined with the app API (app/flagging_setup.cpp), which knows the components' app.
    void setup(std::initializer_list<ComponentRef> components, std::string flagging_dir, FlagSetup options = {});

    // Saves one row: values[i] belongs to fields[i]; flag_option fills the
    // `flag` column (the reason the person chose). Safe to call from several
    // threads; blocks for disk I/O, so call it from a worker, never a frame.
    // Returns the number of rows flagged so far (in the current log file).
    // When the row is acknowledged (returned), it is on disk in full.
    // Throws FlagError when it cannot be written; the row is then kept and
    // written first by the next successful flag() or retry_pending().
    virtual int flag(const std::vector<Value>& values, const std::string& flag_option = "") = 0;

    // Saves one row with its note and corrections (the `note` and `(corrected)`
    // columns of FlagSetup). A callback that has no such columns need not
    // override it: by default the row is saved by flag() without them.
    virtual int flag_row(const FlagRow& row) { return flag(row.values, row.flag_option); }

    // The rest has defaults for a callback that keeps no row back after a
    // failure (it throws, and the row is not saved): only setup and flag are
    // needed, as in samples/custom_flagging.cpp. CSVLogger and JSONLogger keep
    // failed rows and override these.

    // Writes the rows kept after failures; returns rows flagged so far, or
    // throws FlagError again. By default there is nothing to write: returns 0.
    virtual int retry_pending() { return 0; }

    // Rows kept in memory because writing them failed; by default none.
    virtual size_t pending_count() const { return 0; }

    // The app whose --flagging-dir this callback follows. The app sets it when
    // it wires the callback (flag buttons, an Interface, or setup() with the
    // app's components); a callback no app wired writes where setup() said.
    void follow_flagging_dir(std::shared_ptr<const FlaggingDirOverride> dir_override);

protected:
    // The folder rows go to: the app's --flagging-dir when given, else `requested`.
    std::string flagging_dir_for(const std::string& requested) const;

private:
    mutable std::mutex dir_override_mutex_;  // flag() reads it on workers
    std::shared_ptr<const FlaggingDirOverride> dir_override_;
};

}  // namespace imgr
