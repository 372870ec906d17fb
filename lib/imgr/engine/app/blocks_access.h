// The driver's door into a Blocks (internal, as imgui_internal.h is to imgui.h):
// what launch(), the view, the script player and replay need of an app and a
// demo's main() does not. A demo author never includes it.
#pragma once
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/flagging/flagging_dir.h"
#include "imgr/engine/replay/replay.h"

#include <memory>
#include <optional>
#include <string>

namespace imgr {

class BlocksAccess {
public:
    // Before the window opens, once the command line is read (an Interface lists its flagged rows)...
    static void prepare_to_run(Blocks& app) { app.prepare_to_run(); }
    // ... and after it closed: flags still waiting are written, then the app's on_close().
    // Returns how many flagged rows could not be written and are lost (launch() exits 1 then).
    static size_t finish_run(Blocks& app) { return app.finish_run(); }
    // The tree of rows, columns, tabs and components the view draws.
    static const Layout& layout(const Blocks& app);
    // This app's --flagging-dir; its flagging callbacks follow it.
    static const std::shared_ptr<FlaggingDirOverride>& flagging_dir_override(const Blocks& app);
    // The replay of this app, or nothing and `why` (an app that never called replay_with).
    static std::optional<ReplaySpec> replay_spec(const Blocks& app, std::string& why) { return app.replay_spec(why); }
    // The Replay panel's folder (DIR, or the flagging folder when empty) and, with
    // --replay DIR, a replay started at once whose lines are also printed (a panel
    // is added when the app has none).
    static void start_replay_panel(Blocks& app, const std::string& dir, bool run_now, double tolerance,
                                   const std::string& report = "") {
        app.start_replay_panel(dir, run_now, tolerance, report);
    }
    // After --replay DIR in a window: the replay's exit code (docs/replay.md), or -1 if it had not ended.
    static int replay_panel_exit_code(const Blocks& app) { return app.replay_panel_exit_code(); }
};

}  // namespace imgr
