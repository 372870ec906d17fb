// Runs other programs and measures them from outside, as /usr/bin/time -v
// and top would (benchmarks 3 and 4).
//
//   bench_process startup RUNS NAME "COMMAND ARGS" [NAME "COMMAND ARGS"]...
//       Runs each command RUNS times, interleaved, each to its exit; prints the
//       median wall time from fork to exit and the median peak RSS (wait4's
//       ru_maxrss). The first program is the baseline the others compare with.
//   bench_process headless RUNS NAME "COMMAND ARGS"
//       Runs the command RUNS times in a visible window and RUNS times with
//       --headless added, interleaved; prints the median wall time and peak RSS
//       of each side by side, and their ratio (benchmark 7: a hidden window
//       must cost what a visible one costs).
//   bench_process idle SETTLE SECONDS NAME "COMMAND ARGS" [NAME "COMMAND ARGS"]...
//       Starts every command, waits SETTLE seconds, then reads utime+stime
//       from /proc/PID/stat over SECONDS seconds: CPU used with no input, in
//       percent of one core. Then ends them (SIGTERM).
//
// Commands are split on spaces (no quoting); their output goes to /dev/null
// unless BENCH_VERBOSE is set.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Program {
    std::string name;
    std::vector<std::string> argv;
};

std::vector<std::string> split(const std::string& command) {
    std::vector<std::string> out;
    std::istringstream in(command);
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

pid_t spawn(const Program& program) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    if (!std::getenv("BENCH_VERBOSE")) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
    }
    std::vector<char*> args;
    for (const std::string& a : program.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void row(const std::string& benchmark, const std::string& what, const std::string& figure, const std::string& value) {
    std::printf("| %s | %s | %s | %s |\n", benchmark.c_str(), what.c_str(), figure.c_str(), value.c_str());
    std::fflush(stdout);
}

std::string fmt(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::vector<Program> programs(int argc, char** argv, int first) {
    std::vector<Program> out;
    for (int i = first; i + 1 < argc; i += 2) out.push_back({argv[i], split(argv[i + 1])});
    return out;
}

// Runs every program RUNS times, interleaved, each to its exit: wall ms and peak RSS MiB of the runs that exited 0.
struct Runs {
    std::vector<std::vector<double>> wall, rss;
    std::vector<int> failures;
};
Runs run_interleaved(int runs, const std::vector<Program>& list) {
    Runs out{std::vector<std::vector<double>>(list.size()), std::vector<std::vector<double>>(list.size()),
             std::vector<int>(list.size(), 0)};
    for (int run = 0; run < runs; ++run)
        for (size_t p = 0; p < list.size(); ++p) {
            const auto start = Clock::now();
            const pid_t pid = spawn(list[p]);
            int status = 0;
            rusage usage{};
            wait4(pid, &status, 0, &usage);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                ++out.failures[p];
                continue;
            }
            out.wall[p].push_back(ms);
            out.rss[p].push_back((double)usage.ru_maxrss / 1024.0);  // KiB -> MiB
        }
    for (size_t p = 0; p < list.size(); ++p)
        if (out.failures[p])
            std::fprintf(stderr, "bench_process: %s failed %d of %d runs (run with BENCH_VERBOSE=1 to see why)\n",
                         list[p].name.c_str(), out.failures[p], runs);
    return out;
}

int startup(int runs, const std::vector<Program>& list) {
    const Runs measured = run_interleaved(runs, list);
    const auto& wall = measured.wall;
    const auto& rss = measured.rss;
    for (size_t p = 0; p < list.size(); ++p) {
        if (wall[p].empty()) {
            row("4 start-up", list[p].name, "start to exit after 1 frame, ms (median)", "failed");
            continue;
        }
        std::vector<double> sorted = wall[p];
        std::sort(sorted.begin(), sorted.end());
        row("4 start-up", list[p].name, "start to exit after 1 frame, ms (median / min)",
            fmt("%.0f", median(wall[p])) + " / " + fmt("%.0f", sorted.front()));
        row("4 start-up", list[p].name, "peak RSS, MiB (median)", fmt("%.1f", median(rss[p])));
        if (p > 0 && !wall[0].empty()) {
            row("4 start-up", list[p].name + " vs " + list[0].name, "start-up ratio",
                fmt("%.2f", median(wall[p]) / median(wall[0])));
            row("4 start-up", list[p].name + " vs " + list[0].name, "extra peak RSS, MiB",
                fmt("%+.1f", median(rss[p]) - median(rss[0])));
        }
    }
    return 0;
}

int headless_vs_visible(int runs, const Program& program) {
    Program headless = program;
    headless.argv.push_back("--headless");
    const Runs measured = run_interleaved(runs, {program, headless});
    if (measured.wall[0].empty() || measured.wall[1].empty()) {
        row("7 headless", program.name, "wall s and peak RSS MiB, visible / headless", "failed");
        return 0;
    }
    const double wall_visible = median(measured.wall[0]) / 1000, wall_headless = median(measured.wall[1]) / 1000;
    const double rss_visible = median(measured.rss[0]), rss_headless = median(measured.rss[1]);
    const std::string runs_text = " (median of " + std::to_string(runs) + ")";
    row("7 headless", program.name, "wall s, visible / headless" + runs_text,
        fmt("%.2f", wall_visible) + " / " + fmt("%.2f", wall_headless));
    row("7 headless", program.name, "peak RSS MiB, visible / headless" + runs_text,
        fmt("%.1f", rss_visible) + " / " + fmt("%.1f", rss_headless));
    row("7 headless", program.name, "ratio headless/visible: time, peak RSS",
        fmt("%.2f", wall_headless / wall_visible) + ", " + fmt("%.2f", rss_headless / rss_visible));
    return 0;
}

// utime + stime of a process, in clock ticks; -1 when it is gone.
long long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) return -1;
    // Fields after the command name, which is in parentheses and may hold spaces.
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {  // field 3 is the state
        if (i == 14) utime = std::atoll(field.c_str());
        if (i == 15) stime = std::atoll(field.c_str());
    }
    return utime + stime;
}

