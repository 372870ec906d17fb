// JSONLogger: the same records as CSVLogger, one JSON object a line in D/logs.jsonl.
#include "flagging_support.h"

#include "imgr/engine/flagging/json_logger.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::test::read_text;
using imgr::test::TempDir;
using imgr::test::write_text;
using OrderedJson = nlohmann::ordered_json;

namespace {

std::vector<OrderedJson> records_of(const fs::path& file) {
    std::vector<OrderedJson> records;
    std::istringstream lines(read_text(file));
    for (std::string line; std::getline(lines, line);) records.push_back(OrderedJson::parse(line));  // throws if malformed
    return records;
}

std::vector<std::string> keys_of(const OrderedJson& record) {
    std::vector<std::string> keys;
    for (const auto& item : record.items()) keys.push_back(item.key());
    return keys;
}

}  // namespace

TEST_CASE("json logger: the calculator's record, numbers as JSON numbers, keys as the CSV header") {
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup({{"num1", ComponentKind::Number},
                  {"operation", ComponentKind::Radio},
                  {"num2", ComponentKind::Number},
                  {"Output", ComponentKind::Number}},
                 dir.path(), {.flag_column = true});
    CHECK(logger.flag({5.0, std::string("add"), 7.0, -12.0}, "wrong sign") == 1);
    CHECK(logger.flag({4.5, std::string("multiply"), -0.25, -1.125}) == 2);

    const std::string text = read_text(dir / "logs.jsonl");
    const std::string prefix = R"({"num1":5,"operation":"add","num2":7,"Output":-12,"flag":"wrong sign","timestamp":")";
    CHECK(text.starts_with(prefix));
    const std::vector<OrderedJson> records = records_of(dir / "logs.jsonl");
    REQUIRE(records.size() == 2);
    CHECK(keys_of(records[0]) == std::vector<std::string>{"num1", "operation", "num2", "Output", "flag", "timestamp"});
    CHECK(records[0]["num1"].is_number());
    CHECK(records[0]["num1"] == 5);
    CHECK(records[1]["num1"].is_number_float());
    CHECK(records[1]["num1"].get<double>() == 4.5);
    CHECK(records[1]["num2"].get<double>() == -0.25);
    CHECK(records[1]["flag"] == "");
    CHECK(imgr::test::looks_like_timestamp(records[0]["timestamp"].get<std::string>()));
    CHECK(logger.header() == keys_of(records[1]));
}

TEST_CASE("json logger: structured values stay JSON, images are relative paths, NaN is a string") {
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup({{"check", ComponentKind::Checkbox},
                  {"group", ComponentKind::CheckboxGroup},
                  {"label", ComponentKind::Label},
                  {"im", ComponentKind::Image},
                  {"im", ComponentKind::Image},
                  {"n", ComponentKind::Number}},
                 dir.path());
    const imgr::ImageBuffer image = imgr::test::test_image(3, 2, 4);
    logger.flag({true, imgr::StringList{"a", "b"}, imgr::LabelValue(std::vector<std::pair<std::string, double>>{{"cat", 0.75}}), image, imgr::ImageBuffer(),
                 std::nan("")});
    const OrderedJson record = records_of(dir / "logs.jsonl").at(0);
    CHECK(record["check"] == true);
    CHECK(record["group"] == OrderedJson::array({"a", "b"}));
    CHECK(record["label"]["confidences"][0]["confidence"] == 0.75);
    CHECK(record["im"] == "im/0.png");
    CHECK(record["im 1"].is_null());
    CHECK(record["n"] == "nan");
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == image);
}

TEST_CASE("json logger: hostile strings read back exactly, one record a line") {
    const std::vector<std::string> hostile = {"a,b", "say \"hi\"", "two\nlines", "cr\rlf\r\n", "中文", "emoji 😀",
                                              "=1+2", "", "back\\slash", std::string("nul\0byte", 8)};
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup({{"text \"quoted\"\n", ComponentKind::Textbox}}, dir.path());
    for (const std::string& s : hostile) logger.flag({s});
    const std::vector<OrderedJson> records = records_of(dir / "logs.jsonl");
    REQUIRE(records.size() == hostile.size());
    for (size_t i = 0; i < hostile.size(); ++i) CHECK(records[i]["text \"quoted\"\n"] == hostile[i]);
}

