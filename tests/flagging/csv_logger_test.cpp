// CSVLogger writing real files: the contract of docs/flagging.md, one promise per test.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagging_dir.h"
#include "imgr/engine/flagging/timestamp.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::CsvRow;
using imgr::test::read_text;
using imgr::test::TempDir;
using imgr::test::write_text;

namespace {

const std::vector<imgr::FlagField> kCalculator = {{"num1", ComponentKind::Number},
                                                  {"operation", ComponentKind::Radio},
                                                  {"num2", ComponentKind::Number},
                                                  {"Output", ComponentKind::Number}};

std::vector<imgr::Value> calculation(double a, const char* operation, double b, double result) {
    return {a, std::string(operation), b, result};
}

std::vector<CsvRow> rows_of(const fs::path& file) { return imgr::parse_csv(read_text(file)); }

}  // namespace

TEST_CASE("csv logger: the calculator's row, byte for byte") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kCalculator, dir / "flagged");
    const std::string before = imgr::flag_timestamp();
    CHECK(logger.flag(calculation(5, "add", 7, 12)) == 1);
    const std::string after = imgr::flag_timestamp();

    const std::string text = read_text(dir / "flagged" / "logs.csv");
    const std::string prefix = "num1,operation,num2,Output,timestamp\n5,add,7,12,";
    REQUIRE(text.starts_with(prefix));
    REQUIRE(text.ends_with("\n"));
    const std::string timestamp = text.substr(prefix.size(), text.size() - prefix.size() - 1);
    CHECK(imgr::test::looks_like_timestamp(timestamp));
    CHECK(before <= timestamp);  // the format sorts as time does
    CHECK(timestamp <= after);
    CHECK(logger.log_path() == fs::absolute(dir / "flagged" / "logs.csv"));
}

TEST_CASE("csv logger: with flagging options, a flag column before the timestamp") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kCalculator, dir.path(), {.flag_column = true});
    CHECK(logger.flag(calculation(5, "add", 7, -12), "wrong sign") == 1);
    CHECK(logger.flag(calculation(4.5, "multiply", -0.25, -1.125)) == 2);
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == CsvRow{"num1", "operation", "num2", "Output", "flag", "timestamp"});
    CHECK(CsvRow(rows[1].begin(), rows[1].end() - 1) == CsvRow{"5", "add", "7", "-12", "wrong sign"});
    CHECK(CsvRow(rows[2].begin(), rows[2].end() - 1) == CsvRow{"4.5", "multiply", "-0.25", "-1.125", ""});
    CHECK(imgr::test::looks_like_timestamp(rows[1].back()));
    CHECK(read_text(dir / "logs.csv").find('\r') == std::string::npos);  // rows end in "\n" alone
}

TEST_CASE("csv logger: values of every kind take their cell form") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"check", ComponentKind::Checkbox},
                  {"group", ComponentKind::CheckboxGroup},
                  {"label", ComponentKind::Label},
                  {"empty", ComponentKind::Textbox}},
                 dir.path());
    logger.flag({true, imgr::StringList{"a", "b,c"}, imgr::LabelValue({{"cat", 0.75}, {"dog", 0.25}}), imgr::Value{}});
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][0] == "true");
    CHECK(rows[1][1] == R"(["a","b,c"])");
    CHECK(rows[1][2] == R"({"confidences":[{"confidence":0.75,"label":"cat"},{"confidence":0.25,"label":"dog"}],"label":"cat"})");
    CHECK(rows[1][3] == "");
}

TEST_CASE("csv logger: hostile strings read back exactly, through our parser and Python's csv module") {
    const std::vector<std::string> hostile = {
        "a,b", "say \"hi\"", "\"", "\"\"", ",", "two\nlines", "carriage\rreturn", "crlf\r\nend", "trailing\n",
        "中文字符", "emoji 😀👍🏽", "=1+2", "=HYPERLINK(\"http://x\")", "+cmd", "@sum", " lead and trail ", "",
        "tab\there", "mixed, \"quoted\"\r\n=and more 中文"};
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"text, \"with\" quotes\n", ComponentKind::Textbox}, {"中文 label", ComponentKind::Textbox}},
                 dir.path(), {.flag_column = true});
    for (const std::string& s : hostile) logger.flag({s, "=" + s}, s);

    const std::vector<CsvRow> ours = rows_of(dir / "logs.csv");
    REQUIRE(ours.size() == hostile.size() + 1);
    CHECK(ours[0] == CsvRow{"text, \"with\" quotes\n", "中文 label", "flag", "timestamp"});
    for (size_t i = 0; i < hostile.size(); ++i) {
        CAPTURE(hostile[i]);
        REQUIRE(ours[i + 1].size() == 4);
        CHECK(ours[i + 1][0] == hostile[i]);
        CHECK(ours[i + 1][1] == "=" + hostile[i]);
        CHECK(ours[i + 1][2] == hostile[i]);
    }
    CHECK(imgr::test::python_csv_rows(dir / "logs.csv") == ours);
}

