#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace imgr::test {

ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          int timeout_seconds, const ChildSetup& setup) {
    ProcessResult result;
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return result;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_fds[1], 1);
        dup2(pipe_fds[1], 2);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        for (const std::string& assignment : env) {
            auto eq = assignment.find('=');
            std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
            if (value.empty())
                unsetenv(name.c_str());
            else
                setenv(name.c_str(), value.c_str(), 1);
        }
        if (setup) {
            if (const std::string why = setup(); !why.empty()) {
                const std::string line = why + "\n";
                (void)!write(2, line.data(), line.size());
                _exit(kChildSetupFailed);
            }
        }
        std::vector<char*> args;
        for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    char buffer[4096];
    for (;;) {
        pollfd fd{pipe_fds[0], POLLIN, 0};
        int ready = poll(&fd, 1, 100);
        if (ready > 0) {
            ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
            if (n <= 0) break;
            result.output.append(buffer, (size_t)n);
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            result.output += "\n[killed: timeout]";
            break;
        }
    }
    close(pipe_fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.peak_rss_kb = usage.ru_maxrss;
    return result;
}

}  // namespace imgr::test
