#include "imgr/driver/replay_command.h"

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/replay/replay_report.h"
#include "imgr/model/file_write.h"

#include <cstdio>
#include <filesystem>
#include <optional>

#include <sys/stat.h>

namespace imgr {

namespace {

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// Whether `path` or a folder above it is `folder` itself, by device and inode:
// a bind mount, a symlink or another spelling of the folder is still the folder.
bool is_within(const struct stat& folder, std::filesystem::path path) {
    for (;;) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && same_file(st, folder)) return true;
        if (path == path.parent_path() || path.empty()) return false;
        path = path.parent_path();
    }
}

}  // namespace

std::string replay_report_refusal(const std::string& dir, const std::string& report) {
    if (report.empty()) return "";
    struct stat folder {};
    if (::stat(dir.c_str(), &folder) != 0) return "";  // not a folder: the replay says so
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(report, ec);
    // Both the path as written (its folders looked up one by one) and with its symlinks resolved.
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, ec);
    if (is_within(folder, absolute.parent_path()) || (!ec && is_within(folder, resolved.parent_path())))
        return "--replay-report '" + report + "' is inside '" + dir + "': replay never writes there";
    return "";
}

int run_replay_command(const Blocks& app, const CommandLine& options, const std::string& program) {
    std::string why;
    const std::optional<ReplaySpec> spec = BlocksAccess::replay_spec(app, why);
    if (!spec) {
        std::fprintf(stderr, "%s: cannot replay: %s\n", program.c_str(), why.c_str());
        return 2;
    }
    if (const std::string refusal = replay_report_refusal(options.replay, options.replay_report); !refusal.empty()) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), refusal.c_str());
        return 2;
    }
    std::optional<ReplayReport> report;
    if (!options.replay_report.empty()) report.emplace(program + " --replay " + options.replay);
    ReplayOptions replay_options;
    replay_options.compare.tolerance = options.replay_tolerance;
    replay_options.with_values = report.has_value();
    replay_options.on_row = [&](const ReplayRow& row) {
        std::printf("%s\n", format_replay_row(row).c_str());
        std::fflush(stdout);
        if (report) report->add(row);
    };
    const ReplaySummary summary = run_replay(*spec, options.replay, replay_options);
    if (!summary.error.empty()) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), summary.error.c_str());
        return 2;
    }
    std::printf("%s\n", format_replay_summary(summary).c_str());
    std::fflush(stdout);
    int exit_code = summary.exit_code();
    if (report) {
        const std::string page = report->html(summary);
        const IoResult written =
            write_file_atomically(options.replay_report, page.data(), page.size(), Durability::NoFsync);
        if (written) {
            std::fprintf(stderr, "imgr: replay report saved to %s (%s)\n", options.replay_report.c_str(),
                         format_page_size(page.size()).c_str());
        } else {
            std::fprintf(stderr, "%s: %s\n", program.c_str(), written.error.c_str());
            exit_code = exit_code == 0 ? 1 : exit_code;
        }
    }
    return exit_code;
}

}  // namespace imgr
