#include "imgr/platform/private_display.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace imgr {

bool PrivateDisplay::needed() {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return !(display && *display) && !(wayland && *wayland);
}

IoResult PrivateDisplay::start(int width, int height) {
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) return IoResult::failure("cannot start Xvfb: no pipe");
    const std::string screen = std::to_string(std::max(width, 1920)) + "x" + std::to_string(std::max(height, 1080)) + "x24";
    // Everything the child needs is made before fork(): a copy of a threaded
    // process may only call async-signal-safe functions (no allocation) until exec.
    const std::string fd_text = std::to_string(ready[1]);  // the descriptor Xvfb writes its display number on
    std::vector<std::string> args = {"Xvfb", "-displayfd", fd_text, "-screen", "0", screen, "-nolisten", "tcp", "-noreset"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);  // the app killed: Xvfb ends too
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        if (fcntl(ready[1], F_SETFD, 0) != 0) _exit(127);  // kept open across exec, for Xvfb
        execvp("Xvfb", argv.data());
        _exit(127);
    }
    close(ready[1]);
    std::string number;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (number.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd fd{ready[0], POLLIN, 0};
        if (poll(&fd, 1, 100) <= 0) continue;
        char buffer[32];
        const ssize_t got = read(ready[0], buffer, sizeof buffer);
        if (got <= 0) break;  // Xvfb is gone (not installed: exec failed)
        number.append(buffer, (size_t)got);
    }
    close(ready[0]);
    if (number.find('\n') == std::string::npos) {
        stop();
        return IoResult::failure("no X display (DISPLAY is not set) and Xvfb could not be started: "
                                 "apt-get install xvfb, or run under xvfb-run -a");
    }
    number.erase(number.find('\n'));
    setenv("DISPLAY", (":" + number).c_str(), 1);
    return IoResult::success();
}

void PrivateDisplay::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    unsetenv("DISPLAY");
}

}  // namespace imgr
