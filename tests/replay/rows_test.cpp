// Reading a flagging folder back row by row: line numbers, bad rows kept with
// their reason, JSONL keys in order, the optional corrected and note columns.
#include <doctest/doctest.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flagged_rows.h>
#include <imgr/engine/flagging/json_logger.h>
#include <imgr/engine/messages.h>
#include <imgr/model/image_io.h>

#include "flagging/flagging_support.h"

using namespace imgr;
using imgr::test::TempDir;
using imgr::test::write_text;

TEST_CASE("a CSV log: each record with the line it starts on, bad ones with why") {
    TempDir dir;
    write_text(dir / "logs.csv",
               "a,b,timestamp\n"
               "1,\"two\nlines\",t\n"       // a quoted line break: the record spans lines 2-3
               "2,x\n"                       // line 4: too few columns
               "3,y\"z,t\n"                  // line 5: a quote inside an unquoted field
               "4,ok,t\n"                    // line 6
               "5,cut");                     // line 7: cut short by a crash
    const FlaggedLog log = read_flagged_log(dir / "logs.csv");
    REQUIRE(log.error.empty());
    CHECK(log.header == std::vector<std::string>{"a", "b", "timestamp"});
    REQUIRE(log.records.size() == 5);
    CHECK(log.records[0].line == 2);
    CHECK(log.records[0].error.empty());
    CHECK(log.records[0].cells[1] == "two\nlines");
    CHECK(log.records[1].line == 4);
    CHECK(log.records[1].error == "2 columns where the header has 3");
    CHECK(log.records[2].line == 5);
    CHECK(log.records[2].error == "a quote inside an unquoted field");
    CHECK(log.records[3].line == 6);
    CHECK(log.records[3].error.empty());
    CHECK(log.records[4].line == 7);
    CHECK(log.records[4].error == "the row is cut short: 2 columns where the header has 3");
}

TEST_CASE("a JSONL log: keys in the file's order, a bad line kept with why") {
    TempDir dir;
    write_text(dir / "logs.jsonl",
               "{\"num1\":5,\"operation\":\"add\",\"Output\":{\"label\":\"cat\"},\"timestamp\":\"t\"}\n"
               "not json\n"
               "{\"num1\":5,\"operation\":\"add\",\"timestamp\":\"t\"}\n"
               "{\"num1\":6,\"operation\":\"add\",\"Output\":1.5,\"timestamp\":\"t\"}\n");
    const FlaggedLog log = read_flagged_log(dir / "logs.jsonl");
    CHECK(log.header == std::vector<std::string>{"num1", "operation", "Output", "timestamp"});
    REQUIRE(log.records.size() == 4);
    CHECK(log.records[0].cells == std::vector<std::string>{"5", "add", "{\"label\":\"cat\"}", "t"});
    CHECK(log.records[1].line == 2);
    CHECK(log.records[1].error.find("not a flagged record") == 0);
    CHECK(log.records[2].error == "not a flagged record: no key \"Output\"");
    CHECK(log.records[3].error.empty());
    CHECK(log.records[3].cells[2] == "1.5");
}

TEST_CASE("the log files of a folder, in the order they were written") {
    TempDir dir;
    for (const char* name : {"logs_2.csv", "logs.jsonl", "logs.csv", "logs_10.csv", "logs_1.csv", "notes.csv", "logs_x.csv"})
        write_text(dir / name, "a\n");
    std::vector<std::string> names;
    for (const auto& path : flagged_log_files(dir.path())) names.push_back(path.filename().string());
    CHECK(names == std::vector<std::string>{"logs.csv", "logs_1.csv", "logs_2.csv", "logs_10.csv", "logs.jsonl"});
    CHECK(flagged_log_files(dir / "missing").empty());
}

TEST_CASE("columns are found by name, corrected and note columns are optional") {
    const std::vector<std::string> names = {"num1", "Output"};
    const FlaggedColumns plain = match_flagged_columns({"num1", "Output", "flag", "timestamp"}, names);
    CHECK(plain.error.empty());
    CHECK(plain.field == std::vector<int>{0, 1});
    CHECK(plain.corrected == std::vector<int>{-1, -1});
    CHECK(plain.note == -1);
    CHECK(plain.flag == 2);
    const FlaggedColumns rich =
        match_flagged_columns({"num1", "Output", "Output (corrected)", "note", "flag", "timestamp"}, names);
    CHECK(rich.corrected == std::vector<int>{-1, 2});
    CHECK(rich.note == 3);
    CHECK(rich.flag == 4);
    CHECK(match_flagged_columns({"num1", "timestamp"}, names).error == "no column \"Output\"");
}

