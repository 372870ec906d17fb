#include "imgr/driver/watch_reload.h"

#include "imgr/driver/watch_folder.h"
#include "imgr/engine/engine.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <thread>

namespace imgr {

std::unique_ptr<WatchReload> WatchReload::start(Blocks& app, std::string& error) {
    std::unique_ptr<WatchReload> reload(new WatchReload());
    reload->app_ = &app;
    reload->executable_ = own_executable();
    if (reload->executable_.empty()) {
        error = "cannot find this program's executable (/proc/self/exe)";
        return nullptr;
    }
    WatchFolder folder = watch_folder(reload->executable_);
    if (!folder) {
        error = folder.error;
        return nullptr;
    }
    reload->folder_ = folder.path;
    reload->watch_ = ExecutableWatch::start(reload->executable_, error);
    if (!reload->watch_) return nullptr;

    Engine& engine = app.engine();
    for (size_t i = 0; i < engine.component_count(); ++i) reload->initial_.push_back(engine.component((ComponentId)i).spec.value);

    WatchStateRead read = read_watch_state(reload->folder_);
    if (!read.found) return reload;
    if (!read) {
        // Kept aside for a look, out of the way of the next save.
        std::error_code ec;
        std::filesystem::rename(reload->folder_ / "state.json", reload->folder_ / "state.json.unreadable", ec);
        std::fprintf(stderr, "imgr: %s; starting without it (kept as %s)\n", read.error.c_str(),
                     (reload->folder_ / "state.json.unreadable").c_str());
        return reload;
    }
    const WatchState& state = read.state;
    // Another instance of this executable, alive, saved it mid-reload: it is that one's to restore.
    if (state.pid != (long)getpid() && state.pid > 0 && kill((pid_t)state.pid, 0) == 0) return reload;
    reload->was_reload_ = state.pid == (long)getpid();
    reload->started_ns_ = state.started_ns;
    reload->restored_ = restore_watch_values(engine, state, reload->folder_);
    reload->restored_view_ = state.view;
    reload->restored_window_ = state.window;
    clear_watch_folder(reload->folder_);  // given back: a later crash must not restore it over newer work
    return reload;
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
    state.started_ns = watch_->ready_ns();
    state.window = window;
    state.view = std::move(view);
    if (IoResult saved = save_watch_state(app_->engine(), initial_, std::move(state), folder_); !saved) {
        std::fprintf(stderr, "imgr: cannot reload: %s; the running build is kept\n", saved.error.c_str());
        clear_watch_folder(folder_);
        watch_->rearm();
        return;
    }
    std::fflush(nullptr);
    execv(executable_.c_str(), argv);  // returns only on failure; the state is then ours to keep using
    const int error = errno;
    std::fprintf(stderr, "imgr: cannot start the new build '%s': %s; the running build is kept\n",
                 executable_.c_str(), std::strerror(error));
    clear_watch_folder(folder_);
    watch_->rearm();
}

}  // namespace imgr