TEST_CASE("csv logger: invalid UTF-8 in a value is replaced, so the file stays UTF-8") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}}, dir.path());
    logger.flag({std::string("bad\xFF" "byte")});
    CHECK(rows_of(dir / "logs.csv")[1][0] == "bad\xEF\xBF\xBD" "byte");
    CHECK(imgr::test::python_csv_rows(dir / "logs.csv")[1][0] == "bad\xEF\xBF\xBD" "byte");
}

TEST_CASE("csv logger: the flagging dir is created by the first flag, not by setup") {
    TempDir dir;
    const fs::path flagged = dir / "not" / "yet";
    imgr::CSVLogger logger;
    logger.setup({{"im", ComponentKind::Image}, {"x", ComponentKind::Number}}, flagged.string());
    CHECK_FALSE(fs::exists(dir / "not"));
    CHECK(logger.flag({imgr::ImageBuffer(), 1.0}) == 1);
    CHECK(fs::is_regular_file(flagged / "logs.csv"));
    CHECK_FALSE(fs::exists(flagged / "im"));  // no image, no folder
    CHECK(rows_of(flagged / "logs.csv")[1][0] == "");
}

TEST_CASE("csv logger: the row count continues across restarts") {
    TempDir dir;
    {
        imgr::CSVLogger logger;
        logger.setup(kCalculator, dir.path());
        CHECK(logger.flag(calculation(1, "add", 1, 2)) == 1);
        CHECK(logger.flag(calculation(2, "add", 2, 4)) == 2);
    }
    imgr::CSVLogger restarted;
    restarted.setup(kCalculator, dir.path());
    CHECK(restarted.flag(calculation(3, "add", 3, 6)) == 3);
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0][0] == "num1");  // one header, at the top
    CHECK(rows[3][0] == "3");
}

TEST_CASE("csv logger: images are saved as numbered PNGs, numbering continues across restarts") {
    TempDir dir;
    const std::vector<imgr::FlagField> fields = {{"Input image", ComponentKind::Image},
                                                 {"strength", ComponentKind::Slider}};
    const imgr::ImageBuffer first = imgr::test::test_image(5, 4, 1), second = imgr::test::test_image(3, 2, 2),
                            third = imgr::test::test_image(2, 2, 3);
    {
        imgr::CSVLogger logger;
        logger.setup(fields, dir.path());
        logger.flag({first, 0.5});
        logger.flag({second, 0.25});
    }
    imgr::CSVLogger restarted;
    restarted.setup(fields, dir.path());
    CHECK(restarted.flag({third, 1.0}) == 3);

    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1][0] == "Input image/0.png");
    CHECK(rows[2][0] == "Input image/1.png");
    CHECK(rows[3][0] == "Input image/2.png");
    const imgr::ImageBuffer* expected[] = {&first, &second, &third};
    for (int i = 0; i < 3; ++i) {
        const imgr::ImageLoadResult loaded = imgr::load_image_file((dir.path() / rows[i + 1][0]).string());
        REQUIRE(loaded);
        CHECK(loaded.image == *expected[i]);
    }
    for (const auto& entry : fs::directory_iterator(dir / "Input image"))  // no temporary files left behind
        CHECK(entry.path().extension() == ".png");
}

TEST_CASE("csv logger: an existing image file is never overwritten") {
    TempDir dir;
    fs::create_directory(dir / "im");
    write_text(dir / "im" / "0.png", "not ours");
    imgr::CSVLogger logger;
    logger.setup({{"im", ComponentKind::Image}}, dir.path());
    logger.flag({imgr::test::test_image(2, 2, 1)});
    CHECK(rows_of(dir / "logs.csv")[1][0] == "im/1.png");

    // A file that appears after setup (another process numbering the same folder) is skipped too.
    write_text(dir / "im" / "2.png", "also not ours");
    logger.flag({imgr::test::test_image(2, 2, 2)});
    CHECK(rows_of(dir / "logs.csv")[2][0] == "im/3.png");
    CHECK(read_text(dir / "im" / "0.png") == "not ours");
    CHECK(read_text(dir / "im" / "2.png") == "also not ours");
    CHECK(imgr::load_image_file((dir / "im" / "3.png").string()));
}

