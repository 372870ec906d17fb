// --watch-build CMD (docs/watch.md): saving a source file runs the build. A
// thread watches the sources' folder tree with inotify (folders named build*
// and hidden ones are skipped, so the build's own output never triggers it)
// and, once no source has been saved for kDebounceMs, runs CMD with /bin/sh.
// A save during a build runs it once more after it. The window shows the
// build's last line while it runs and, when it fails, its first error as
// `file:line: message`; the running app stays. A build that succeeds replaces
// the executable, which --watch then reloads.
#pragma once
#include "imgr/driver/inotify_thread.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace imgr {

// The first compiler or linker error of a build's output, as `file:line: message`;
// "" when no line looks like one. Public for its tests.
std::string first_build_error(const std::string& output);

class BuildOnSave {
public:
    static constexpr int kDebounceMs = 150;

    // Starts watching `sources` (a folder). Fails with why (no such folder, no inotify).
    static std::unique_ptr<BuildOnSave> start(std::string command, const std::filesystem::path& sources,
                                              std::string& error);
    ~BuildOnSave();  // stops watching; a build still running is left to finish on its own
    BuildOnSave(const BuildOnSave&) = delete;
    BuildOnSave& operator=(const BuildOnSave&) = delete;

    void set_wake(std::function<void()> wake);  // called from the thread when the status changes

    struct Status {
        bool running = false;       // a build runs now
        std::string last_line;      // its latest line of output
        std::string error;          // the last finished build failed: its first error (or its exit status)
        std::uint64_t finished = 0; // builds finished so far
    };
    Status status() const;

private:
    BuildOnSave() = default;
    void run();
    void add_watches(const std::filesystem::path& folder);
    void build();

    std::string command_;
    std::filesystem::path sources_;
    mutable std::mutex mutex_;
    Status status_;
    std::function<void()> wake_;
    InotifyThread inotify_;  // last: its thread is joined before the members it reads go
};

}  // namespace imgr
