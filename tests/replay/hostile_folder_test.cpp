// A flagged folder from someone else, edited as an attacker would (issue 21):
// cells naming files outside it, symlinks out, a FIFO, a device, a huge cell,
// deep JSON, a BOM, a duplicated column, escape sequences. Every such row is
// unreadable with FILE:LINE and a short quote, the others still run, and
// nothing from outside the folder reaches the lines or the report.
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flagged_examples.h>
#include <imgr/engine/flagging/flagged_rows.h>
#include <imgr/engine/replay/replay.h>
#include <imgr/engine/replay/replay_report.h>
#include <imgr/model/image_io.h>

#include <sys/stat.h>

#include "flagging/flagging_support.h"

using namespace imgr;
using imgr::test::TempDir;
using imgr::test::write_text;
namespace fs = std::filesystem;

namespace {

struct Collected {
    std::vector<std::string> lines;
    ReplaySummary summary;
    std::string report;
};

Collected replay(const ReplaySpec& spec, const fs::path& dir) {
    Collected out;
    ReplayReport report("replay");
    ReplayOptions options;
    options.with_values = true;
    options.on_row = [&](const ReplayRow& row) {
        out.lines.push_back(format_replay_row(row));
        report.add(row);
    };
    out.summary = run_replay(spec, dir, options);
    out.report = report.html(out.summary);
    return out;
}

// An image in, its width out.
ReplaySpec width_spec() {
    ReplaySpec spec;
    spec.fields = {{"im", ComponentKind::Image, ImageProps{}}, {"width", ComponentKind::Number, NumberProps{}}};
    spec.inputs = {0};
    spec.outputs = {1};
    spec.handler = erase_handler([](const ImageBuffer& image) { return (double)image.width(); });
    return spec;
}

ReplaySpec calculator_spec() {
    ReplaySpec spec;
    spec.fields = {{"num1", ComponentKind::Number, NumberProps{}},
                   {"operation", ComponentKind::Radio, ChoiceProps{{"add", "subtract"}}},
                   {"num2", ComponentKind::Number, NumberProps{}},
                   {"Output", ComponentKind::Number, NumberProps{}}};
    spec.inputs = {0, 1, 2};
    spec.outputs = {3};
    spec.handler = erase_handler([](double a, const std::string& op, double b) { return op == "add" ? a + b : a - b; });
    return spec;
}

// For INFO(): what replay printed.
std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}

std::string outside(int line, const std::string& cell) {
    return "unreadable: logs.csv:" + std::to_string(line) + ": \"" + cell + "\" is outside the flagged folder (column \"im\")";
}

}  // namespace

TEST_CASE("hostile folder: cells that lead outside DIR are refused per row, the report holds nothing from outside") {
    TempDir root;
    const fs::path dir = root / "flagged";
    fs::create_directories(dir / "im");
    fs::create_directories(root / "elsewhere");
    REQUIRE(save_png((dir / "im" / "0.png").string(), imgr::test::test_image(5, 3, 1)));
    // A picture on the replaying machine, outside the folder: 77 pixels wide, so a row that read it would say so.
    const ImageBuffer secret = imgr::test::test_image(77, 2, 9);
    REQUIRE(save_png((root / "elsewhere" / "secret.png").string(), secret));
    fs::create_symlink("../../elsewhere/secret.png", dir / "im" / "link.png");
    fs::create_symlink("../elsewhere", dir / "linked");
    fs::create_symlink((root / "elsewhere" / "secret.png").string(), dir / "im" / "absolute.png");
    const std::string secret_path = (root / "elsewhere" / "secret.png").string();
    write_text(dir / "logs.csv",
               "im,width,timestamp\n"
               "im/0.png,5,t\n" +
               secret_path + ",77,t\n"
               "../elsewhere/secret.png,77,t\n"
               "im/../../elsewhere/secret.png,77,t\n"
               "im/link.png,77,t\n"
               "linked/secret.png,77,t\n"
               "im/absolute.png,77,t\n"
               "/etc/shadow,1,t\n"
               "/proc/self/environ,1,t\n"
               "im/0.png,5,t\n");
    const Collected c = replay(width_spec(), dir);
    INFO(joined(c.lines));
    CHECK(c.lines == std::vector<std::string>{"row 1: unchanged",
                                              "row 2: " + outside(3, secret_path),
                                              "row 3: " + outside(4, "../elsewhere/secret.png"),
                                              "row 4: " + outside(5, "im/../../elsewhere/secret.png"),
                                              "row 5: " + outside(6, "im/link.png"),
                                              "row 6: " + outside(7, "linked/secret.png"),
                                              "row 7: " + outside(8, "im/absolute.png"),
                                              "row 8: " + outside(9, "/etc/shadow"),
                                              "row 9: " + outside(10, "/proc/self/environ"),
                                              "row 10: unchanged"});
    CHECK(format_replay_summary(c.summary) == "replay: 10 rows, 2 unchanged, 0 changed, 0 failed, 8 unreadable");
    // The outside picture is in no data: URI of the report.
    const std::vector<uint8_t> png = encode_png(secret);
    CHECK(c.report.find(base64(png.data(), png.size()).substr(0, 64)) == std::string::npos);
    CHECK(c.report.find("data:image/png") != std::string::npos);  // the rows inside DIR are there

    // Examples and the Flagged panel read through the same reader.
    const FlaggedExamples examples = read_flagged_examples(dir, {{"im", ComponentKind::Image, ImageProps{}}});
    CHECK(examples.rows.size() == 2);
    CHECK(examples.problems.size() == 8);
    for (const std::string& problem : examples.problems) CHECK(problem.find("is outside the flagged folder") != std::string::npos);
    CHECK_THROWS_AS(value_from_cell(ComponentKind::Image, ImageProps{}, "im/link.png", dir), FolderRefusal);
}

