// Parsing an ImageEditor's commands: `paint "label" SIZE from X Y to X Y ...`,
// `erase` (the same with the eraser), `brush "label" "NAME"` and `undo "label"`.
#include <doctest/doctest.h>
#include <imgr/driver/script.h>

using namespace imgr;

namespace {

ScriptAction only(std::string_view line) {
    auto r = parse_script(line, "tour.txt", "/tours");
    INFO(r.error);
    REQUIRE(r.ok());
    REQUIRE(r.commands.size() == 1);
    return r.commands[0].action;
}

std::string error_of(std::string_view text) {
    auto r = parse_script(text, "tour.txt", "/tours");
    CHECK_FALSE(r.ok());
    return r.error;
}

}  // namespace

TEST_CASE("paint and erase take a size and a stroke of two or more pixels, brush a name, undo a label") {
    CHECK(only(R"(paint "Picture" 8 from 10 20 to 30 40)") == ScriptAction(PaintCommand{"Picture", 8, {{10, 20}, {30, 40}}, false}));
    CHECK(only(R"(paint "Picture" 2.5 from 0 0 to 5 0 to 5 5  # an L)") ==
          ScriptAction(PaintCommand{"Picture", 2.5, {{0, 0}, {5, 0}, {5, 5}}, false}));
    CHECK(only(R"(erase "Picture" 12 from 1 1 to 1 1)") == ScriptAction(PaintCommand{"Picture", 12, {{1, 1}, {1, 1}}, true}));
    CHECK(only(R"(brush "Picture" "object")") == ScriptAction(BrushCommand{"Picture", "object"}));
    CHECK(only(R"(undo "Picture")") == ScriptAction(UndoCommand{"Picture"}));
}

TEST_CASE("format_command writes paint, erase, brush and undo lines that parse back") {
    for (const char* line : {R"(paint "Picture" 8 from 10 20 to 30 40 to 50 60)", R"(erase "a b" 1.5 from 0 0 to 1 1)",
                             R"(brush "Picture" "background")", R"(undo "Picture")"}) {
        const ScriptAction action = only(line);
        CHECK(format_command(action) == line);
        CHECK(only(format_command(action)) == action);
    }
}

TEST_CASE("bad paint, erase, brush and undo lines stop the script with FILE:LINE") {
    const std::string usage = "paint needs a size and a stroke: paint \"label\" 8 from X Y to X Y [to X Y ...]";
    CHECK(error_of("paint \"Picture\" from 1 2 to 3 4\n") ==
          "tour.txt:1: " + usage + " (size: image pixels, above 0, at most 1000)");
    CHECK(error_of("paint \"Picture\" 0 from 1 2 to 3 4\n").starts_with("tour.txt:1: " + usage + " (size"));
    CHECK(error_of("paint \"Picture\" 8 from 1 2\n") ==
          "tour.txt:1: " + usage + " (a stroke goes from one point to at least one other)");
    CHECK(error_of("paint \"Picture\" 8 at 1 2 to 3 4\n") == "tour.txt:1: " + usage);
    CHECK(error_of("paint \"Picture\" 8 from 1 2 3 4\n") == "tour.txt:1: " + usage);
    CHECK(error_of("paint \"Picture\" 8 from 1.5 2 to 3 4\n") ==
          "tour.txt:1: " + usage + " (pixel coordinates are whole numbers from 0)");
    CHECK(error_of("\nerase \"Picture\" 8 from -1 2 to 3 4\n").starts_with("tour.txt:2: erase needs a size and a stroke"));
    CHECK(error_of("brush \"Picture\" object\n") == "tour.txt:1: label must be a JSON string in double quotes, got 'object'");
    CHECK(error_of("undo \"Picture\" 2\n") == "tour.txt:1: unexpected '2' after the command");
    CHECK(error_of("undo\n") == "tour.txt:1: missing label");
}
