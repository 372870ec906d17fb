// Apps as processes replaying folders they flagged themselves (through a
// demo script in a real window): the lines, the closing line and the exit
// codes a shell sees; hand-edited outputs; bad rows; a read-only folder; the
// report; a Blocks app with and without demo.replay_with.
#include <doctest/doctest.h>
#include <imgr/model/image_io.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "faults/read_only_folder.h"
#include "support/process.h"

using imgr::test::run_process;
namespace fs = std::filesystem;

namespace {

fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::path(IMGR_TEST_TMP) / (name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// What replay printed: the row lines and the summary, without imgr's own notes on stderr.
std::vector<std::string> replay_lines(const std::string& output) {
    std::vector<std::string> lines;
    for (const std::string& line : lines_of(output))
        if (line.starts_with("row ") || line.starts_with("replay: ")) lines.push_back(line);
    return lines;
}

// Every file under a folder with its content: proof that nothing was written there.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        files[fs::relative(entry.path(), dir).string()] = entry.is_regular_file() ? read_file(entry.path()) : "<dir>";
    return files;
}

// Three rows flagged by the calculator sample itself, through its buttons.
fs::path flag_calculator_rows(const fs::path& work) {
    const fs::path flags = work / "flagged";
    write_file(work / "flag.script",
               "click \"5, add, 7\"\nclick \"Submit\"\nexpect \"Output\" 12\nclick \"Flag as other\"\nwait idle\n"
               "set \"operation\" \"subtract\"\nclick \"Submit\"\nexpect \"Output\" -2\n"
               "click \"Flag as wrong sign\"\nwait idle\n"
               "click \"6, subtract, 1.5\"\nclick \"Submit\"\nexpect \"Output\" 4.5\n"
               "click \"Flag as off by one\"\nwait idle\n");
    const auto flagged = run_process({CALCULATOR_OPTIONS_EXE, "--headless", "--pace", "fast", "--script",
                                      (work / "flag.script").string(), "--flagging-dir", flags.string()});
    INFO(flagged.output);
    REQUIRE(flagged.exit_code == 0);
    REQUIRE(fs::exists(flags / "logs.csv"));
    return flags;
}

imgr::test::ProcessResult replay(const fs::path& dir, std::vector<std::string> more = {},
                                 const char* exe = CALCULATOR_OPTIONS_EXE) {
    std::vector<std::string> argv = {exe, "--headless", "--replay", dir.string()};
    argv.insert(argv.end(), more.begin(), more.end());
    return run_process(argv);
}

// Sets the Output cell (4th column) of the CSV's data row `row` (1-based), as a person editing the file would.
void edit_output(const fs::path& csv, int row, const std::string& value) {
    std::vector<std::string> lines = lines_of(read_file(csv));
    std::string& line = lines.at((size_t)row);
    size_t start = 0;
    for (int comma = 0; comma < 3; ++comma) start = line.find(',', start) + 1;
    line = line.substr(0, start) + value + line.substr(line.find(',', start));
    std::string text;
    for (const std::string& l : lines) text += l + "\n";
    write_file(csv, text);
}

}  // namespace

