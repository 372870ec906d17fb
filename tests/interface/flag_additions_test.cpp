// Notes, corrected outputs and repeated clicks on an Interface's (and a Blocks
// app's) flag buttons, driven through the engine, files checked exactly.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flag_queue.h>
#include <imgr/engine/flagging/json_logger.h>

#include "support/settle.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using imgr_test::settle;

namespace {

double calculator(double num1, const std::string& operation, double num2) {
    if (operation == "add") return num1 + num2;
    if (operation == "subtract") return num1 - num2;
    throw imgr::Error("Choose an operation first");
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_flag_additions_test_" + name);
    fs::remove_all(dir);
    return dir;
}

std::vector<imgr::CsvRow> rows_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return imgr::parse_csv(s.str());
}

imgr::ComponentId by_label(imgr::Blocks& demo, const std::string& label) {
    auto found = demo.engine().find_by_label(label);
    REQUIRE_MESSAGE(found.size() == 1, label);
    return found[0];
}

const imgr::ComponentSpec& spec(imgr::Blocks& demo, const std::string& label) {
    return demo.engine().component(by_label(demo, label)).spec;
}

template <class T>
const T& value_of(imgr::Blocks& demo, const std::string& label) {
    return std::get<T>(spec(demo, label).value);
}

// The calculator of samples/calculator_review.cpp: options, a note and corrections.
struct Calculator {
    explicit Calculator(const fs::path& dir, bool note = true, bool corrections = true)
        : demo(calculator,
               {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract"}), imgr::Number("num2")},
               imgr::Number(),
               {.flagging_options = {"wrong sign", "other"},
                .flagging_dir = dir.string(),
                .show_flagged = true,
                .flagging_note = note,
                .flagging_corrections = corrections}) {}

    void run(double a, const char* operation, double b) {
        engine().set_from_user(by_label(demo, "num1"), a);
        engine().set_from_user(by_label(demo, "operation"), std::string(operation));
        engine().set_from_user(by_label(demo, "num2"), b);
        click("Submit");
    }
    void click(const std::string& label) {
        engine().fire(by_label(demo, label), imgr::Event::Click);
        settle(engine());
    }
    void set(const std::string& label, imgr::Value value) {
        engine().set_from_user(by_label(demo, label), std::move(value));
        settle(engine());
    }
    imgr::Engine& engine() { return demo.engine(); }

    imgr::Interface demo;
};

const imgr::CsvRow kHeader = {"num1", "operation", "num2", "Output", "Output (corrected)", "note", "flag", "timestamp"};

imgr::CsvRow without_timestamp(const imgr::CsvRow& row) { return imgr::CsvRow(row.begin(), row.end() - 1); }

}  // namespace

TEST_CASE("flagging_note: the Note's text goes into the note column, and the Note is emptied once saved") {
    const fs::path dir = fresh_dir("note");
    Calculator app(dir, true, false);
    app.run(5, "subtract", 7);
    CHECK(spec(app.demo, "Note").common.visible);
    app.set("Note", std::string("expected 2, sign flipped"));
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Note").empty());
    app.run(1, "add", 1);
    app.click("Flag as other");  // no note: an empty cell
    const auto rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == imgr::CsvRow{"num1", "operation", "num2", "Output", "note", "flag", "timestamp"});
    CHECK(without_timestamp(rows[1]) == imgr::CsvRow{"5", "subtract", "7", "-2", "expected 2, sign flipped", "wrong sign"});
    CHECK(without_timestamp(rows[2]) == imgr::CsvRow{"1", "add", "1", "2", "", "other"});
}

