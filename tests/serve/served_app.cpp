#include "serve/served_app.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace imgr::test {

int free_tcp_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(fd, (sockaddr*)&address, sizeof address);
    getsockname(fd, (sockaddr*)&address, &length);
    close(fd);
    return ntohs(address.sin_port);
}

ServedApp::ServedApp(std::vector<std::string> argv, const std::vector<std::string>& env) {
    port_ = free_tcp_port();
    argv.push_back("--serve");
    argv.push_back("127.0.0.1:" + std::to_string(port_));
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        for (const std::string& assignment : env) {
            const auto eq = assignment.find('=');
            const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
            if (value.empty())
                unsetenv(name.c_str());
            else
                setenv(name.c_str(), value.c_str(), 1);
        }
        std::vector<char*> args;
        for (std::string& a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    output_fd_ = fds[0];
    fcntl(output_fd_, F_SETFL, O_NONBLOCK);
    for (int i = 0; i < 200 && !serving_ && alive(); ++i) {
        read_output(100);
        serving_ = output_.find("imgr: serving on") != std::string::npos;
    }
}

ServedApp::~ServedApp() {
    if (alive()) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (output_fd_ >= 0) close(output_fd_);
}

void ServedApp::read_output(int wait_ms) {
    if (output_fd_ < 0) return;
    pollfd fd{output_fd_, POLLIN, 0};
    if (poll(&fd, 1, wait_ms) <= 0) return;
    char buffer[4096];
    ssize_t n;
    while ((n = read(output_fd_, buffer, sizeof buffer)) > 0) output_.append(buffer, (size_t)n);
}

const std::string& ServedApp::output() {
    read_output(0);
    return output_;
}

int ServedApp::http_port() const {
    const auto at = output_.find("http://127.0.0.1:");
    return at == std::string::npos ? 0 : std::atoi(output_.c_str() + at + 17);
}

bool ServedApp::alive() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

int ServedApp::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGINT);
    return wait_for_exit(20);
}

int ServedApp::wait_for_exit(int seconds) {
    if (pid_ <= 0) return -1;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        read_output(100);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // poll returns at once at the pipe's end
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            read_output(0);
            if (WIFSIGNALED(status)) output_ += "[ended by signal " + std::to_string(WTERMSIG(status)) + "]\n";
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
    }
    output_ += "[still running after " + std::to_string(seconds) + " s]\n";
    return -1;
}

double process_cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    const auto close_paren = text.rfind(')');
    if (close_paren == std::string::npos) return 0;
    std::istringstream fields(text.substr(close_paren + 2));
    std::string field;
    long user = 0, system = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {  // utime and stime are fields 14 and 15
        if (i == 14) user = std::stol(field);
        if (i == 15) system = std::stol(field);
    }
    return double(user + system) / (double)sysconf(_SC_CLK_TCK);
}

double ServedApp::cpu_seconds() const { return process_cpu_seconds(pid_); }

}  // namespace imgr::test
