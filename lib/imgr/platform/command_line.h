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
    bool serve = false;          // --serve [HOST:]PORT: show and drive the app through VNC and a browser (docs/remote.md)
    std::string serve_host = "127.0.0.1";
    int serve_port = 5900;
    std::string serve_password;  // --serve-password FILE: VNC authentication, the password read from FILE
    bool serve_view_only = false;  // --serve-view-only: viewers watch, nobody acts
    bool watch = false;          // --watch: reload when the executable is rebuilt, keeping the person's state (docs/watch.md)
    std::string watch_build;     // --watch-build CMD: run CMD when a source is saved (implies --watch)
    std::string watch_sources;   // --watch-sources DIR: the sources --watch-build follows (default: app_source_dir(), else the current folder)
};

// True for an address only this machine can reach (127.x.x.x, localhost, ::1).
bool is_loopback_host(const std::string& host);

struct CommandLineResult {
    CommandLine options;
    std::string error;           // non-empty: print it and the usage, exit 2
};

CommandLineResult parse_command_line(int argc, const char* const* argv);
CommandLineResult parse_command_line(const std::vector<std::string>& args);  // without argv[0]
std::string usage(const std::string& program_name);

}  // namespace imgr
