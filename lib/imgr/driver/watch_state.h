// The person's state handed from one build of an app to the next by --watch
// (docs/watch.md): every component's value the person (or a handler) changed,
// by label, and the view around them (tabs, accordions, scroll, the window's
// place). A folder of the app's own (watch_folder.h) holds it:
//
//   values/       the changed values as one flagged row: a JSONLogger's logs.jsonl,
//                 images and other files beside it, as flagging writes them
//   state.json    the rest, written last (atomically, fsync'ed): it is what makes
//                 the folder a state to restore, so a crash while saving leaves none
//
// Both are written with flagging's durable writes and read back as replay
// reads a folder someone else wrote: bounded sizes, names inside the folder only.
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/model/io_result.h"
#include "imgr/view/view_state.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace imgr {

struct WindowPlace {
    bool known = false;
    int x = 0, y = 0, width = 0, height = 0;  // screen coordinates
};

// What state.json holds.
struct WatchState {
    long pid = 0;                     // the process that saved it (a reload keeps its pid)
    long long process_start = 0;      // and when it started (process_start_ticks(): an exec keeps it too)
    std::int64_t started_ns = 0;      // CLOCK_MONOTONIC when the new executable was complete: the reload's start
    WindowPlace window;
    ViewState view;
    std::vector<std::string> labels;  // every component's label in the saving app: what is new in the next
    struct Saved {
        std::string label;
        int occurrence = 0;           // among components with this label, which one (0: the first)
        std::string kind;             // "Slider": a component of another kind under the label is not given it
        std::string column;           // its column in values/logs.jsonl
    };
    std::vector<Saved> values;
};

// Saves the values that differ from `initial` (the values the app started with,
// one per component) and `state`'s other fields. Removes any earlier state first.
IoResult save_watch_state(const Engine& engine, const std::vector<Value>& initial, WatchState state,
                          const std::filesystem::path& folder);

struct [[nodiscard]] WatchStateRead : IoResult {
    bool found = false;               // false with ok(): there is no saved state
    WatchState state;
};

// Reads state.json (at most kMaxWatchStateBytes), checking every field; a state
// that cannot be read fails with why ("the saved state is unreadable: ...").
WatchStateRead read_watch_state(const std::filesystem::path& folder);
inline constexpr std::uint64_t kMaxWatchStateBytes = std::uint64_t(4) << 20;

struct WatchRestore {
    int restored = 0;
    int dropped = 0;                  // saved values not given back: label gone, another kind, unreadable
    std::string notice;               // for the window: what was dropped (and why) and what is new; "" when nothing
};

// Gives the saved values to the components with the same label, all at once, then
// fires their `change` (as a program setting them would), so outputs are computed
// again by the new build's handlers from every restored input.
WatchRestore restore_watch_values(Engine& engine, const WatchState& state, const std::filesystem::path& folder);

}  // namespace imgr
