// Notes and corrected outputs in the log files (DESIGN.md, "Flagged files,
// new columns"): `<label> (corrected)` for each correctable output, then
// `note`, both before `flag` and `timestamp`; files without them stay valid.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flag_columns.h"
#include "imgr/engine/flagging/json_logger.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::CsvRow;
using imgr::test::read_text;
using imgr::test::TempDir;
using imgr::test::write_text;
using Header = std::vector<std::string>;
using OrderedJson = nlohmann::ordered_json;

namespace {

// The calculator with a second output, a Label: both outputs correctable.
const std::vector<imgr::FlagField> kFields = {{"num1", ComponentKind::Number},
                                              {"operation", ComponentKind::Radio},
                                              {"num2", ComponentKind::Number},
                                              {"Output", ComponentKind::Number},
                                              {"verdict", ComponentKind::Label}};
const imgr::FlagSetup kRich = {.flag_column = true, .note_column = true, .corrected_fields = {4, 3}};

std::vector<imgr::Value> row(double a, double b, double result) {
    return {a, std::string("subtract"), b, result, imgr::LabelValue("fine")};
}

std::vector<std::optional<imgr::Value>> corrections(std::optional<imgr::Value> output,
                                                    std::optional<imgr::Value> verdict) {
    return {std::nullopt, std::nullopt, std::nullopt, std::move(output), std::move(verdict)};
}

std::vector<OrderedJson> records_of(const fs::path& file) {
    std::vector<OrderedJson> records;
    std::istringstream lines(read_text(file));
    for (std::string line; std::getline(lines, line);) records.push_back(OrderedJson::parse(line));
    return records;
}

std::vector<std::string> keys_of(const OrderedJson& record) {
    std::vector<std::string> keys;
    for (const auto& item : record.items()) keys.push_back(item.key());
    return keys;
}

const Header kRichHeader = {"num1",  "operation",          "num2",
                            "Output", "verdict",            "Output (corrected)",
                            "verdict (corrected)", "note", "flag",
                            "timestamp"};

}  // namespace

TEST_CASE("rich flags: corrected columns in field order, then note, then flag and timestamp") {
    CHECK(imgr::plan_flag_columns(kFields, true, true, {4, 3}).header == kRichHeader);
    CHECK(imgr::plan_flag_columns(kFields, false, true).header ==
          Header{"num1", "operation", "num2", "Output", "verdict", "note", "timestamp"});
    CHECK(imgr::plan_flag_columns(kFields, false, false, {3}).header ==
          Header{"num1", "operation", "num2", "Output", "verdict", "Output (corrected)", "timestamp"});
    // The logger's own names stay its own: a component labelled "note" or "Output (corrected)" is renamed.
    const std::vector<imgr::FlagField> clashing = {{"note", ComponentKind::Textbox},
                                                   {"Output (corrected)", ComponentKind::Number},
                                                   {"Output", ComponentKind::Number}};
    CHECK(imgr::plan_flag_columns(clashing, false, true, {2}).header ==
          Header{"note 1", "Output (corrected)", "Output", "Output (corrected) 1", "note", "timestamp"});
    CHECK_THROWS_AS(imgr::plan_flag_columns(kFields, false, false, {5}), std::invalid_argument);
    CHECK_THROWS_AS(imgr::plan_flag_columns({{"im", ComponentKind::Image}}, false, false, {0}), std::invalid_argument);
}