TEST_CASE("flagging_corrections: a Correct checkbox reveals a field prefilled with the output, only a checked one is saved") {
    const fs::path dir = fresh_dir("corrections");
    Calculator app(dir);
    CHECK_FALSE(spec(app.demo, "Output (corrected)").common.visible);  // the model's output alone until asked
    CHECK_FALSE(app.engine().interactive(by_label(app.demo, "Output")));
    app.run(5, "subtract", 7);
    CHECK(value_of<double>(app.demo, "Output (corrected)") == -2.0);  // prefilled with what the model said
    app.set("Correct Output", true);
    CHECK(spec(app.demo, "Output (corrected)").common.visible);
    CHECK(app.engine().interactive(by_label(app.demo, "Output (corrected)")));
    app.set("Output (corrected)", 2.0);
    CHECK(value_of<double>(app.demo, "Output") == -2.0);  // the output itself is never changed
    app.click("Flag as wrong sign");

    // A new output starts over: the checkbox is cleared and the field holds the new output.
    app.run(3, "add", 4);
    CHECK_FALSE(value_of<bool>(app.demo, "Correct Output"));
    CHECK_FALSE(spec(app.demo, "Output (corrected)").common.visible);
    CHECK(value_of<double>(app.demo, "Output (corrected)") == 7.0);
    app.click("Flag as other");  // not corrected: its cell stays empty

    const auto rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == kHeader);
    CHECK(without_timestamp(rows[1]) == imgr::CsvRow{"5", "subtract", "7", "-2", "2", "", "wrong sign"});
    CHECK(without_timestamp(rows[2]) == imgr::CsvRow{"3", "add", "4", "7", "", "", "other"});
}

TEST_CASE("flagging_corrections: a Label's top class is corrected by choosing among the classes, in JSON lines") {
    const fs::path dir = fresh_dir("label");
    imgr::Interface demo([](double x) { return imgr::LabelValue({{"cat", x}, {"dog", 1 - x}}); },
                         {imgr::Number("x")}, {imgr::Label("animal"), },
                         {.flagging_dir = dir.string(),
                          .flagging_callback = std::make_shared<imgr::JSONLogger>(),
                          .flagging_corrections = true});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(by_label(demo, "x"), 0.75);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    const imgr::ComponentSpec& corrected = spec(demo, "animal (corrected)");
    CHECK(corrected.kind == imgr::ComponentKind::Dropdown);
    CHECK(std::get<imgr::ChoiceProps>(corrected.props).choices == imgr::StringList{"cat", "dog"});
    CHECK(std::get<std::string>(corrected.value) == "cat");
    engine.set_from_user(by_label(demo, "Correct animal"), true);
    engine.set_from_user(by_label(demo, "animal (corrected)"), std::string("dog"));
    settle(engine);
    engine.fire(by_label(demo, "Flag"), imgr::Event::Click);
    settle(engine);
    std::ifstream in(dir / "logs.jsonl");
    std::string line;
    REQUIRE(std::getline(in, line));
    const nlohmann::ordered_json record = nlohmann::ordered_json::parse(line);
    std::vector<std::string> keys;
    for (const auto& item : record.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"x", "animal", "animal (corrected)", "timestamp"});
    CHECK(record["animal (corrected)"] == "dog");
    CHECK(record["animal"]["confidences"].size() == 2);
}

TEST_CASE("a second click with nothing changed writes no row: Already saved (N), a change or another option flags again") {
    const fs::path dir = fresh_dir("repeat");
    Calculator app(dir);
    app.run(5, "subtract", 7);
    app.set("Note", std::string("sign"));
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Saved (1)");
    app.click("Flag as wrong sign");  // the note was emptied by the save: still the same flag
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Already saved (1)");
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Already saved (1)");
    CHECK(rows_of(dir / "logs.csv").size() == 2);

    app.click("Flag as other");  // another option: a new row
    CHECK(value_of<std::string>(app.demo, "Flag as other") == "Saved (2)");
    app.set("Note", std::string("more to say"));  // a new note: a new row
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Saved (3)");
    app.set("Correct Output", true);  // a correction: a new row
    app.set("Output (corrected)", 2.0);
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Saved (4)");
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Already saved (4)");
    app.run(5, "subtract", 8);  // a new value: a new row
    app.click("Flag as wrong sign");
    CHECK(value_of<std::string>(app.demo, "Flag as wrong sign") == "Saved (5)");

    const auto rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 6);
    CHECK(rows[3][5] == "more to say");
    CHECK(rows[4][4] == "2");
    CHECK(rows[5][2] == "8");
}

