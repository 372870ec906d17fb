// FlagWriter: the one path from a flag click to a flagging callback, for an
// Interface's flag buttons and automatic flagging and for a Blocks app's
// demo.flag_button(...) alike.
//
// - A click only admits the row to a bounded FlagQueue, which is quick; the
//   person is told when flagging falls behind, and past the bound a flag is
//   refused out loud (a failed run: the window says it was not saved).
// - A writer run per admitted row writes rows in the order they came, off the
//   UI thread. The button shows its busy text ("Saving…") meanwhile, then
//   "Saved (N)" — N the rows in the file once the row *this button* admitted
//   is in — or "Not saved" for a moment.
// - drain() writes the rows still waiting when the window closes, and gives
//   rows the disk refused one more try; the app calls it at exit (Blocks::finish_run).
//
// One FlagWriter per callback of an app, so all rows of one file share one order.
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/flag_additions.h"
#include "imgr/engine/flagging/flag_queue.h"
#include "imgr/engine/flagging/flagging_callback.h"

#include <memory>
#include <string>
#include <vector>

namespace imgr {

class FlagWriter {
public:
    static constexpr size_t kMaxWaiting = 48;  // below the engine's 64 queued runs of a listener: no writer run is dropped

    // max_waiting: flags admitted and not yet written (at most kMaxWaiting).
    FlagWriter(std::shared_ptr<FlaggingCallback> callback, size_t max_waiting);

    const std::shared_ptr<FlaggingCallback>& callback() const { return callback_; }

    // A flag button: its click admits the values of `fields` with `option` in
    // the flag column. The button is both listeners' output (its busy text,
    // then "Saved (N)"); it should have a busy text. A second click that
    // repeats the row this button saved last writes nothing and shows
    // "Already saved (N)". `additions` adds a note and corrections to the row.
    // Returns the writer listener.
    int add_button(Engine& engine, ComponentId button, std::vector<ComponentId> fields, std::string option,
                   std::string description, FlagAdditions additions = {});

    // Automatic flagging: each successful run of listener `after` admits the
    // values of `fields`. Returns the writer listener.
    int add_after(Engine& engine, int after, std::vector<ComponentId> fields, std::string description);

    // At exit, when no more frames start writer runs: writes what is still
    // waiting, in order, and retries rows the disk refused. What still fails
    // is said on stderr (the window is gone). Returns the rows lost: flagged,
    // acknowledged as waiting, and never written (the app then exits 1).
    size_t drain();

private:
    // The admitting listener `admit` and its writer; returns the writer.
    int add_writer(Engine& engine, ListenerSpec admit, int source, ComponentId button, ComponentId note = -1);

    std::shared_ptr<FlaggingCallback> callback_;
    std::shared_ptr<FlagQueue> queue_;  // shared with the handlers, which may outlive this object
    int next_source_ = 0;
};

}  // namespace imgr
