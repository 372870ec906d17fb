// Runs a child process for end-to-end tests and collects its exit code, stderr and peak memory.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace imgr::test {

struct ProcessResult {
    int exit_code = -1;     // -1: did not exit normally (signal, timeout)
    std::string output;     // stdout and stderr, interleaved
    long peak_rss_kb = 0;   // the child's peak resident memory (wait4's ru_maxrss)
};

// What the child does before exec (enter namespaces, mount, ...): "" to go on, or why it
// cannot, which the child prints to its output and then exits with kChildSetupFailed.
using ChildSetup = std::function<std::string()>;
inline constexpr int kChildSetupFailed = 125;  // as env(1) and unshare(1) say a failure of their own

// Runs argv with extra environment assignments ("NAME=value"; "NAME=" unsets).
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                          int timeout_seconds = 60, const ChildSetup& setup = {});

}  // namespace imgr::test
