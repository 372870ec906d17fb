// `--replay DIR` (docs/replay.md): every flagged row of DIR run again and
// compared, one line a row on stdout in flagged order, then the summary line
// alone; `--replay-report FILE.html` also writes the page. Exit 0 when every
// row read, ran and matched, 1 otherwise, 2 when DIR holds no flagged data or
// the app cannot replay. Nothing is written into DIR.
#pragma once
#include "imgr/engine/app/blocks.h"
#include "imgr/platform/command_line.h"

#include <string>

namespace imgr {

int run_replay_command(const Blocks& app, const CommandLine& options, const std::string& program);

// Why `report` may not be written when replaying `dir` ("" when it may): it would be inside DIR.
std::string replay_report_refusal(const std::string& dir, const std::string& report);

}  // namespace imgr