TEST_CASE("rich flags: CSV rows fill the note and only the corrected outputs' cells, under one header") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kFields, dir.path(), kRich);
    CHECK(logger.header() == kRichHeader);
    CHECK(logger.flag_row({row(5, 7, -2), "wrong sign", "should be 2?", corrections(imgr::Value(2.0), std::nullopt)}) == 1);
    CHECK(logger.flag_row({row(1, 1, 0), "other", "", corrections(std::nullopt, imgr::Value(std::string("bad")))}) == 2);
    CHECK(logger.flag(row(3, 1, 2), "other") == 3);  // the seed's call: no note, nothing corrected

    const std::vector<CsvRow> rows = imgr::parse_csv(read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == CsvRow(kRichHeader.begin(), kRichHeader.end()));
    for (const CsvRow& r : rows) CHECK(r.size() == kRichHeader.size());  // one header for every row
    CHECK(CsvRow(rows[1].begin(), rows[1].end() - 1) ==
          CsvRow{"5", "subtract", "7", "-2", "fine", "2", "", "should be 2?", "wrong sign"});
    CHECK(CsvRow(rows[2].begin(), rows[2].end() - 1) ==
          CsvRow{"1", "subtract", "1", "0", "fine", "", "bad", "", "other"});
    CHECK(CsvRow(rows[3].begin(), rows[3].end() - 1) ==
          CsvRow{"3", "subtract", "1", "2", "fine", "", "", "", "other"});
    // Python's csv module reads the same cells (a second, independent reader).
    CHECK(imgr::test::python_csv_rows(dir / "logs.csv")[1][7] == "should be 2?");
}

TEST_CASE("rich flags: JSONL records keep the same keys in the same order, numbers stay numbers") {
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup(kFields, dir.path(), kRich);
    logger.flag_row({row(5, 7, -2), "wrong sign", "a note, with \"quotes\"", corrections(imgr::Value(2.0), std::nullopt)});
    logger.flag_row({row(1, 1, 0), "", "", {}});
    const std::vector<OrderedJson> records = records_of(dir / "logs.jsonl");
    REQUIRE(records.size() == 2);
    for (const OrderedJson& record : records) CHECK(keys_of(record) == kRichHeader);
    CHECK(records[0]["Output (corrected)"].is_number());
    CHECK(records[0]["Output (corrected)"] == 2);
    CHECK(records[0]["verdict (corrected)"].is_null());
    CHECK(records[0]["note"] == "a note, with \"quotes\"");
    CHECK(records[1]["Output (corrected)"].is_null());
    CHECK(records[1]["note"] == "");
    CHECK(records[1]["flag"] == "");
}

TEST_CASE("rich flags: a file without the new columns is left as it is, rows with them go to logs_1") {
    TempDir dir;
    const std::string old = "num1,operation,num2,Output,verdict,flag,timestamp\n"
                            "5,add,7,12,fine,other,2026-01-01 00:00:00.000000\n";
    write_text(dir / "logs.csv", old);
    imgr::CSVLogger plain;  // the same app without notes still appends to it
    plain.setup(kFields, dir.path(), {.flag_column = true});
    CHECK(plain.flag(row(1, 2, -1), "other") == 2);
    imgr::CSVLogger rich;
    rich.setup(kFields, dir.path(), kRich);
    CHECK(rich.flag_row({row(5, 7, -2), "other", "n", {}}) == 1);
    CHECK(rich.log_path().filename() == "logs_1.csv");
    CHECK(read_text(dir / "logs.csv").starts_with(old));
    CHECK(imgr::parse_csv(read_text(dir / "logs.csv")).size() == 3);
    CHECK(imgr::parse_csv(read_text(dir / "logs_1.csv"))[0] == CsvRow(kRichHeader.begin(), kRichHeader.end()));
}

TEST_CASE("rich flags: a note or correction the setup has no column for is refused, not dropped") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kFields, dir.path(), {.flag_column = true, .corrected_fields = {3}});
    CHECK_THROWS_AS(logger.flag_row({row(1, 1, 0), "", "a note", {}}), std::invalid_argument);
    CHECK_THROWS_AS(logger.flag_row({row(1, 1, 0), "", "", corrections(std::nullopt, imgr::Value(std::string("x")))}),
                    std::invalid_argument);
    CHECK_THROWS_AS(logger.flag_row({row(1, 1, 0), "", "", {imgr::Value(1.0)}}), std::invalid_argument);
    CHECK_FALSE(fs::exists(dir / "logs.csv"));
}