TEST_CASE("calculator_options replays the rows it flagged: unchanged, exit 0, then hand-edited rows named, exit 1") {
    const fs::path work = temp_folder("calc");
    const fs::path flags = flag_calculator_rows(work);
    const auto same = replay(flags);
    INFO(same.output);
    CHECK(same.exit_code == 0);
    CHECK(replay_lines(same.output) == std::vector<std::string>{
                                           "row 1 (other): unchanged", "row 2 (wrong sign): unchanged",
                                           "row 3 (off by one): unchanged",
                                           "replay: 3 rows, 3 unchanged, 0 changed, 0 failed, 0 unreadable"});
    CHECK(lines_of(same.output).back().starts_with("replay: "));  // alone, on the last line

    edit_output(flags / "logs.csv", 1, "13");
    edit_output(flags / "logs.csv", 3, "4.50000001");  // within --replay-tolerance 1e-6, not within 1e-9
    const auto edited = replay(flags);
    INFO(edited.output);
    CHECK(edited.exit_code == 1);
    CHECK(replay_lines(edited.output) == std::vector<std::string>{
                                             "row 1 (other): changed: Output 13 -> 12", "row 2 (wrong sign): unchanged",
                                             "row 3 (off by one): changed: Output 4.50000001 -> 4.5",
                                             "replay: 3 rows, 1 unchanged, 2 changed, 0 failed, 0 unreadable"});
    const auto tolerant = replay(flags, {"--replay-tolerance", "1e-6"});
    CHECK(tolerant.exit_code == 1);
    CHECK(replay_lines(tolerant.output).back() == "replay: 3 rows, 2 unchanged, 1 changed, 0 failed, 0 unreadable");
}

TEST_CASE("bad rows are reported unreadable with FILE:LINE while the others run, a throwing row fails") {
    const fs::path work = temp_folder("bad");
    const fs::path flags = flag_calculator_rows(work);
    std::ofstream(flags / "logs.csv", std::ios::app) << "4,divide,0,1,other,t\n"  // throws
                                                     << "1,add\n"                 // wrong column count
                                                     << "x,add,1,2,other,t\n"     // not a number
                                                     << "1,add,1,2,oth";          // cut short
    const auto result = replay(flags);
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(replay_lines(result.output) ==
          std::vector<std::string>{"row 1 (other): unchanged", "row 2 (wrong sign): unchanged",
                                   "row 3 (off by one): unchanged", "row 4 (other): failed: Cannot divide by zero!",
                                   "row 5: unreadable: logs.csv:6: 2 columns where the header has 6",
                                   "row 6 (other): unreadable: logs.csv:7: column \"num1\": 'x' is not a value a Number can take",
                                   "row 7: unreadable: logs.csv:8: the row is cut short: 5 columns where the header has 6",
                                   "replay: 7 rows, 3 unchanged, 0 changed, 1 failed, 3 unreadable"});
}

#ifdef CALCULATOR_REVIEW_EXE
TEST_CASE("calculator_review replays against the person's correction and ends the line with the note") {
    const fs::path work = temp_folder("review");
    const fs::path flags = work / "flagged";
    write_file(work / "flag.script",
               "click \"5, add, 7\"\nset \"operation\" \"subtract\"\nclick \"Submit\"\nexpect \"Output\" -2\n"
               "click \"Flag as wrong sign\"\nwait idle\n"
               "set \"Correct Output\" true\nset \"Output (corrected)\" 2\nset \"Note\" \"5 - 7 should be 2?\"\n"
               "click \"Flag as other\"\nwait idle\n");
    const auto flagged = run_process({CALCULATOR_REVIEW_EXE, "--headless", "--pace", "fast", "--script",
                                      (work / "flag.script").string(), "--flagging-dir", flags.string()});
    INFO(flagged.output);
    REQUIRE(flagged.exit_code == 0);
    const auto result = replay(flags, {}, CALCULATOR_REVIEW_EXE);
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(replay_lines(result.output) ==
          std::vector<std::string>{"row 1 (wrong sign): unchanged",
                                   "row 2 (other): changed: Output (corrected) 2 -> -2 (note: 5 - 7 should be 2?)",
                                   "replay: 2 rows, 1 unchanged, 1 changed, 0 failed, 0 unreadable"});
}
#endif

TEST_CASE("exit 2 when the folder holds no flagged data, saying why") {
    const fs::path work = temp_folder("empty");
    const auto empty = replay(work);
    CHECK(empty.exit_code == 2);
    CHECK(empty.output.find("holds no flagged data") != std::string::npos);
    const auto missing = replay(work / "missing");
    CHECK(missing.exit_code == 2);
    CHECK(missing.output.find("not a folder of flagged data") != std::string::npos);
    const auto bad_tolerance = run_process({CALCULATOR_OPTIONS_EXE, "--replay", work.string(), "--replay-tolerance", "x"});
    CHECK(bad_tolerance.exit_code == 2);
    CHECK(bad_tolerance.output.find("--replay-tolerance needs a number") != std::string::npos);
}