TEST_CASE("hostile folder: a FIFO, a device and a huge cell end in seconds, one unreadable row each") {
    TempDir dir;
    fs::create_directories(dir / "im");
    REQUIRE(save_png((dir / "im" / "0.png").string(), imgr::test::test_image(5, 3, 1)));
    REQUIRE(::mkfifo((dir / "im" / "fifo.png").c_str(), 0600) == 0);  // open() of it blocked forever before
    fs::create_symlink("/dev/zero", dir / "im" / "zero.png");           // read until memory ran out before
    const std::string huge(17 << 20, 'A');                                // over the 16 MiB a row may hold
    write_text(dir / "logs.csv", "im,width,timestamp\nim/fifo.png,1,t\nim/zero.png,1,t\n\"" + huge + "\",1,t\nim/0.png,5,t\n");
    const Collected c = replay(width_spec(), dir.path());
    INFO(joined(c.lines));
    REQUIRE(c.lines.size() == 4);
    CHECK(c.lines[0] == "row 1: unreadable: logs.csv:2: \"im/fifo.png\" is not a regular file (a FIFO) (column \"im\")");
    CHECK(c.lines[1] == "row 2: " + outside(3, "im/zero.png"));
    CHECK(c.lines[2] == "row 3: unreadable: logs.csv:4: the row is 17825799 bytes, more than the limit of 16777216 bytes for a row");
    CHECK(c.lines[3] == "row 4: unchanged");
    CHECK(c.report.size() < 100'000);  // the cell is not in the report either
}

TEST_CASE("hostile folder: logs.jsonl linked to a file elsewhere is refused, its content never quoted") {
    TempDir root;
    const fs::path dir = root / "flagged";
    fs::create_directories(dir);
    write_text(root / "env.txt", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n");
    fs::create_symlink("../env.txt", dir / "logs.jsonl");
    const Collected c = replay(calculator_spec(), dir);
    CHECK(c.lines == std::vector<std::string>{"row 1: unreadable: logs.jsonl:1: \"logs.jsonl\" is outside the flagged folder"});
    // Inside the folder, a file that is no JSON is named by line, never repeated.
    fs::remove(dir / "logs.jsonl");
    write_text(dir / "logs.jsonl", "\"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n{\"num1\":1,\"operation\":\"add\",\"num2\":2,\"Output\":3}\n");
    const Collected parsed = replay(calculator_spec(), dir);
    INFO(joined(parsed.lines));
    REQUIRE(parsed.lines.size() == 2);
    CHECK(parsed.lines[0].starts_with("row 1: unreadable: logs.jsonl:1: not a flagged record: parse error"));
    CHECK(parsed.lines[1] == "row 2: unchanged");
    for (const std::string& text : {parsed.lines[0], parsed.report}) CHECK(text.find("AWS_SECRET") == std::string::npos);
}

TEST_CASE("hostile folder: a 300,000-deep JSON line is one unreadable row with its line number, no crash") {
    TempDir dir;
    write_text(dir / "logs.jsonl", "{\"num1\":1,\"operation\":\"add\",\"num2\":2,\"Output\":3}\n\n" +
                                       std::string(300'000, '[') + "\n{\"num1\":1,\"operation\":\"add\",\"num2\":2,\"Output\":3}\n");
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{"row 1: unchanged",
                                              "row 2: unreadable: logs.jsonl:3: not a flagged record: JSON nested more than 512 levels deep",
                                              "row 3: unchanged"});
    // A deep JSON cell in a CSV is no value of a JSON kind either.
    CHECK_THROWS_WITH_AS(value_from_cell(ComponentKind::Json, {}, std::string(300'000, '['), dir.path()),
                         doctest::Contains("is not a value a JSON can take"), Error);
    // A Textbox holds text, brackets and all.
    CHECK(std::get<std::string>(value_from_cell(ComponentKind::Textbox, TextboxProps{}, std::string(1000, '['), dir.path())) ==
          std::string(1000, '['));
}

TEST_CASE("hostile folder: escape sequences, NUL and bad UTF-8 in a flag or note are shown escaped, one line a row") {
    TempDir dir;
    write_text(dir / "logs.csv", std::string("num1,operation,num2,Output,note,flag,timestamp\n") +
                                     "1,add,2,3,\"\x1b[1A\x1b[2Kfake\nline\",\"\x1b]0;title\x07\",t\n" +
                                     std::string("1,add,2,3,a\0b,\xff\xfe,t\n", sizeof "1,add,2,3,a\0b,\xff\xfe,t\n" - 1));
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{"row 1 (\\x1b]0;title\\x07): unchanged (note: \\x1b[1A\\x1b[2Kfake\\nline)",
                                              "row 2 (\\xff\\xfe): unchanged (note: a\\x00b)"});
    const std::string long_note(500, 'n');
    write_text(dir / "logs.csv", "num1,operation,num2,Output,note,timestamp\n1,add,2,3," + long_note + ",t\n");
    const Collected long_one = replay(calculator_spec(), dir.path());
    CHECK(long_one.lines == std::vector<std::string>{"row 1: unchanged (note: " + std::string(80, 'n') + "... (500 bytes))"});
    // The report shows more of it, but not a cell of any size.
    write_text(dir / "logs.csv", "num1,operation,num2,Output,note,timestamp\n1,add,2,3," + std::string(100'000, 'n') + ",t\n");
    const Collected huge_note = replay(calculator_spec(), dir.path());
    CHECK(huge_note.report.find(std::string(500, 'n') + "... (100000 bytes)") != std::string::npos);
    CHECK(huge_note.report.find(std::string(501, 'n')) == std::string::npos);
}

TEST_CASE("CSV quirks: a BOM is skipped, a duplicated column refused, a Radio value outside its choices unreadable") {
    TempDir dir;
    write_text(dir / "logs.csv", "\xEF\xBB\xBFnum1,operation,num2,Output,timestamp\n1,add,2,3,t\n1,multiply,2,2,t\n");
    Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{
                         "row 1: unchanged",
                         "row 2: unreadable: logs.csv:3: column \"operation\": 'multiply' is not a value a Radio can take: "
                         "it is not one of the choices (\"add\", \"subtract\")"});
    write_text(dir / "logs.csv", "num1,operation,num2,num1,Output,timestamp\n1,add,2,5,3,t\n");
    c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{
                         "row 1: unreadable: logs.csv:1: the column \"num1\" appears twice in the header, so its "
                         "cells are ambiguous"});
    // An unclosed quote takes the rest of the file: the line says which lines.
    write_text(dir / "logs.csv", "num1,operation,num2,Output,timestamp\n1,add,2,3,t\n1,\"add,2,3,t\n1,add,2,3,t\n1,add,2,3,t\n");
    c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{
                         "row 1: unchanged",
                         "row 2: unreadable: logs.csv:3: the row is cut short: a quoted field is not closed before the end "
                         "of the file (lines 3-5 are read as this one row)"});
}
