// A served app as a child process for the serve tests and benchmark: started
// with --serve on a free port, its stderr collected, stopped with SIGINT.
#pragma once
#include <string>
#include <sys/types.h>
#include <vector>

namespace imgr::test {

int free_tcp_port();

// User + system CPU seconds of process `pid` so far (from /proc/PID/stat); 0 when it is gone.
double process_cpu_seconds(pid_t pid);

class ServedApp {
public:
    // Starts `argv` plus --serve 127.0.0.1:PORT and waits (up to 20 s) for "imgr: serving on".
    // env: "NAME=value" assignments, "NAME=" unsets (DISPLAY= : a machine without a display).
    explicit ServedApp(std::vector<std::string> argv, const std::vector<std::string>& env = {});
    ~ServedApp();  // kills it if still running
    bool serving() const { return serving_; }
    int port() const { return port_; }
    int http_port() const;  // from the printed line, 0 when none
    bool alive() const;
    pid_t pid() const { return pid_; }
    int stop();             // SIGINT, then waits (20 s): the exit code, -1 when it did not exit normally
    // Waits (up to `seconds`) for an app that ends by itself (its script done): the exit code, -1 as above.
    // No signal: one sent while it exits would meet the default handler again and kill it.
    int wait_for_exit(int seconds = 60);
    const std::string& output();  // stderr so far
    double cpu_seconds() const;   // user + system time of the process so far (from /proc)

private:
    void read_output(int wait_ms);
    pid_t pid_ = -1;
    int output_fd_ = -1, port_ = 0;
    bool serving_ = false;
    std::string output_;
};

}  // namespace imgr::test
