#include <doctest/doctest.h>
#include <imgr/driver/script.h>

#include <fstream>
#include <unistd.h>

using namespace imgr;
namespace fs = std::filesystem;

namespace {

const fs::path kBase = "/home/me/tours";

ScriptParseResult parse(std::string_view text) { return parse_script(text, "tour.txt", kBase); }

// The single command of a one-line script, failing the test when it does not parse.
ScriptAction only(std::string_view line) {
    auto r = parse(line);
    INFO(r.error);
    REQUIRE(r.ok());
    REQUIRE(r.commands.size() == 1);
    return r.commands[0].action;
}

std::string error_of(std::string_view text) {
    auto r = parse(text);
    CHECK_FALSE(r.ok());
    return r.error;
}

// A fresh folder per test, so parallel CTest runs never share files.
fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_driver_" + std::to_string(getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("a script of every basic command parses into one command per line, with line numbers") {
    auto r = parse(R"(set "num1" 5              # as if the user typed/dragged: fires input + change
set "operation" "add"
click "Submit"            # a button, addressed by its label
click "Flag as wrong sign"
upload "Input image" "cat.png"
wait 3                    # frames; also "wait 250ms" and "wait idle" (no event running)
expect "Output" 12        # compare a component's value; numbers within 1e-9 relative
screenshot "after.png"
quit
)");
    INFO(r.error);
    REQUIRE(r.ok());
    CHECK(r.file_name == "tour.txt");
    const std::vector<ScriptCommand> expected = {
        {1, SetCommand{"num1", 5}},
        {2, SetCommand{"operation", "add"}},
        {3, ClickCommand{"Submit"}},
        {4, ClickCommand{"Flag as wrong sign"}},
        {5, UploadCommand{"Input image", kBase / "cat.png"}},
        {6, WaitFramesCommand{3}},
        {7, ExpectCommand{"Output", 12}},
        {8, ScreenshotCommand{kBase / "after.png"}},
        {9, QuitCommand{}},
    };
    CHECK(r.commands == expected);
}

TEST_CASE("wait takes frames, milliseconds, seconds or idle") {
    CHECK(only("wait 3") == ScriptAction(WaitFramesCommand{3}));
    CHECK(only("wait 0") == ScriptAction(WaitFramesCommand{0}));
    CHECK(only("wait 250ms") == ScriptAction(WaitTimeCommand{std::chrono::milliseconds(250)}));
    CHECK(only("wait 2s") == ScriptAction(WaitTimeCommand{std::chrono::milliseconds(2000)}));
    CHECK(only("wait 0.5s") == ScriptAction(WaitTimeCommand{std::chrono::milliseconds(500)}));
    CHECK(only("wait idle") == ScriptAction(WaitIdleCommand{}));
    CHECK(only("wait idle # until the handlers are done") == ScriptAction(WaitIdleCommand{}));
}

TEST_CASE("wait until takes a label and a value, as expect does") {
    CHECK(only(R"(wait until "Phase" "training")") == ScriptAction(WaitUntilCommand{"Phase", "training"}));
    CHECK(only(R"(wait until "Step" 500 # mid-stream)") == ScriptAction(WaitUntilCommand{"Step", 500}));
    CHECK(format_command(WaitUntilCommand{"Step", 500}) == R"(wait until "Step" 500)");
    for (const char* bad : {"wait until\n", "wait until \"Step\"\n", "wait until Step 5\n", "wait until \"a\" 1 2\n"}) {
        const ScriptParseResult r = parse_script(bad, "t.txt", "/tmp");
        CHECK_MESSAGE(r.error_line == 1, bad);
    }
}

TEST_CASE("submit takes a label: Enter in that Textbox") {
    CHECK(only(R"(submit "Question")") == ScriptAction(SubmitCommand{"Question"}));
    CHECK(only(R"(submit "Question" # fires submit)") == ScriptAction(SubmitCommand{"Question"}));
    CHECK(format_command(SubmitCommand{"a \"b\""}) == R"(submit "a \"b\"")");
    const ScriptParseResult missing = parse_script("submit\n", "t.txt", "/tmp");
    CHECK(missing.error_line == 1);
    const ScriptParseResult extra = parse_script("submit \"a\" 5\n", "t.txt", "/tmp");
    CHECK(extra.error_line == 1);
}