TEST_CASE("replay never writes into DIR: a read-only folder replays, a report inside DIR is refused") {
    const fs::path work = temp_folder("readonly");
    const fs::path flags = flag_calculator_rows(work);
    imgr::test::ReadOnlyFolder folder;
    if (!folder.available()) {
        MESSAGE("skipped: " << folder.why_not());
        return;
    }
    MESSAGE("read-only folder made by " << folder.how());
    fs::copy(flags, folder.path(), fs::copy_options::recursive);
    REQUIRE(folder.set_read_only(true).empty());
    const auto before = snapshot(folder.path());
    const auto result = replay(folder.path(), {"--replay-report", (work / "report.html").string()});
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(replay_lines(result.output).back() == "replay: 3 rows, 3 unchanged, 0 changed, 0 failed, 0 unreadable");
    CHECK(snapshot(folder.path()) == before);
    CHECK(fs::exists(work / "report.html"));
    REQUIRE(folder.set_read_only(false).empty());
    // Writable or not, a report is never put inside DIR.
    const auto inside = replay(folder.path(), {"--replay-report", (folder.path() / "sub" / ".." / "r.html").string()});
    CHECK(inside.exit_code == 2);
    CHECK(inside.output.find("replay never writes there") != std::string::npos);
    CHECK_FALSE(fs::exists(folder.path() / "r.html"));
}

TEST_CASE("a report inside DIR is refused by identity: through a symlink or a bind mount of DIR too") {
    const fs::path work = temp_folder("alias");
    const fs::path flags = flag_calculator_rows(work);
    fs::create_directory_symlink(flags, work / "link");
    const auto linked = replay(flags, {"--replay-report", (work / "link" / "r.html").string()});
    CHECK(linked.exit_code == 2);
    CHECK(linked.output.find("replay never writes there") != std::string::npos);
    CHECK_FALSE(fs::exists(flags / "r.html"));
    // A bind mount has a name of its own; only device and inode say it is DIR.
    fs::create_directories(work / "alias");
    if (::mount(flags.c_str(), (work / "alias").c_str(), nullptr, MS_BIND, nullptr) != 0) {
        MESSAGE("bind mount skipped: " << std::strerror(errno));
        return;
    }
    const auto aliased = replay(flags, {"--replay-report", (work / "alias" / "r.html").string()});
    ::umount((work / "alias").c_str());
    INFO(aliased.output);
    CHECK(aliased.exit_code == 2);
    CHECK(aliased.output.find("replay never writes there") != std::string::npos);
    CHECK_FALSE(fs::exists(flags / "r.html"));
}

TEST_CASE("flags that cannot be written are said at start-up, and lost rows make the app exit 1") {
    const fs::path work = temp_folder("lost");
    write_file(work / "flag.script", "click \"5, add, 7\"\nclick \"Submit\"\nclick \"Flag as other\"\nwait idle\n");
    const std::string dir = "/proc/imgr_flags_" + std::to_string(getpid());
    const auto result = run_process({CALCULATOR_OPTIONS_EXE, "--headless", "--pace", "fast", "--script",
                                     (work / "flag.script").string(), "--flagging-dir", dir});
    INFO(result.output);
    CHECK(result.output.find("'" + dir + "' is on /proc, a file system of the kernel") != std::string::npos);
    CHECK(result.output.find("1 flagged row(s) could not be written and are lost") != std::string::npos);
    CHECK(result.exit_code == 1);
}

