// --watch's part of a run (docs/watch.md): before the window opens, the state a
// previous build handed over is read and given to the app; while it runs, the
// executable is watched; when a new build is complete, the session stops its
// handlers and closes the window, and reload() saves the state and executes the
// new build in place (same pid, arguments and environment).
#pragma once
#include "imgr/driver/executable_watch.h"
#include "imgr/driver/watch_state.h"
#include "imgr/engine/app/blocks.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace imgr {

class WatchReload {
public:
    // The folder, the watcher and what an earlier build left (restored now). Null and `error` when
    // the executable cannot be watched or the folder cannot be used.
    static std::unique_ptr<WatchReload> start(Blocks& app, std::string& error);
    ~WatchReload();  // removes this process's folder when it holds nothing
    WatchReload(const WatchReload&) = delete;
    WatchReload& operator=(const WatchReload&) = delete;

    ExecutableWatch& watch() { return *watch_; }
    // What the previous build's window showed; nothing when no state was restored.
    const std::optional<ViewState>& restored_view() const { return restored_view_; }
    const WindowPlace& restored_window() const { return restored_window_; }

    // The first frame with the restored state is drawn: the one stderr line
    // ("imgr: reloaded in N ms (restored K values, dropped D)") and the notice.
    void first_frame_drawn();

    // Stops every handler (cancelled, then waited for up to a few seconds): called on
    // the UI thread before the window closes for a reload.
    static void stop_handlers(Engine& engine);

    // After the window closed and the flags were written: saves the state, then
    // executes the new build. Returns only when that failed, having said why; the
    // caller runs the old app again (its state is still in memory).
    void reload(char** argv, ViewState view, WindowPlace window);

private:
    WatchReload() = default;
    Blocks* app_ = nullptr;
    std::filesystem::path executable_, folder_;  // folder_: this process's, inside the executable's
    std::unique_ptr<ExecutableWatch> watch_;
    std::vector<Value> initial_;       // every component's value as the app declared it: what counts as changed
    std::optional<ViewState> restored_view_;
    WindowPlace restored_window_;
    std::optional<WatchRestore> restored_;
    bool was_reload_ = false;          // the state came from this process's previous build, not a crashed run
    std::int64_t started_ns_ = 0;
};

}  // namespace imgr
