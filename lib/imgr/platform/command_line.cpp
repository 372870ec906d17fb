#include "imgr/platform/command_line.h"

#include <charconv>
#include <functional>
#include <map>

namespace imgr {
namespace {

bool parse_int(const std::string& text, int& out, int min_value) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min_value) return false;
    out = value;
    return true;
}

bool parse_size(const std::string& text, int& width, int& height) {
    auto x = text.find_first_of("xX");
    if (x == std::string::npos) return false;
    return parse_int(text.substr(0, x), width, 1) && parse_int(text.substr(x + 1), height, 1) &&
           width <= 16384 && height <= 16384;
}

bool parse_tolerance(const std::string& text, double& out) {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1)) return false;
    out = value;
    return true;
}

// "PORT", "HOST:PORT" or "HOST" (then port 5900).
bool parse_serve_address(const std::string& text, std::string& host, int& port) {
    if (text.empty()) return false;
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        if (text.find_first_not_of("0123456789") == std::string::npos) return parse_int(text, port, 1) && port <= 65535;
        host = text;
        return true;
    }
    host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return !host.empty() && parse_int(text.substr(colon + 1), port, 1) && port <= 65535;
}

// A server others can reach must ask for a password; said before anything opens.
std::string serve_refusal(const CommandLine& o) {
    if (!o.serve) {
        if (!o.serve_password.empty()) return "--serve-password needs --serve";
        if (o.serve_view_only) return "--serve-view-only needs --serve";
        return {};
    }
    if (!is_loopback_host(o.serve_host) && o.serve_password.empty())
        return "--serve " + o.serve_host + ":" + std::to_string(o.serve_port) +
               " is reachable from other machines: it needs --serve-password FILE. VNC authentication is not "
               "encryption; across networks, serve on 127.0.0.1 and use an SSH tunnel (docs/remote.md)";
    return {};
}

}  // namespace