TEST_CASE("the report is one static page with every row, flagged and new side by side") {
    const fs::path work = temp_folder("report");
    const fs::path flags = flag_calculator_rows(work);
    edit_output(flags / "logs.csv", 2, "2");
    const auto result = replay(flags, {"--replay-report", (work / "out.html").string()});
    CHECK(result.exit_code == 1);
    const std::string page = read_file(work / "out.html");
    for (int row = 1; row <= 3; ++row) CHECK(page.find("id=\"row-" + std::to_string(row) + "\"") != std::string::npos);
    CHECK(page.find("<section class=\"row changed\" id=\"row-2\">") != std::string::npos);
    CHECK(page.find("<details class=\"row unchanged\" id=\"row-1\">") != std::string::npos);  // folded to a line
    CHECK(page.find("<code>2</code><figcaption>flagged</figcaption>") != std::string::npos);
    CHECK(page.find("<code>-2</code> <small>(-4, -200%)</small>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("src=\"http") == std::string::npos);
    CHECK(page.find("replay: 3 rows, 2 unchanged, 1 changed, 0 failed, 0 unreadable") != std::string::npos);
}

TEST_CASE("a Blocks app replays the event it named: same model exit 0, a new model's images changed, exit 1") {
    const fs::path work = temp_folder("blocks");
    imgr::ImageBuffer card(24, 16, 3);
    for (size_t i = 0; i < card.pixel_count() * 3; ++i) card.mutable_u8()[i] = (uint8_t)(i * 7);
    REQUIRE(imgr::save_png((work / "card.png").string(), card, imgr::Durability::NoFsync));
    write_file(work / "flag.script",
               "upload \"Input image\" \"card.png\"\nwait idle\nclick \"Flag\"\nwait idle\n"
               "set \"strength\" 1\nwait idle\nclick \"Flag\"\nwait idle\n");
    const fs::path flags = work / "flags";
    const auto flagged = run_process({REPLAY_APP, "--headless", "--pace", "fast", "--script",
                                      (work / "flag.script").string(), "--flagging-dir", flags.string()});
    INFO(flagged.output);
    REQUIRE(flagged.exit_code == 0);

    const auto same = replay(flags, {}, REPLAY_APP);
    INFO(same.output);
    CHECK(same.exit_code == 0);
    CHECK(replay_lines(same.output) == std::vector<std::string>{"row 1: unchanged", "row 2: unchanged",
                                                                "replay: 2 rows, 2 unchanged, 0 changed, 0 failed, 0 unreadable"});
    const auto v2 = replay(flags, {"--model", "v2", "--replay-report", (work / "v2.html").string()}, REPLAY_APP);
    INFO(v2.output);
    CHECK(v2.exit_code == 1);
    const std::vector<std::string> lines = replay_lines(v2.output);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].starts_with("row 1: changed: Output image max difference"));
    CHECK(lines[1].starts_with("row 2: changed: Output image max difference"));
    CHECK(lines[2] == "replay: 2 rows, 0 unchanged, 2 changed, 0 failed, 0 unreadable");
    // The report shows the images themselves: input, flagged and new output of each row, and their difference.
    const std::string page = read_file(work / "v2.html");
    size_t images = 0;
    for (size_t at = page.find("src=\"data:image/png;base64,"); at != std::string::npos;
         at = page.find("src=\"data:image/png;base64,", at + 1))
        ++images;
    CHECK(images == 8);

    fs::remove(flags / "Input image" / "0.png");
    const auto missing = replay(flags, {}, REPLAY_APP);
    CHECK(missing.exit_code == 1);
    CHECK(replay_lines(missing.output).at(0).starts_with(
        "row 1: unreadable: logs.csv:2: column \"Input image\": cannot load the flagged image"));
    CHECK(replay_lines(missing.output).at(1) == "row 2: unchanged");
}

TEST_CASE("a Blocks app that never named its replayed event is told how, exit 2") {
    const fs::path work = temp_folder("unnamed");
    write_file(work / "logs.csv", "Input image,strength,Output image,timestamp\n");
    const auto result = replay(work, {"--no-replay-with"}, REPLAY_APP);
    CHECK(result.exit_code == 2);
    CHECK(result.output.find("demo.replay_with(event, {flagged components})") != std::string::npos);
}

