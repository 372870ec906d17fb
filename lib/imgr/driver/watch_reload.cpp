#include "imgr/driver/watch_reload.h"

#include "imgr/driver/watch_folder.h"
#include "imgr/engine/engine.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <thread>

namespace imgr {
namespace {

// Empties this process's folder, which it keeps for the next reload.
void clear_saved_state(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::remove(folder / "state.json", ec);
    std::filesystem::remove_all(folder / "values", ec);
}

}  // namespace

std::unique_ptr<WatchReload> WatchReload::start(Blocks& app, std::string& error) {
    std::unique_ptr<WatchReload> reload(new WatchReload());
    reload->app_ = &app;
    reload->executable_ = own_executable();
    if (reload->executable_.empty()) {
        error = "cannot find this program's executable (/proc/self/exe)";
        return nullptr;
    }
    WatchFolder app_folder = watch_folder(reload->executable_);
    WatchFolder own = app_folder ? process_folder(app_folder.path, (long)getpid()) : app_folder;
    if (!own) {
        error = own.error;
        return nullptr;
    }
    reload->folder_ = own.path;
    reload->watch_ = ExecutableWatch::start(reload->executable_, error);
    if (!reload->watch_) return nullptr;

    Engine& engine = app.engine();
    for (size_t i = 0; i < engine.component_count(); ++i) reload->initial_.push_back(engine.component((ComponentId)i).spec.value);

    // This process's own folder holds a reload's state; else one a crashed run of this executable left.
    std::vector<std::filesystem::path> candidates = {reload->folder_};
    for (std::filesystem::path& orphan : orphaned_process_folders(app_folder.path)) candidates.push_back(std::move(orphan));
    for (const std::filesystem::path& folder : candidates) {
        WatchStateRead read = read_watch_state(folder);
        if (!read.found) {
            // A crash before anything was saved leaves an empty folder; an unreadable state stays for a look.
            std::error_code ec;
            if (folder != reload->folder_ && !std::filesystem::exists(folder / "state.json.unreadable", ec))
                remove_process_folder(folder);
            continue;
        }
        if (!read) {
            // Kept aside for a look, out of the way of the next save.
            std::error_code ec;
            std::filesystem::rename(folder / "state.json", folder / "state.json.unreadable", ec);
            std::fprintf(stderr, "imgr: %s; starting without it (kept as %s)\n", read.error.c_str(),
                         (folder / "state.json.unreadable").c_str());
            return reload;
        }
        const WatchState& state = read.state;
        reload->was_reload_ = state.pid == (long)getpid() && state.process_start == process_start_ticks();
        reload->started_ns_ = state.started_ns;
        reload->restored_ = restore_watch_values(engine, state, folder);
        reload->restored_view_ = state.view;
        reload->restored_window_ = state.window;
        // Given back: a later crash must not restore it over newer work.
        if (folder == reload->folder_)
            clear_saved_state(folder);
        else
            remove_process_folder(folder);
        return reload;
    }
    return reload;
}

WatchReload::~WatchReload() {
    // The app ends (not a reload, which never returns here): its folder goes unless it keeps something.
    std::error_code ec;
    if (!folder_.empty() && !std::filesystem::exists(folder_ / "state.json", ec) &&
        !std::filesystem::exists(folder_ / "state.json.unreadable", ec))
        remove_process_folder(folder_);
}

void WatchReload::first_frame_drawn() {
    if (!restored_) return;
    const WatchRestore& r = *restored_;
    if (was_reload_) {
        const long long ms = (monotonic_ns() - started_ns_) / 1000000;
        std::fprintf(stderr, "imgr: reloaded in %lld ms (restored %d values, dropped %d)\n", ms, r.restored, r.dropped);
    } else {
        std::fprintf(stderr, "imgr: restored what an earlier run left (restored %d values, dropped %d)\n", r.restored,
                     r.dropped);
    }
    if (!r.notice.empty()) app_->engine().post(r.dropped > 0 ? MessageLevel::Warning : MessageLevel::Info, r.notice);
    restored_.reset();
}

void WatchReload::stop_handlers(Engine& engine) {
    for (size_t listener = 0; listener < engine.listener_count(); ++listener) engine.cancel((int)listener);
    // A cancelled run ends at its next Progress report or co_yield; one that never reports is left to the exec.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (!engine.idle() && std::chrono::steady_clock::now() < give_up) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

void WatchReload::reload(char** argv, ViewState view, WindowPlace window) {
    // Should the new build not take over, the old one's window comes back as it was left.
    restored_view_ = view;
    restored_window_ = window;
    WatchState state;
    state.pid = (long)getpid();
    state.process_start = process_start_ticks();
    state.started_ns = watch_->ready_ns();
    state.window = window;
    state.view = std::move(view);
    if (IoResult saved = save_watch_state(app_->engine(), initial_, std::move(state), folder_); !saved) {
        std::fprintf(stderr, "imgr: cannot reload: %s; the running build is kept\n", saved.error.c_str());
        clear_saved_state(folder_);
        watch_->rearm();
        return;
    }
    std::fflush(nullptr);
    execv(executable_.c_str(), argv);  // returns only on failure; the state is then ours to keep using
    const int error = errno;
    std::fprintf(stderr, "imgr: cannot start the new build '%s': %s; the running build is kept\n",
                 executable_.c_str(), std::strerror(error));
    clear_saved_state(folder_);
    watch_->rearm();
}

}  // namespace imgr