bool is_loopback_host(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string usage(const std::string& program_name) {
    return "Usage: " + program_name + " [options]\n"
        "  --script FILE        run a demo script; exit 0 if every expect held, 1 if one\n"
        "                       failed, 2 for a script error\n"
        "  --screenshot FILE    after the script (or the first idle frame), save the window\n"
        "                       as PNG and exit\n"
        "  --record PATH        record every frame: a folder gets frame_000000.png...;\n"
        "                       a path ending in .mp4 or .gif is encoded through ffmpeg\n"
        "  --fps N              frame rate of the recording (fixed time step), default 30\n"
        "  --pace fast          scripted actions without the human-speed animation\n"
        "  --size WxH           window size, e.g. 1280x800\n"
        "  --flagging-dir DIR   overrides the app's flagging directory\n"
        "  --headless           no visible window (still needs an X display)\n"
        "  --frames N           draw N frames, then exit\n"
        "  --help               this list\n"
        "  --replay DIR         run every flagged row of DIR again and compare the outputs;\n"
        "                       exit 0 when none changed or failed, 1 when some did, 2 when\n"
        "                       DIR holds no flagged data or the app cannot replay\n"
        "  --replay-tolerance X relative tolerance for numbers when replaying (default 1e-9)\n"
        "  --replay-report FILE.html\n"
        "                       also write the comparison as one self-contained HTML page\n"
        "  --serve [HOST:]PORT  show and drive the app from another machine: VNC on PORT\n"
        "                       (default 127.0.0.1:5900) and noVNC in a browser on 6080 or\n"
        "                       the next free port; no display needed (docs/remote.md)\n"
        "  --serve-password FILE\n"
        "                       VNC authentication with the password in FILE; required for\n"
        "                       an address other machines can reach\n"
        "  --serve-view-only    viewers watch, nobody acts\n"
        "  --watch              when the executable is rebuilt, restart it in place and\n"
        "                       restore the values, tabs and scroll the person had\n"
        "  --watch-build CMD    with --watch: run CMD (through /bin/sh) when a source file\n"
        "                       is saved; a failing build's first error shows in the window\n"
        "  --watch-sources DIR  the folder --watch-build watches (default: the app's source folder, else the current one)\n";
}

CommandLineResult parse_command_line(const std::vector<std::string>& args) {
    CommandLineResult result;
    CommandLine& o = result.options;
    using Setter = std::function<bool(const std::string&)>;
    // Flags that take a value; each setter says whether the value was valid.
    const std::map<std::string, std::pair<Setter, const char*>> with_value = {
        {"--script", {[&](const std::string& v) { o.script = v; return !v.empty(); }, "a file"}},
        {"--screenshot", {[&](const std::string& v) { o.screenshot = v; return !v.empty(); }, "a file"}},
        {"--record", {[&](const std::string& v) { o.record = v; return !v.empty(); }, "a path"}},
        {"--fps", {[&](const std::string& v) { return parse_int(v, o.fps, 1) && o.fps <= 240; },
                   "a frame rate from 1 to 240"}},
        {"--pace", {[&](const std::string& v) { o.pace_fast = v == "fast"; return v == "fast" || v == "human"; },
                    "'fast' or 'human'"}},
        {"--size", {[&](const std::string& v) { return parse_size(v, o.width, o.height); },
                    "WIDTHxHEIGHT, e.g. 1280x800"}},
        {"--flagging-dir", {[&](const std::string& v) { o.flagging_dir = v; return !v.empty(); }, "a folder"}},
        {"--frames", {[&](const std::string& v) { return parse_int(v, o.frames, 1); }, "a positive count"}},
        {"--replay", {[&](const std::string& v) { o.replay = v; return !v.empty(); }, "a folder"}},
        {"--replay-tolerance", {[&](const std::string& v) { return parse_tolerance(v, o.replay_tolerance); },
                                "a number from 0 to 1"}},
        {"--replay-report", {[&](const std::string& v) { o.replay_report = v; return !v.empty(); }, "a file"}},
        {"--serve-password", {[&](const std::string& v) { o.serve_password = v; return !v.empty(); }, "a file"}},
        {"--watch-build", {[&](const std::string& v) { o.watch_build = v; return !v.empty(); }, "a command"}},
        {"--watch-sources", {[&](const std::string& v) { o.watch_sources = v; return !v.empty(); }, "a folder"}},
    };
    for (size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i], value;
        bool has_inline_value = false;
        if (auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            has_inline_value = true;
        }
        if (flag == "--help" || flag == "-h") { o.help = true; continue; }
        if (flag == "--headless") { o.headless = true; continue; }
        if (flag == "--serve-view-only") { o.serve_view_only = true; continue; }
        if (flag == "--serve") {  // its address is optional: the next argument is one unless it is an option
            o.serve = true;
            if (!has_inline_value && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) value = args[++i];
            else if (!has_inline_value) continue;
            if (!parse_serve_address(value, o.serve_host, o.serve_port)) {
                result.error = "--serve needs [HOST:]PORT, e.g. 127.0.0.1:5900, not '" + value + "'";
                return result;
            }
            continue;
        }
        if (flag == "--watch") { o.watch = true; continue; }
        auto it = with_value.find(flag);
        if (it == with_value.end()) {
            result.error = "unknown option '" + args[i] + "'";
            return result;
        }
        if (!has_inline_value) {
            if (i + 1 >= args.size()) {
                result.error = flag + " needs " + it->second.second;
                return result;
            }
            value = args[++i];
        }
        if (!it->second.first(value)) {
            result.error = flag + " needs " + it->second.second + ", not '" + value + "'";
            return result;
        }
    }
    if (!o.watch_sources.empty() && o.watch_build.empty()) {
        result.error = "--watch-sources needs --watch-build: it names what the build follows";
        return result;
    }
    if (!o.watch_build.empty()) o.watch = true;  // a build on save is only seen through a reload
    // A script, a recording and a replay each run one binary from start to end: a reload halfway would split them.
    for (const auto& [other, given] : {std::pair{"--script", !o.script.empty()}, std::pair{"--record", !o.record.empty()},
                                       std::pair{"--replay", !o.replay.empty()}})
        if (o.watch && given) {
            result.error = std::string("--watch cannot be used with ") + other +
                           ", which must run one binary from start to end";
            return result;
        }
    result.error = serve_refusal(o);
    return result;
}

CommandLineResult parse_command_line(int argc, const char* const* argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return parse_command_line(args);
}

}  // namespace imgr
