#include "imgr/driver/executable_watch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

extern char** environ;

namespace imgr {

std::int64_t monotonic_ns() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (std::int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

namespace {

// The new build's --help, in a child: whether it starts at all, and its first line of complaint when not.
std::string probe_start(const std::string& path) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return "";  // cannot probe: let the exec tell
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, out[1], 2);
    const char* argv[] = {path.c_str(), "--help", nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, path.c_str(), &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return std::string("cannot run it: ") + std::strerror(spawned);
    }
    // Read what it says (bounded) until it closes the pipe or 10 s pass.
    std::string said;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    char buffer[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, (int)left.count()) <= 0) continue;
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (said.size() < 65536) said.append(buffer, (size_t)n);
    }
    close(out[0]);
    // Closing its output is not exiting: it may still be tearing down.
    int status = 0;
    pid_t ended = 0;
    while ((ended = waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (ended == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return "its --help did not end within 10 s";
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
    std::string line;  // the last non-usage line is usually the loader's or the crash's reason
    for (size_t start = 0; start < said.size();) {
        size_t end = said.find('\n', start);
        if (end == std::string::npos) end = said.size();
        if (end > start && said.compare(start, 6, "Usage:") != 0 && said[start] != ' ') line = said.substr(start, end - start);
        start = end + 1;
    }
    if (line.size() > 200) line = line.substr(0, 200) + "...";
    const std::string how = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                              : std::string("signal ") + strsignal(WTERMSIG(status));
    return how + (line.empty() ? "" : ": " + line);
}

}  // namespace

bool ExecutableWatch::identity(const std::filesystem::path& path, Identity& out) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    out = {(std::uint64_t)st.st_dev, (std::uint64_t)st.st_ino, (std::uint64_t)st.st_size,
           (std::int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec};
    return true;
}

std::unique_ptr<ExecutableWatch> ExecutableWatch::start(const std::filesystem::path& executable, std::string& error) {
    std::unique_ptr<ExecutableWatch> watch(new ExecutableWatch());
    watch->executable_ = executable;
    if (!identity(executable, watch->running_)) {
        error = "cannot watch '" + executable.string() + "': " + std::strerror(errno);
        return nullptr;
    }
    if (!watch->inotify_.open()) {
        error = std::string("cannot watch the executable: ") + std::strerror(errno);
        return nullptr;
    }
    // The folder, not the file: a rename into place replaces the inode a file watch would follow.
    const std::string folder = executable.parent_path().string();
    if (inotify_add_watch(watch->inotify_.fd(), folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB) < 0) {
        error = "cannot watch '" + folder + "': " + std::strerror(errno);
        return nullptr;
    }
    watch->inotify_.start([w = watch.get()] { w->run(); });
    return watch;
}

ExecutableWatch::~ExecutableWatch() = default;  // inotify_ stops and joins the thread

void ExecutableWatch::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

std::string ExecutableWatch::take_failure() {
    std::lock_guard lock(mutex_);
    return std::exchange(failure_, std::string());
}

bool ExecutableWatch::check_candidate(std::int64_t& seen_ns) {
    Identity first, second;
    if (!identity(executable_, first)) return false;  // between unlink and rename: look again
    if (first == running_ || first == failed_) return true;
    if (access(executable_.c_str(), X_OK) != 0) return false;  // the linker sets the mode when it is done
    std::this_thread::sleep_for(std::chrono::milliseconds(kSettleMs));
    if (!identity(executable_, second) || !(first == second)) return false;  // still being written
    char magic[4] = {};
    const int fd = open(executable_.c_str(), O_RDONLY | O_CLOEXEC);
    const bool elf = fd >= 0 && read(fd, magic, 4) == 4 && std::memcmp(magic, "\x7f" "ELF", 4) == 0;
    if (fd >= 0) close(fd);
    if (!elf) return false;
    const std::string why = probe_start(executable_.string());
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        if (why.empty()) {
            running_ = second;
            ready_ns_ = seen_ns;
        } else {
            failed_ = second;
            failure_ = "the new build does not start (" + why + "); the running one is kept";
        }
        wake = wake_;
    }
    if (wake) wake();
    return true;
}

void ExecutableWatch::run() {
    const std::string name = executable_.filename().string();
    bool pending = false;
    std::int64_t seen_ns = 0;  // the last event for the executable: when the build put it there
    for (;;) {
        // While a candidate settles, look again every 50 ms even without events (the mode set last, say).
        if (inotify_.wait(pending ? 50 : -1) == InotifyThread::Wait::stop) return;
        inotify_.drain([&](const inotify_event& event) {
            if (name == event.name) {
                pending = true;
                seen_ns = monotonic_ns();
            }
        });
        if (pending && !ready() && check_candidate(seen_ns)) pending = false;
    }
}

}  // namespace imgr
