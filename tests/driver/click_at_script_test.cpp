// Parsing `click "label" at X Y` (an image's pixel), `click "label" at T` (a
// media time) and `zoom "label" F at X Y`.
#include <doctest/doctest.h>
#include <imgr/driver/script.h>

using namespace imgr;

namespace {

ScriptParseResult parse(std::string_view text) { return parse_script(text, "tour.txt", "/tours"); }

ScriptAction only(std::string_view line) {
    auto r = parse(line);
    INFO(r.error);
    REQUIRE(r.ok());
    REQUIRE(r.commands.size() == 1);
    return r.commands[0].action;
}

}  // namespace

TEST_CASE("click at X Y is a pixel click and click at T a media seek and plain click stays a button click") {
    CHECK(only(R"(click "Input" at 10 20)") == ScriptAction(ClickPixelCommand{"Input", 10, 20}));
    CHECK(only(R"(click "Input" at 0 0   # the corner)") == ScriptAction(ClickPixelCommand{"Input", 0, 0}));
    CHECK(only(R"(click "Audio" at 2.5)") == ScriptAction(ClickTimeCommand{"Audio", 2.5}));
    CHECK(only(R"(click "Audio" at 3)") == ScriptAction(ClickTimeCommand{"Audio", 3}));
    CHECK(only(R"(click "Submit")") == ScriptAction(ClickCommand{"Submit"}));
    CHECK(only(R"(click "at")") == ScriptAction(ClickCommand{"at"}));  // a button labelled "at"
}

TEST_CASE("zoom takes a factor and a pixel") {
    CHECK(only(R"(zoom "Input" 8 at 10 20)") == ScriptAction(ZoomCommand{"Input", 8, 10, 20}));
    CHECK(only(R"(zoom "Input" 0.5 at 0 3)") == ScriptAction(ZoomCommand{"Input", 0.5, 0, 3}));
}

TEST_CASE("bad click at and zoom lines stop the script with FILE:LINE") {
    auto error_of = [](std::string_view text) {
        auto r = parse(text);
        CHECK_FALSE(r.ok());
        return r.error;
    };
    CHECK(error_of("wait 1\nclick \"Input\" at\n") ==
          "tour.txt:2: click ... at needs an image pixel X Y (whole numbers from 0) or a media time T (seconds from 0)");
    CHECK(error_of("click \"Input\" at 1.5 2\n") ==
          "tour.txt:1: click ... at X Y: pixel coordinates are whole numbers from 0, got 1.5");
    CHECK(error_of("click \"Input\" at -1 2\n").starts_with("tour.txt:1: click ... at needs"));
    CHECK(error_of("click \"Input\" at 1 2 3\n").starts_with("tour.txt:1: click ... at needs"));
    CHECK(error_of("click \"Input\" at x y\n").starts_with("tour.txt:1: click ... at needs"));
    CHECK(error_of("click \"Input\" 10 20\n") == "tour.txt:1: unexpected '10' after the command");
    CHECK(error_of("\n\nzoom \"Input\" at 1 2\n").starts_with("tour.txt:3: zoom needs a factor and a pixel"));
    CHECK(error_of("zoom \"Input\" 4 10 20\n").starts_with("tour.txt:1: zoom needs a factor and a pixel"));
    CHECK(error_of("zoom \"Input\" 4 at 1\n").starts_with("tour.txt:1: zoom needs a factor and a pixel"));
    CHECK(error_of("zoom \"Input\" 0 at 1 1\n").starts_with("tour.txt:1: zoom needs a factor and a pixel"));
}

TEST_CASE("format_command writes click at and zoom lines that parse back") {
    for (const char* line : {R"(click "Input" at 10 20)", R"(click "Audio" at 2.5)", R"(zoom "Input" 8 at 3 4)"}) {
        const ScriptAction action = only(line);
        CHECK(format_command(action) == line);
        CHECK(only(format_command(action)) == action);
    }
}