TEST_CASE("in a window, --replay runs in the Replay panel: the same lines and exit code, a row loads into the demo") {
    const fs::path work = temp_folder("window");
    const fs::path flags = flag_calculator_rows(work);
    edit_output(flags / "logs.csv", 2, "2");
    write_file(work / "load.script",
               "wait idle\n"
               "expect \"Replayed rows\" {\"headers\":[\"row\",\"status\",\"flag\",\"what\",\"note\",\"where\"],\"data\":["
               "[1,\"unchanged\",\"other\",\"\",\"\",\"logs.csv:2\"],"
               "[2,\"✗ changed\",\"wrong sign\",\"Output 2 -> -2\",\"\",\"logs.csv:3\"],"
               "[3,\"unchanged\",\"off by one\",\"\",\"\",\"logs.csv:4\"]]}\n"
               "set \"Replayed row\" \"#3: unchanged (off by one)\"\n"
               "click \"Load the row into the demo\"\nwait idle\n"
               "expect \"num1\" 6\nexpect \"operation\" \"subtract\"\nexpect \"num2\" 1.5\n");
    // Without --headless: the window (under Xvfb) with its Replay panel.
    const auto result = run_process({CALCULATOR_OPTIONS_EXE, "--pace", "fast", "--replay", flags.string(),
                                     "--script", (work / "load.script").string()});
    INFO(result.output);
    CHECK(result.exit_code == 1);  // the replay found a change...
    CHECK(result.output.find("every expectation held") != std::string::npos);  // ...while the script's expects held
    CHECK(replay_lines(result.output) == std::vector<std::string>{
                                             "row 1 (other): unchanged", "row 2 (wrong sign): changed: Output 2 -> -2",
                                             "row 3 (off by one): unchanged",
                                             "replay: 3 rows, 2 unchanged, 1 changed, 0 failed, 0 unreadable"});
}

TEST_CASE("a Blocks app without a Replay panel gets one at the end of its window with --replay DIR") {
    const fs::path work = temp_folder("blocks_window");
    imgr::ImageBuffer card(24, 16, 3);
    for (size_t i = 0; i < card.pixel_count() * 3; ++i) card.mutable_u8()[i] = (uint8_t)(i * 5);
    REQUIRE(imgr::save_png((work / "card.png").string(), card, imgr::Durability::NoFsync));
    write_file(work / "flag.script", "upload \"Input image\" \"card.png\"\nwait idle\nclick \"Flag\"\nwait idle\n");
    const fs::path flags = work / "flags";
    REQUIRE(run_process({REPLAY_APP, "--headless", "--pace", "fast", "--script", (work / "flag.script").string(),
                         "--flagging-dir", flags.string()})
                .exit_code == 0);
    write_file(work / "check.script",
               "wait idle\nexpect \"Replayed row\" \"\"\nset \"Replayed row\" \"#1: changed\"\n"
               "click \"Load the row into the demo\"\nwait idle\nexpect \"Input image\" [24, 16, 3]\n");
    const auto result = run_process({REPLAY_APP, "--model", "v2", "--pace", "fast", "--replay", flags.string(),
                                     "--script", (work / "check.script").string(), "--screenshot",
                                     (work / "panel.png").string()});
    INFO(result.output);
    CHECK(result.exit_code == 1);  // the replay's code: the new model changed the row
    CHECK(result.output.find("every expectation held") != std::string::npos);
    CHECK(replay_lines(result.output).back() == "replay: 1 rows, 0 unchanged, 1 changed, 0 failed, 0 unreadable");
    CHECK(fs::exists(work / "panel.png"));
    // Without replay_with, the window is not even opened.
    const auto unnamed = run_process({REPLAY_APP, "--no-replay-with", "--replay", flags.string()});
    CHECK(unnamed.exit_code == 2);
    CHECK(unnamed.output.find("cannot replay") != std::string::npos);
}