TEST_CASE("values are any JSON") {
    auto value_of = [](std::string_view line) { return std::get<SetCommand>(only(line)).value; };
    CHECK(value_of(R"(set "x" -0.25)") == Json(-0.25));
    CHECK(value_of(R"(set "x" 1e3)") == Json(1000.0));
    CHECK(value_of(R"(set "x" true)") == Json(true));
    CHECK(value_of(R"(set "x" false)") == Json(false));
    CHECK(value_of(R"(set "x" null)").is_null());
    CHECK(value_of(R"(set "x" ["a", "b"])") == Json({"a", "b"}));
    CHECK(value_of(R"(set "x" [])") == Json::array());
    CHECK(value_of(R"(set "x" {"k": [1, {"n": null}]})") == Json::parse(R"({"k": [1, {"n": null}]})"));
    // Brackets and '#' inside nested strings neither close the value nor start a comment.
    CHECK(value_of(R"(set "x" ["]", "#not a comment", "}"] # a comment)") == Json({"]", "#not a comment", "}"}));
    CHECK(value_of(R"(set "x" {"a]": "\"}"})") == Json::parse(R"({"a]": "\"}"})"));
    CHECK(std::get<ExpectCommand>(only(R"(expect "Label" {"cat": 0.9, "dog": 0.1})")).value ==
          Json::parse(R"({"cat": 0.9, "dog": 0.1})"));
}

