// The command line every imgr app understands (docs/command-line.md).
// Parsing is separate from the window so that it is testable without one.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace imgr {

struct CommandLine {
    std::string script;          // --script FILE: run a demo script, exit with its result
    std::string screenshot;      // --screenshot FILE: save the window as PNG, then exit
    std::string record;          // --record PATH: folder of frames, or .mp4/.gif through ffmpeg
    int fps = 30;                // --fps N: recording frame rate (a fixed time step)
    bool pace_fast = false;      // --pace fast: scripted actions without animation
    int width = 0, height = 0;   // --size WxH: 0 keeps the app's default
    std::string flagging_dir;    // --flagging-dir DIR: overrides the app's flagging folder
    bool headless = false;       // --headless: no visible window (still needs an X display)
    int frames = 0;              // --frames N: draw N frames, then exit (0: until closed)
    bool help = false;           // --help: print usage and exit 0
    std::string replay;          // --replay DIR: run every flagged row of DIR again and compare (docs/replay.md)
    double replay_tolerance = 1e-9;  // --replay-tolerance X: relative tolerance for numbers
    std::string replay_report;   // --replay-report FILE.html: the comparison as one self-contained page
    bool watch = false;          // --watch: reload when the executable is rebuilt, keeping the person's state (docs/watch.md)
    std::string watch_build;     // --watch-build CMD: run CMD when a source is saved (implies --watch)
    std::string watch_sources;   // --watch-sources DIR: the sources --watch-build follows (default: the current folder)
};

struct CommandLineResult {
    CommandLine options;
    std::string error;           // non-empty: print it and the usage, exit 2
};

CommandLineResult parse_command_line(int argc, const char* const* argv);
CommandLineResult parse_command_line(const std::vector<std::string>& args);  // without argv[0]
std::string usage(const std::string& program_name);

}  // namespace imgr
