#include "imgr/driver/build_on_save.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <cctype>
#include <cstdio>
#include <set>
#include <utility>

extern char** environ;

namespace imgr {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxLine = 300;  // what the banner shows of one line

// A folder whose changes are the build's, not the person's (a build tree of another name has a CMakeCache.txt).
bool skipped_folder(const std::string& name) { return name.rfind("build", 0) == 0 || (!name.empty() && name[0] == '.'); }

bool source_file(const std::string& name) {
    static const std::set<std::string> extensions = {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx",
                                                     ".inl", ".ipp", ".cmake"};
    // Of .txt files only CMakeLists.txt: a build that logs to a .txt in the tree would otherwise start itself again.
    if (name == "CMakeLists.txt") return true;
    const std::string ext = fs::path(name).extension().string();
    return extensions.count(ext) && name[0] != '.';  // not an editor's hidden swap file
}

// "file:line:" at the start of a line: the path, the line number, and where the rest starts.
bool file_line_prefix(const std::string& line, std::string& file, std::string& number, size_t& rest) {
    for (size_t colon = line.find(':'); colon != std::string::npos; colon = line.find(':', colon + 1)) {
        size_t end = colon + 1;
        while (end < line.size() && std::isdigit((unsigned char)line[end])) ++end;
        if (end == colon + 1 || end >= line.size() || line[end] != ':') continue;
        file = line.substr(0, colon);
        number = line.substr(colon + 1, end - colon - 1);
        rest = end + 1;
        // gcc and clang add a column: file:line:column: error: ...
        size_t column_end = rest;
        while (column_end < line.size() && std::isdigit((unsigned char)line[column_end])) ++column_end;
        if (column_end > rest && column_end < line.size() && line[column_end] == ':') rest = column_end + 1;
        while (rest < line.size() && line[rest] == ' ') ++rest;
        return !file.empty() && file.find(' ') == std::string::npos;
    }
    return false;
}

}  // namespace

std::string first_build_error(const std::string& output) {
    std::string fallback;
    for (size_t start = 0; start < output.size();) {
        size_t end = output.find('\n', start);
        if (end == std::string::npos) end = output.size();
        const std::string line = output.substr(start, end - start);
        start = end + 1;
        std::string file, number;
        size_t rest = 0;
        if (!file_line_prefix(line, file, number, rest)) continue;
        std::string message = line.substr(rest);
        for (const char* tag : {"fatal error: ", "error: "})
            if (message.rfind(tag, 0) == 0) {
                message = message.substr(std::strlen(tag));
                return file + ":" + number + ": " + message.substr(0, kMaxLine);
            }
        // The linker's "file.cpp:12: undefined reference to ..." names no "error:".
        if (fallback.empty() && message.find("undefined reference") != std::string::npos)
            fallback = file + ":" + number + ": " + message.substr(0, kMaxLine);
    }
    return fallback;
}

std::unique_ptr<BuildOnSave> BuildOnSave::start(std::string command, const fs::path& sources, std::string& error) {
    std::unique_ptr<BuildOnSave> watch(new BuildOnSave());
    watch->command_ = std::move(command);
    std::error_code ec;
    watch->sources_ = fs::absolute(sources, ec);
    if (ec || !fs::is_directory(watch->sources_, ec)) {
        error = "--watch-sources: '" + sources.string() + "' is not a folder";
        return nullptr;
    }
    if (!watch->inotify_.open()) {
        error = std::string("cannot watch the sources: ") + std::strerror(errno);
        return nullptr;
    }
    watch->inotify_.start([w = watch.get()] { w->run(); });
    return watch;
}

BuildOnSave::~BuildOnSave() = default;  // inotify_ stops and joins the thread

void BuildOnSave::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

BuildOnSave::Status BuildOnSave::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void BuildOnSave::add_watches(const fs::path& folder) {
    // Every folder of the tree, without following symlinks (a link to / would watch the machine).
    std::error_code ec;
    inotify_add_watch(inotify_.fd(), folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR);
    for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
        if (skipped_folder(it->path().filename().string()) || fs::exists(it->path() / "CMakeCache.txt", ec)) {
            it.disable_recursion_pending();
            continue;
        }
        inotify_add_watch(inotify_.fd(), it->path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR);
    }
}

void BuildOnSave::run() {
    add_watches(sources_);
    bool pending = false;
    for (;;) {
        // A save starts the clock; each further save restarts it; silence for kDebounceMs builds.
        const InotifyThread::Wait waited = inotify_.wait(pending ? kDebounceMs : -1);
        if (waited == InotifyThread::Wait::stop) return;
        if (waited == InotifyThread::Wait::timeout && pending) {
            pending = false;
            build();
            continue;
        }
        bool new_folder = false;
        inotify_.drain([&](const inotify_event& event) {
            const std::string name = event.name;
            if (event.mask & IN_ISDIR) {
                if ((event.mask & (IN_CREATE | IN_MOVED_TO)) && !skipped_folder(name)) new_folder = true;
                return;
            }
            if ((event.mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) && source_file(name)) pending = true;
        });
        if (new_folder) add_watches(sources_);  // adding an existing watch again is harmless
    }
}

void BuildOnSave::build() {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        status_.running = true;
        status_.last_line.clear();
        wake = wake_;
    }
    if (wake) wake();
    int out[2];
    std::string output, error;
    int exit_status = -1;
    if (pipe2(out, O_CLOEXEC) == 0) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, out[1], 2);
        const char* argv[] = {"/bin/sh", "-c", command_.c_str(), nullptr};
        pid_t pid = 0;
        const int spawned = posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char**>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        if (spawned != 0) {
            error = std::string("cannot run the build: ") + std::strerror(spawned);
        } else {
            char chunk[4096];
            std::string partial;
            for (;;) {
                pollfd fds[2] = {{out[0], POLLIN, 0}, {inotify_.stop_fd(), POLLIN, 0}};
                if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
                if (fds[1].revents) break;  // the app is closing: the build goes on without us
                const ssize_t n = read(out[0], chunk, sizeof chunk);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                if (output.size() < (size_t(4) << 20)) output.append(chunk, (size_t)n);
                partial.append(chunk, (size_t)n);
                // The latest complete line, for the banner.
                if (size_t last = partial.find_last_of('\n'); last != std::string::npos) {
                    size_t begin = partial.find_last_of('\n', last == 0 ? 0 : last - 1);
                    begin = begin == std::string::npos || begin == last ? 0 : begin + 1;
                    std::string line = partial.substr(begin, last - begin).substr(0, kMaxLine);
                    partial.erase(0, last + 1);
                    std::lock_guard lock(mutex_);
                    status_.last_line = std::move(line);
                    wake = wake_;
                }
                if (wake) wake();
            }
            close(out[0]);
            int status = 0;
            if (waitpid(pid, &status, 0) == pid) exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
    } else {
        error = std::string("cannot run the build: ") + std::strerror(errno);
    }
    if (error.empty() && exit_status != 0) {
        error = first_build_error(output);
        if (error.empty()) error = "the build failed (exit " + std::to_string(exit_status) + ")";
    }
    if (!error.empty()) std::fprintf(stderr, "imgr: build failed: %s\n", error.c_str());
    {
        std::lock_guard lock(mutex_);
        status_.running = false;
        status_.error = error;
        ++status_.finished;
        wake = wake_;
    }
    if (wake) wake();
}

}  // namespace imgr