TEST_CASE("cells of every flaggable kind load back as the value that was flagged") {
    TempDir dir;
    CSVLogger logger;
    const ImageBuffer image = imgr::test::test_image(6, 4, 3);
    logger.setup({{"n", ComponentKind::Number}, {"t", ComponentKind::Textbox}, {"c", ComponentKind::CheckboxGroup},
                  {"im", ComponentKind::Image}, {"l", ComponentKind::Label}, {"j", ComponentKind::Json},
                  {"d", ComponentKind::Dataframe}, {"p", ComponentKind::Plot}, {"k", ComponentKind::ColorPicker},
                  {"b", ComponentKind::Checkbox}},
                 dir.path().string());
    PlotValue plot;
    plot.title = "loss";
    plot.series.push_back({"train", {0, 1}, {2, 0.5}, PlotSeries::Style::Scatter});
    const std::vector<Value> values = {
        -0.25, std::string("a, \"quoted\"\nline"), StringList{"x", "y"}, image,
        LabelValue(std::vector<std::pair<std::string, double>>{{"cat", 0.75}, {"dog", 0.25}}),
        Json::parse(R"({"k":[1,2]})"), TableValue{{"h"}, {{1.0}, {"s"}}}, plot, Color{1, 0, 0, 1}, true};
    logger.flag(values);
    const FlaggedLog log = read_flagged_log(dir / "logs.csv");
    REQUIRE(log.records.size() == 1);
    REQUIRE(log.records[0].error.empty());
    const std::vector<std::pair<ComponentKind, KindProps>> kinds = {
        {ComponentKind::Number, NumberProps{}}, {ComponentKind::Textbox, TextboxProps{}},
        {ComponentKind::CheckboxGroup, ChoiceProps{}}, {ComponentKind::Image, ImageProps{}},
        {ComponentKind::Label, LabelProps{}}, {ComponentKind::Json, {}}, {ComponentKind::Dataframe, {}},
        {ComponentKind::Plot, PlotProps{}}, {ComponentKind::ColorPicker, {}}, {ComponentKind::Checkbox, {}}};
    for (size_t i = 0; i < kinds.size(); ++i) {
        CAPTURE(i);
        const Value loaded = value_from_cell(kinds[i].first, kinds[i].second, log.records[0].cells[i], dir.path());
        CHECK(values_equal(loaded, values[i]));
    }
    // A plain class name is a Label too.
    CHECK(std::get<LabelValue>(value_from_cell(ComponentKind::Label, LabelProps{}, "cat", dir.path())).label == "cat");
    // A missing or corrupt image says so.
    CHECK_THROWS_WITH_AS(value_from_cell(ComponentKind::Image, ImageProps{}, "im/7.png", dir.path()),
                         doctest::Contains("cannot load the flagged image"), Error);
    write_text(dir / "im" / "9.png", "not a png");
    CHECK_THROWS_AS(value_from_cell(ComponentKind::Image, ImageProps{}, "im/9.png", dir.path()), Error);
}

TEST_CASE("JSONL cells of structured kinds load back too") {
    TempDir dir;
    JSONLogger logger;
    logger.setup({{"n", ComponentKind::Number}, {"l", ComponentKind::Label}, {"d", ComponentKind::Dataframe}},
                 dir.path().string());
    const LabelValue label(std::vector<std::pair<std::string, double>>{{"cat", 0.5}, {"dog", 0.5}});
    const TableValue table{{"h"}, {{2.0}}};
    logger.flag({12.0, label, table});
    const FlaggedLog log = read_flagged_log(dir / "logs.jsonl");
    REQUIRE(log.records.size() == 1);
    CHECK(values_equal(value_from_cell(ComponentKind::Number, NumberProps{}, log.records[0].cells[0], dir.path()), 12.0));
    CHECK(values_equal(value_from_cell(ComponentKind::Label, LabelProps{}, log.records[0].cells[1], dir.path()), label));
    CHECK(values_equal(value_from_cell(ComponentKind::Dataframe, {}, log.records[0].cells[2], dir.path()), table));
}