TEST_CASE("csv logger: two fields with the same label get distinct columns and folders") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"im", ComponentKind::Image}, {"im", ComponentKind::Image}, {"x", ComponentKind::Number},
                  {"x", ComponentKind::Number}},
                 dir.path());
    const imgr::ImageBuffer a = imgr::test::test_image(2, 2, 1), b = imgr::test::test_image(2, 2, 2);
    logger.flag({a, b, 1.0, 2.0});
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    CHECK(rows[0] == CsvRow{"im", "im 1", "x", "x 1", "timestamp"});
    CHECK(CsvRow(rows[1].begin(), rows[1].end() - 1) == CsvRow{"im/0.png", "im 1/0.png", "1", "2"});
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == a);
    CHECK(imgr::load_image_file((dir / "im 1" / "0.png").string()).image == b);
}

TEST_CASE("csv logger: a hostile image label cannot put files outside the flagging dir") {
    TempDir dir;
    const fs::path flagged = dir / "flagged";
    imgr::CSVLogger logger;
    logger.setup({{"../../escape", ComponentKind::Image}, {"/abs/path", ComponentKind::Image},
                  {"..", ComponentKind::Image}},
                 flagged.string());
    const imgr::ImageBuffer image = imgr::test::test_image(2, 2, 1);
    logger.flag({image, image, image});
    const std::vector<CsvRow> rows = rows_of(flagged / "logs.csv");
    CHECK(rows[0] == CsvRow{"../../escape", "/abs/path", "..", "timestamp"});  // the header keeps the labels
    // ".." names no folder: it gets its position's, as an empty label would.
    CHECK(CsvRow(rows[1].begin(), rows[1].end() - 1) == CsvRow{"_._escape/0.png", "_abs_path/0.png", "component 2/0.png"});
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
        const fs::path relative = fs::relative(fs::weakly_canonical(entry.path()), fs::weakly_canonical(flagged));
        CAPTURE(entry.path());
        CHECK((entry.path() == flagged || *relative.begin() != ".."));
    }
}

TEST_CASE("csv logger: a logs.csv with other columns is left alone, rows go to logs_1.csv") {
    TempDir dir;
    imgr::CSVLogger first;
    first.setup({{"a", ComponentKind::Number}, {"b", ComponentKind::Number}}, dir.path());
    first.flag({1.0, 2.0});
    const std::string original = read_text(dir / "logs.csv");

    imgr::CSVLogger changed;
    imgr::test::StderrCapture stderr_capture;
    changed.setup({{"a", ComponentKind::Number}, {"c", ComponentKind::Textbox}}, dir.path());
    const std::string said = stderr_capture.text();
    CHECK(said.find("logs_1.csv") != std::string::npos);
    CHECK(said.find("logs.csv") != std::string::npos);
    CHECK(changed.log_path().filename() == "logs_1.csv");
    CHECK(changed.flag({3.0, std::string("x")}) == 1);
    CHECK(read_text(dir / "logs.csv") == original);
    CHECK(rows_of(dir / "logs_1.csv")[0] == CsvRow{"a", "c", "timestamp"});

    // The first layout again finds its own file and continues it; a third one takes logs_2.csv.
    imgr::CSVLogger back;
    back.setup({{"a", ComponentKind::Number}, {"b", ComponentKind::Number}}, dir.path());
    CHECK(back.flag({4.0, 5.0}) == 2);
    imgr::CSVLogger third;
    third.setup({{"z", ComponentKind::Number}}, dir.path());
    CHECK(third.flag({6.0}) == 1);
    CHECK(rows_of(dir / "logs_2.csv")[0] == CsvRow{"z", "timestamp"});
    CHECK(rows_of(dir / "logs.csv").size() == 3);
    CHECK(rows_of(dir / "logs_1.csv").size() == 2);
}