int idle(double settle, double seconds, const std::vector<Program>& list) {
    std::vector<pid_t> pids;
    for (const Program& p : list) pids.push_back(spawn(p));
    std::this_thread::sleep_for(std::chrono::duration<double>(settle));
    std::vector<long long> before;
    for (pid_t pid : pids) before.push_back(cpu_ticks(pid));
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double tick = (double)sysconf(_SC_CLK_TCK);
    for (size_t p = 0; p < list.size(); ++p) {
        const long long after = cpu_ticks(pids[p]);
        const std::string what = list[p].name + ", " + fmt("%.0f", seconds) + " s without input";
        if (before[p] < 0 || after < 0) {
            std::fprintf(stderr, "bench_process: %s exited early (run with BENCH_VERBOSE=1 to see why)\n",
                         list[p].name.c_str());
            row("3 idle", what, "CPU, % of one core", "exited early");
            continue;
        }
        const double percent = 100.0 * (double)(after - before[p]) / tick / elapsed;
        row("3 idle", what, "CPU, % of one core", fmt("%.2f", percent));
    }
    for (pid_t pid : pids) kill(pid, SIGTERM);
    for (pid_t pid : pids) {
        // A program that ignores SIGTERM gets SIGKILL after a second.
        int status = 0;
        for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 5 && !std::strcmp(argv[1], "startup")) return startup(std::atoi(argv[2]), programs(argc, argv, 3));
    if (argc == 5 && !std::strcmp(argv[1], "headless"))
        return headless_vs_visible(std::atoi(argv[2]), Program{argv[3], split(argv[4])});
    if (argc >= 6 && !std::strcmp(argv[1], "idle"))
        return idle(std::atof(argv[2]), std::atof(argv[3]), programs(argc, argv, 4));
    std::fprintf(stderr,
                 "usage: bench_process startup RUNS NAME \"COMMAND\" [NAME \"COMMAND\"]...\n"
                 "       bench_process headless RUNS NAME \"COMMAND\"\n"
                 "       bench_process idle SETTLE_S SECONDS NAME \"COMMAND\" [NAME \"COMMAND\"]...\n");
    return 2;
}