// The reader holds about one record: the file is read in 1 MiB chunks, and a
// record may start in one chunk and end in the next, a quoted line break, a
// CR LF or an escaped quote right on the boundary.
TEST_CASE("a log read in chunks: every record across chunk boundaries, with its line") {
    TempDir dir;
    std::string csv = "\xEF\xBB\xBF" "n,text,timestamp\r\n";  // a BOM, CR LF line ends
    std::string jsonl;
    std::vector<std::vector<std::string>> expected;
    std::vector<int> lines;
    int line = 2;
    for (int i = 0; csv.size() < (size_t(3) << 20) + 5000; ++i) {
        // Cells of varied lengths move each record's end across the chunk boundaries.
        std::string text(size_t(i * 37 % 300), char('a' + i % 26));
        const bool multiline = i % 7 == 0;
        if (multiline) text += "\r\nsecond \"quoted\" line";
        expected.push_back({std::to_string(i), text, "t"});
        lines.push_back(line);
        std::string escaped;
        for (char c : text) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
        csv += std::to_string(i) + ",\"" + escaped + "\",t\r\n";
        line += multiline ? 2 : 1;
        jsonl += nlohmann::json({{"n", std::to_string(i)}, {"text", text}, {"timestamp", "t"}}).dump() + "\n";
    }
    write_text(dir / "logs.csv", csv);
    write_text(dir / "logs.jsonl", jsonl);

    FlaggedLogReader csv_reader(dir / "logs.csv");
    REQUIRE(csv_reader.error().empty());
    CHECK(csv_reader.header() == std::vector<std::string>{"n", "text", "timestamp"});
    FlaggedLogReader jsonl_reader(dir / "logs.jsonl");
    REQUIRE(jsonl_reader.error().empty());
    CHECK(jsonl_reader.header() == std::vector<std::string>{"n", "text", "timestamp"});
    FlaggedRecord record;
    size_t count = 0, mismatched = 0;
    for (; csv_reader.next(record); ++count) {
        REQUIRE(count < expected.size());
        mismatched += !record.error.empty() || record.cells != expected[count] || record.line != lines[count];
    }
    CHECK(count == expected.size());
    CHECK(mismatched == 0);
    CHECK(csv_reader.bytes_read() == csv_reader.size());
    count = mismatched = 0;
    for (; jsonl_reader.next(record); ++count) {
        REQUIRE(count < expected.size());
        mismatched += !record.error.empty() || record.cells != expected[count] || record.line != (int)count + 1;
    }
    CHECK(count == expected.size());
    CHECK(mismatched == 0);
}

TEST_CASE("a record over the limit is read past, never held, and the rows after it still count") {
    TempDir dir;
    const std::string huge(kMaxFlaggedRowBytes + 3, 'x');
    // Quoted with line breaks in it (the record runs on over them), then unquoted on one line.
    write_text(dir / "logs.csv", "a,b\n1,\"" + huge.substr(0, 100) + "\n" + huge + "\"\n2,ok\n3," + huge + "\n4,ok\n");
    write_text(dir / "logs.jsonl", "{\"a\":\"1\"}\n{\"a\":\"" + huge + "\"}\n{\"a\":\"3\"}\n");
    const FlaggedLog csv = read_flagged_log(dir / "logs.csv");
    REQUIRE(csv.records.size() == 4);
    CHECK(csv.records[0].line == 2);
    CHECK(csv.records[0].error.find("more than the limit") != std::string::npos);
    CHECK(csv.records[1].line == 4);
    CHECK(csv.records[1].cells == std::vector<std::string>{"2", "ok"});
    CHECK(csv.records[2].line == 5);
    CHECK(csv.records[2].error.find("more than the limit") != std::string::npos);
    CHECK(csv.records[3].line == 6);
    CHECK(csv.records[3].cells == std::vector<std::string>{"4", "ok"});
    const FlaggedLog jsonl = read_flagged_log(dir / "logs.jsonl");
    REQUIRE(jsonl.records.size() == 3);
    CHECK(jsonl.records[1].line == 2);
    CHECK(jsonl.records[1].error.find("more than the limit") != std::string::npos);
    CHECK(jsonl.records[2].cells == std::vector<std::string>{"3"});
    CHECK(jsonl.records[2].line == 3);
}
