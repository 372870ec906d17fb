#include "imgr/driver/replay_command.h"

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/replay/replay_report.h"
#include "imgr/model/file_write.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace imgr {

std::string replay_report_refusal(const std::string& dir, const std::string& report) {
    if (report.empty()) return "";
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::weakly_canonical(dir, ec);
    const std::filesystem::path file = std::filesystem::weakly_canonical(report, ec);
    for (std::filesystem::path p = file.parent_path(); !p.empty(); p = p.parent_path()) {
        if (p == folder) return "--replay-report '" + report + "' is inside '" + dir + "': replay never writes there";
        if (p == p.parent_path()) break;
    }
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
            std::fprintf(stderr, "imgr: replay report saved to %s\n", options.replay_report.c_str());
        } else {
            std::fprintf(stderr, "%s: %s\n", program.c_str(), written.error.c_str());
            exit_code = exit_code == 0 ? 1 : exit_code;
        }
    }
    return exit_code;
}

}  // namespace imgr