TEST_CASE("flag queue: skip_repeat compares with the source's last saved row, a failed row is no reference") {
    imgr::FlagQueue queue(8);
    int rows = 0;
    bool fail = false;
    auto write = [&](const imgr::FlagRequest&) {
        if (fail) throw std::runtime_error("disk full");
        return ++rows;
    };
    auto request = [](double x, const char* note, int source, bool skip) {
        imgr::FlagRequest r{{imgr::Value(x)}, "", source};
        r.note = note;
        r.skip_repeat = skip;
        return r;
    };
    REQUIRE(queue.push(request(1, "n", 0, true)).accepted);
    CHECK(queue.write_through(0, write).rows == 1);
    REQUIRE(queue.push(request(1, "", 0, true)).accepted);  // the note emptied after the save: a repeat
    const imgr::FlagQueue::Written repeat = queue.write_through(0, write);
    CHECK(repeat.repeat);
    CHECK(repeat.rows == 1);
    REQUIRE(queue.push(request(1, "", 1, true)).accepted);  // another source (another option): written
    CHECK_FALSE(queue.write_through(1, write).repeat);
    REQUIRE(queue.push(request(1, "", 2, false)).accepted);  // automatic flagging saves every run
    REQUIRE(queue.push(request(1, "", 2, false)).accepted);
    CHECK(queue.write_through(2, write).rows == 3);
    CHECK(queue.write_through(2, write).rows == 4);
    // A row the disk refused is not "already saved": the same click again writes it.
    fail = true;
    REQUIRE(queue.push(request(2, "", 0, true)).accepted);
    CHECK_FALSE(queue.write_through(0, write).error.empty());
    fail = false;
    REQUIRE(queue.push(request(2, "", 0, true)).accepted);
    const imgr::FlagQueue::Written retried = queue.write_through(0, write);
    CHECK_FALSE(retried.repeat);
    CHECK(retried.rows == 5);
}

TEST_CASE("Blocks flag_button: a note and a correction by handle, its own Already saved (N)") {
    const fs::path dir = fresh_dir("blocks");
    imgr::Blocks demo;
    imgr::CSVLogger callback;
    auto text = demo.add(imgr::Textbox("text"));
    auto upper = demo.add(imgr::Textbox("upper"));
    auto fix = demo.add(imgr::Checkbox("fix"));
    auto fixed = demo.add(imgr::Textbox("fixed"));
    auto note = demo.add(imgr::Textbox("note box"));
    auto button = demo.add(imgr::Button("Flag"));
    callback.setup({text, upper}, dir.string(), {.note_column = true, .corrected_fields = {1}});
    demo.flag_button(button, callback, {text, upper}, "", {.note = note, .corrections = {{1, fix, fixed}}});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(text.id(), std::string("abc"));
    engine.set_from_user(upper.id(), std::string("ABD"));
    engine.set_from_user(fix.id(), true);
    engine.set_from_user(fixed.id(), std::string("ABC"));
    engine.set_from_user(note.id(), std::string("last letter"));
    for (const char* shown : {"Saved (1)", "Already saved (1)"}) {
        engine.fire(button.id(), imgr::Event::Click);
        settle(engine);
        CHECK(std::get<std::string>(engine.component(button.id()).spec.value) == shown);
        CHECK(note.value().empty());
    }
    const auto rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == imgr::CsvRow{"text", "upper", "upper (corrected)", "note", "timestamp"});
    CHECK(without_timestamp(rows[1]) == imgr::CsvRow{"abc", "ABD", "ABC", "last letter"});
}

TEST_CASE("an old log file without the new columns still loads in the Flagged panel") {
    const fs::path dir = fresh_dir("old_file");
    fs::create_directories(dir);
    std::ofstream(dir / "logs.csv") << "num1,operation,num2,Output,flag,timestamp\n"
                                       "5,subtract,7,-2,wrong sign,2022-02-04 11:40:51.093412\n";
    Calculator app(dir, false, false);
    imgr::BlocksAccess::prepare_to_run(app.demo);  // as launch() does: the panel reads the file
    settle(app.engine());
    const auto& table = value_of<imgr::TableValue>(app.demo, "Flagged samples");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0][3] == "-2");
    app.set("Flagged sample", std::string("#1: 5, subtract, 7, -2, wrong sign"));
    app.click("Load into the demo");
    CHECK(value_of<double>(app.demo, "num2") == 7.0);
    CHECK(value_of<std::string>(app.demo, "operation") == "subtract");
}