TEST_CASE("labels and strings are JSON strings: escapes, \\u escapes, UTF-8") {
    auto set = std::get<SetCommand>(only(R"(set "say \"hi\"\\" "two\nlines\ttab")"));
    CHECK(set.label == "say \"hi\"\\");
    CHECK(set.value == Json("two\nlines\ttab"));

    CHECK(std::get<ClickCommand>(only(R"(click "caf\u00e9 \u4e2d\u6587 \ud83d\ude00")")).label ==
          "caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80");
    auto chinese = std::get<SetCommand>(only("set \"输入\" \"你好，世界\""));
    CHECK(chinese.label == "输入");
    CHECK(chinese.value == Json("你好，世界"));
    CHECK(std::get<ScreenshotCommand>(only("screenshot \"截图.png\"")).file == kBase / fs::path(u8"截图.png"));
}

TEST_CASE("'#' inside a string is text, outside it starts a comment") {
    auto set = std::get<SetCommand>(only(R"(set "issue #3" "see # here"   # the comment "quoted")"));
    CHECK(set.label == "issue #3");
    CHECK(set.value == Json("see # here"));
    CHECK(std::get<SetCommand>(only(R"(set "n" 5# no space needed)")).value == Json(5));
    CHECK(std::get<ClickCommand>(only(R"(click "a"#b)")).label == "a");
}

TEST_CASE("comments, blank lines, indentation, CRLF and a BOM are ignored") {
    auto r = parse("\xEF\xBB\xBF# a tour\r\n\r\n   \t\r\n  # indented comment\r\n\tclick \"Go\"  \r\nquit");
    INFO(r.error);
    REQUIRE(r.ok());
    REQUIRE(r.commands.size() == 2);
    CHECK(r.commands[0] == ScriptCommand{5, ClickCommand{"Go"}});
    CHECK(r.commands[1] == ScriptCommand{6, QuitCommand{}});
    CHECK(parse("").commands.empty());
    CHECK(parse("# only a comment\n\n").ok());
}

TEST_CASE("relative paths are resolved against the script's folder, absolute ones kept") {
    CHECK(std::get<UploadCommand>(only(R"(upload "im" "cat.png")")).file == "/home/me/tours/cat.png");
    CHECK(std::get<UploadCommand>(only(R"(upload "im" "img/cat.png")")).file == "/home/me/tours/img/cat.png");
    CHECK(std::get<UploadCommand>(only(R"(upload "im" "/data/cat.png")")).file == "/data/cat.png");
    CHECK(std::get<ScreenshotCommand>(only(R"(screenshot "out/a.png")")).file == "/home/me/tours/out/a.png");
    CHECK(std::get<ScreenshotCommand>(only(R"(screenshot "/tmp/a.png")")).file == "/tmp/a.png");
    // Without a folder (text that came from no file), relative paths stay relative.
    auto r = parse_script(R"(screenshot "a.png")", "<inline>", {});
    REQUIRE(r.ok());
    CHECK(std::get<ScreenshotCommand>(r.commands[0].action).file == "a.png");
}

TEST_CASE("errors say FILE:LINE: message, with the line of the mistake") {
    auto r = parse("set \"a\" 1\n\n# comment\nclik \"Submit\"\nquit\n");
    CHECK(r.error == "tour.txt:4: unknown command 'clik'");
    CHECK(r.error_line == 4);
    REQUIRE(r.commands.size() == 1);  // the lines before the mistake
    CHECK(r.commands[0].line == 1);

    CHECK(error_of("Click \"x\"") == "tour.txt:1: unknown command 'Click'");
    CHECK(error_of("\"set\" \"x\" 1") == "tour.txt:1: unknown command '\"set\"'");
}

TEST_CASE("label errors") {
    CHECK(error_of("click") == "tour.txt:1: missing label");
    CHECK(error_of("click # a comment") == "tour.txt:1: missing label");
    CHECK(error_of("\n\nset") == "tour.txt:3: missing label");
    CHECK(error_of("click Submit") == "tour.txt:1: label must be a JSON string in double quotes, got 'Submit'");
    CHECK(error_of("click 'Submit'") == "tour.txt:1: label must be a JSON string in double quotes, got ''Submit''");
    CHECK(error_of("click \"Submit") == "tour.txt:1: unterminated string: a closing \" is missing");
    CHECK(error_of(R"(click "ends in backslash\")") == "tour.txt:1: unterminated string: a closing \" is missing");
    CHECK(error_of(R"(click "\q")") ==
          R"(tour.txt:1: bad JSON string: invalid string: forbidden character after backslash; last read: '"\q')");
    CHECK(error_of("click \"\\uZZZZ\"").starts_with("tour.txt:1: bad JSON string: "));
    CHECK(error_of("click \"\xFF\xFE\"").starts_with("tour.txt:1: bad JSON string: "));  // not UTF-8
}

TEST_CASE("value errors") {
    CHECK(error_of("set \"x\"") == "tour.txt:1: missing value");
    CHECK(error_of("expect \"x\"   # nothing") == "tour.txt:1: missing value");
    CHECK(error_of("set \"x\" add") == "tour.txt:1: bad JSON value: add (strings need double quotes)");
    CHECK(error_of("set \"x\" True") == "tour.txt:1: bad JSON value: True (strings need double quotes)");
    const std::string bad_number = error_of("\nset \"x\" 1.2.3");
    CHECK(bad_number.starts_with("tour.txt:2: bad JSON value: 1.2.3 ("));
    CHECK(error_of("set \"x\" [1, 2,]").starts_with("tour.txt:1: bad JSON value: [1, 2,] ("));
    CHECK(error_of("set \"x\" {\"a\" 1}").starts_with("tour.txt:1: bad JSON value: {\"a\" 1} ("));
    CHECK(error_of("set \"x\" [1, 2") == "tour.txt:1: unterminated array: a closing ] is missing");
    CHECK(error_of("set \"x\" {\"a\": \"}\"") == "tour.txt:1: unterminated object: a closing } is missing");
    CHECK(error_of("set \"x\" [\"a]") == "tour.txt:1: unterminated string: a closing \" is missing");
    // Parse errors from the JSON library speak of the token, not the script: no "line 1, column 5".
    CHECK(bad_number.find("column") == std::string::npos);
}

TEST_CASE("wait errors") {
    const std::string usage = "wait needs a frame count, Nms, Ns, idle or until LABEL VALUE";
    for (const char* line : {"wait", "wait # soon", "wait -1", "wait +3", "wait 2.5", "wait fast", "wait ms", "wait s",
                             "wait 5m", "wait 1e3", "wait infs", "wait -1s", "wait 99999999999", "wait \"idle\"",
                             "wait IDLE"}) {
        INFO(line);
        CHECK(error_of(line) == "tour.txt:1: " + usage);
    }
    CHECK(error_of("wait 10 ms") == "tour.txt:1: unexpected 'ms' after the command");
}

TEST_CASE("path errors") {
    CHECK(error_of("screenshot") == "tour.txt:1: missing path");
    CHECK(error_of("upload \"im\"") == "tour.txt:1: missing path");
    CHECK(error_of("upload") == "tour.txt:1: missing label");
    CHECK(error_of("screenshot \"\"") == "tour.txt:1: empty path");
    CHECK(error_of("screenshot after.png") == "tour.txt:1: path must be a JSON string in double quotes, got 'after.png'");
}

TEST_CASE("anything after a complete command is an error") {
    CHECK(error_of("quit now") == "tour.txt:1: unexpected 'now' after the command");
    CHECK(error_of("click \"a\" \"b\"") == "tour.txt:1: unexpected '\"b\"' after the command");
    CHECK(error_of("click \"a\"\"b\"") == "tour.txt:1: unexpected '\"b\"' after the command");
    CHECK(error_of("set \"x\" 1 2") == "tour.txt:1: unexpected '2' after the command");
    CHECK(error_of("set \"x\" [1]]") == "tour.txt:1: unexpected ']' after the command");
    CHECK(error_of("expect \"x\" 1 \"unterminated") == "tour.txt:1: unterminated string: a closing \" is missing");
    CHECK(error_of("screenshot \"a.png\" \"b.png\"") == "tour.txt:1: unexpected '\"b.png\"' after the command");
    CHECK(error_of("wait 3 frames") == "tour.txt:1: unexpected 'frames' after the command");
}

TEST_CASE("script_error formats FILE:LINE: message") {
    CHECK(script_error("demo/tour.txt", 12, "no component labelled \"x\"") ==
          "demo/tour.txt:12: no component labelled \"x\"");
}

TEST_CASE("format_command writes a line that parses back to the same command") {
    const std::string script = R"(set "名字 \"q\"" {"a":[1,2.5,"#"]}
click "Submit"
upload "im" "/data/cat.png"
wait 3
wait 250ms
wait idle
expect "Output" -0.25
screenshot "/tmp/a b.png"
quit)";
    auto r = parse(script);
    REQUIRE(r.ok());
    REQUIRE(r.commands.size() == 9);
    CHECK(format_command(r.commands[0].action) == R"(set "名字 \"q\"" {"a":[1,2.5,"#"]})");
    CHECK(format_command(r.commands[4].action) == "wait 250ms");
    CHECK(format_command(r.commands[7].action) == R"(screenshot "/tmp/a b.png")");
    for (const ScriptCommand& command : r.commands) {
        const std::string line = format_command(command.action);
        INFO(line);
        CHECK(only(line) == command.action);
    }
}

TEST_CASE("load_script reads a file and resolves paths against its folder") {
    const fs::path dir = temp_folder("load");
    {
        std::ofstream out(dir / "tour.txt", std::ios::binary);
        out << "upload \"im\" \"cat.png\"\nscreenshot \"shots/after.png\"\n";
    }
    auto r = load_script(dir / "tour.txt");
    INFO(r.error);
    REQUIRE(r.ok());
    CHECK(r.file_name == (dir / "tour.txt").string());
    REQUIRE(r.commands.size() == 2);
    CHECK(std::get<UploadCommand>(r.commands[0].action).file == dir / "cat.png");
    CHECK(std::get<ScreenshotCommand>(r.commands[1].action).file == dir / "shots/after.png");
    fs::remove_all(dir);
}

TEST_CASE("load_script with a relative path still resolves against the script's folder") {
    const fs::path dir = temp_folder("relative");
    fs::create_directories(dir / "tours");
    {
        std::ofstream out(dir / "tours" / "t.txt", std::ios::binary);
        out << "\nclik\n";
    }
    const fs::path previous = fs::current_path();
    fs::current_path(dir);
    auto bad = load_script("tours/t.txt");
    CHECK(bad.error == "tours/t.txt:2: unknown command 'clik'");
    {
        std::ofstream out(dir / "tours" / "t.txt", std::ios::binary);
        out << "screenshot \"a.png\"\n";
    }
    auto good = load_script("tours/t.txt");
    fs::current_path(previous);
    REQUIRE(good.ok());
    CHECK(std::get<ScreenshotCommand>(good.commands[0].action).file == dir / "tours" / "a.png");
    fs::remove_all(dir);
}

TEST_CASE("load_script reports a file it cannot read") {
    const fs::path dir = temp_folder("unreadable");
    auto missing = load_script(dir / "nope.txt");
    CHECK(missing.error == (dir / "nope.txt").string() + ": cannot read script: No such file or directory");
    CHECK(missing.error_line == 0);
    CHECK(missing.commands.empty());
    auto folder = load_script(dir);
    CHECK(folder.error == dir.string() + ": cannot read script: it is a folder");
    fs::remove_all(dir);
}