TEST_CASE("json logger: invalid UTF-8 in a value is replaced rather than failing the row") {
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}}, dir.path());
    CHECK(logger.flag({std::string("bad\xFF" "byte")}) == 1);
    CHECK(records_of(dir / "logs.jsonl").at(0)["text"] == "bad\xEF\xBF\xBD" "byte");
}

TEST_CASE("json logger: a file with other keys is left alone, rows go to logs_1.jsonl") {
    TempDir dir;
    imgr::JSONLogger first;
    first.setup({{"a", ComponentKind::Number}}, dir.path());
    CHECK(first.flag({1.0}) == 1);
    imgr::JSONLogger changed;
    imgr::test::StderrCapture stderr_capture;
    changed.setup({{"b", ComponentKind::Number}}, dir.path());
    CHECK(stderr_capture.text().find("logs_1.jsonl") != std::string::npos);
    CHECK(changed.flag({2.0}) == 1);
    imgr::JSONLogger restarted;
    restarted.setup({{"a", ComponentKind::Number}}, dir.path());
    CHECK(restarted.flag({3.0}) == 2);
    CHECK(records_of(dir / "logs.jsonl").size() == 2);
    CHECK(keys_of(records_of(dir / "logs_1.jsonl").at(0)) == std::vector<std::string>{"b", "timestamp"});
}

TEST_CASE("json logger: a partial last line from a crash is cut at setup") {
    TempDir dir;
    {
        imgr::JSONLogger logger;
        logger.setup({{"a", ComponentKind::Textbox}}, dir.path());
        logger.flag({std::string("one")});
    }
    const std::string complete = read_text(dir / "logs.jsonl");
    write_text(dir / "logs.jsonl", complete + R"({"a":"tw)");
    imgr::JSONLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"a", ComponentKind::Textbox}}, dir.path());
    CHECK(read_text(dir / "logs.jsonl") == complete);
    CHECK(logger.flag({std::string("two")}) == 2);
    CHECK(records_of(dir / "logs.jsonl").at(1)["a"] == "two");

    // Something that is not a record cut short is not ours to cut.
    TempDir other;
    write_text(other / "logs.jsonl", "not json");
    imgr::JSONLogger careful;
    careful.setup({{"a", ComponentKind::Textbox}}, other.path());
    careful.flag({std::string("x")});
    CHECK(read_text(other / "logs.jsonl") == "not json");
    CHECK(records_of(other / "logs_1.jsonl").size() == 1);
}

TEST_CASE("json logger: an unusable dir keeps the row until it works") {
    TempDir dir;
    write_text(dir / "file.txt", "");
    imgr::JSONLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"n", ComponentKind::Number}}, (dir / "file.txt" / "sub").string());
    CHECK_THROWS_WITH_AS(logger.flag({1.0}), doctest::Contains("file.txt/sub"), imgr::FlagError);
    CHECK(logger.pending_count() == 1);
    fs::remove(dir / "file.txt");
    CHECK(logger.retry_pending() == 1);
    CHECK(records_of(dir / "file.txt" / "sub" / "logs.jsonl").at(0)["n"] == 1);
}

TEST_CASE("json logger: flags from 8 threads give one well-formed record each") {
    TempDir dir;
    imgr::JSONLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}}, dir.path());
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) logger.flag({std::to_string(t) + "/" + std::to_string(i) + "\n\"x\""});
        });
    for (std::thread& thread : threads) thread.join();
    const std::vector<OrderedJson> records = records_of(dir / "logs.jsonl");
    REQUIRE(records.size() == 200);
    std::set<std::string> texts;
    for (const OrderedJson& record : records) texts.insert(record["text"].get<std::string>());
    CHECK(texts.size() == 200);
}