TEST_CASE("csv logger: a file that is not this logger's CSV is never appended to") {
    TempDir dir;
    write_text(dir / "logs.csv", "free text\nwith a \"stray\" quote\n");  // malformed CSV
    write_text(dir / "logs_1.csv", "y,timestamp");                        // another header, no line break
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"x", ComponentKind::Textbox}}, dir.path());
    logger.flag({std::string("v")});
    CHECK(read_text(dir / "logs.csv") == "free text\nwith a \"stray\" quote\n");
    CHECK(read_text(dir / "logs_1.csv") == "y,timestamp");
    CHECK(rows_of(dir / "logs_2.csv").size() == 2);
}

TEST_CASE("setup() again: new columns or a new directory") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kCalculator, (dir / "one").string());
    CHECK(logger.flag(calculation(1, "add", 2, 3)) == 1);
    imgr::test::StderrCapture quiet;
    logger.setup({{"only", ComponentKind::Textbox}}, (dir / "one").string());
    CHECK(logger.flag({std::string("x")}) == 1);
    CHECK(logger.log_path().filename() == "logs_1.csv");
    logger.setup(kCalculator, (dir / "two").string());
    CHECK(logger.flag(calculation(1, "add", 2, 3)) == 1);
    logger.setup(kCalculator, (dir / "one").string());
    CHECK(logger.flag(calculation(1, "add", 2, 3)) == 2);
    CHECK(rows_of(dir / "one" / "logs.csv").size() == 3);
    CHECK(rows_of(dir / "two" / "logs.csv").size() == 2);
}

TEST_CASE("csv logger: mistakes in the call are reported, not written") {
    TempDir dir;
    imgr::CSVLogger logger;
    CHECK_THROWS_AS(logger.flag({1.0}), std::logic_error);
    logger.setup(kCalculator, dir.path());
    CHECK_THROWS_WITH_AS(logger.flag({1.0}), "flag() got 1 values for 4 flagged components", std::invalid_argument);
    CHECK_THROWS_AS(logger.flag(calculation(1, "add", 1, 2), "wrong sign"), std::invalid_argument);
    CHECK_FALSE(fs::exists(dir / "logs.csv"));
    CHECK(logger.pending_count() == 0);
}

TEST_CASE("csv logger: flags from 8 threads give well-formed rows and distinct images") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}, {"im", ComponentKind::Image}}, dir.path());
    constexpr int kThreads = 8, kEach = 25;
    const imgr::ImageBuffer image = imgr::test::test_image(3, 3, 7);
    std::vector<std::vector<int>> counts(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i)
                counts[t].push_back(logger.flag({"thread " + std::to_string(t) + ", \"row\"\n" + std::to_string(i), image}));
        });
    for (std::thread& thread : threads) thread.join();

    std::vector<int> all;
    for (const auto& c : counts) all.insert(all.end(), c.begin(), c.end());
    std::sort(all.begin(), all.end());
    for (int i = 0; i < kThreads * kEach; ++i) CHECK(all[i] == i + 1);  // each acknowledgement a distinct count

    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == kThreads * kEach + 1);
    std::set<std::string> texts, files;
    for (size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == 3);
        texts.insert(rows[r][0]);
        files.insert(rows[r][1]);
        CHECK(imgr::test::looks_like_timestamp(rows[r][2]));
    }
    CHECK(texts.size() == size_t(kThreads * kEach));
    CHECK(texts.count("thread 3, \"row\"\n24") == 1);
    CHECK(files.size() == size_t(kThreads * kEach));
    CHECK(files.count("im/199.png") == 1);
    CHECK(imgr::test::python_csv_rows(dir / "logs.csv") == rows);
}

TEST_CASE("csv logger: --flagging-dir moves rows to its folder, also for a logger set up before it was read") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"im", ComponentKind::Image}}, (dir / "requested").string());
    auto app_override = std::make_shared<imgr::FlaggingDirOverride>();  // an app's, handed to its callbacks
    logger.follow_flagging_dir(app_override);
    app_override->set((dir / "override").string());  // as launch() does after reading the command line
    CHECK(logger.flag({imgr::test::test_image(2, 2, 1)}) == 1);
    CHECK(logger.log_path() == dir / "override" / "logs.csv");
    CHECK(fs::is_regular_file(dir / "override" / "im" / "0.png"));
    CHECK_FALSE(fs::exists(dir / "requested"));
    app_override->set("");
    CHECK(logger.flag({imgr::test::test_image(2, 2, 2)}) == 1);
    CHECK(rows_of(dir / "requested" / "logs.csv")[1][0] == "im/0.png");
    CHECK(rows_of(dir / "override" / "logs.csv").size() == 2);
}
