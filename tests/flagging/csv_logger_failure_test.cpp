// CSVLogger when things go wrong: an unusable directory, a full disk, a crash
// in the middle of a write. An acknowledged row is never lost, a refused row
// is kept and written later, and the file always parses.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

#include <csignal>

#include <sys/resource.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::CsvRow;
using imgr::test::read_text;
using imgr::test::TempDir;
using imgr::test::write_text;

namespace {

std::vector<CsvRow> rows_of(const fs::path& file) { return imgr::parse_csv(read_text(file)); }

CsvRow without_timestamp(const CsvRow& row) { return CsvRow(row.begin(), row.end() - 1); }

}  // namespace

TEST_CASE("csv logger: an unusable dir throws FlagError, the rows are kept and written once it works") {
    TempDir dir;
    // Under a regular file, not a chmod'ed folder: tests run as root, whom permissions do not stop.
    write_text(dir / "file.txt", "in the way");
    const fs::path flagged = dir / "file.txt" / "sub";
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"text", ComponentKind::Textbox}, {"im", ComponentKind::Image}}, flagged.string());
    const imgr::ImageBuffer image = imgr::test::test_image(4, 4, 9);

    std::string message;
    try {
        logger.flag({std::string("first"), imgr::ImageBuffer()});
        FAIL("flag() into an unusable directory returned");
    } catch (const imgr::FlagError& e) {
        message = e.what();
    }
    CHECK(message.find(flagged.string()) != std::string::npos);  // names the path
    CHECK(message.find("Not a directory") != std::string::npos);  // and the reason
    CHECK(message.find("kept") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(logger.pending_count() == 1);
    CHECK_THROWS_AS(logger.flag({std::string("second"), image}), imgr::FlagError);
    CHECK(logger.pending_count() == 2);
    CHECK_THROWS_AS(logger.retry_pending(), imgr::FlagError);
    CHECK(logger.pending_count() == 2);

    fs::remove(dir / "file.txt");
    fs::create_directory(dir / "file.txt");
    CHECK(logger.retry_pending() == 2);
    CHECK(logger.pending_count() == 0);
    CHECK(logger.flag({std::string("third"), image}) == 3);

    const std::vector<CsvRow> rows = rows_of(flagged / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(without_timestamp(rows[1]) == CsvRow{"first", ""});
    CHECK(without_timestamp(rows[2]) == CsvRow{"second", "im/0.png"});
    CHECK(without_timestamp(rows[3]) == CsvRow{"third", "im/1.png"});
    CHECK(rows[1].back() <= rows[2].back());  // each row keeps the time it was flagged
    CHECK(imgr::load_image_file((flagged / "im" / "0.png").string()).image == image);
}

TEST_CASE("csv logger: a kept row is written first by the next successful flag") {
    TempDir dir;
    write_text(dir / "blocker", "");
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"n", ComponentKind::Number}}, (dir / "blocker").string());  // the flagging dir is a file
    CHECK_THROWS_WITH_AS(logger.flag({1.0}), doctest::Contains("blocker"), imgr::FlagError);
    fs::remove(dir / "blocker");
    CHECK(logger.flag({2.0}) == 2);
    const std::vector<CsvRow> rows = rows_of(dir / "blocker" / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "1");
    CHECK(rows[2][0] == "2");
}

TEST_CASE("csv logger: kept rows are bounded, beyond the bound a flag fails, saying the row is not kept") {
    TempDir dir;
    write_text(dir / "file.txt", "");
    const fs::path flagged = dir / "file.txt" / "sub";
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"n", ComponentKind::Number}}, flagged.string(), {.max_pending = 3});
    for (double n : {1.0, 2.0, 3.0}) CHECK_THROWS_WITH_AS(logger.flag({n}), doctest::Contains("kept in memory"), imgr::FlagError);
    CHECK_THROWS_WITH_AS(logger.flag({4.0}), doctest::Contains("this row is not kept"), imgr::FlagError);
    CHECK(logger.pending_count() == 3);
    fs::remove(dir / "file.txt");
    CHECK(logger.flag({5.0}) == 4);
    const std::vector<CsvRow> rows = rows_of(flagged / "logs.csv");
    REQUIRE(rows.size() == 5);
    CHECK(rows[1][0] == "1");
    CHECK(rows[3][0] == "3");
    CHECK(rows[4][0] == "5");
}

TEST_CASE("csv logger: a write cut short (disk full) is rolled back and the row is kept") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}}, dir.path());
    CHECK(logger.flag({std::string("fits")}) == 1);
    const std::string before = read_text(dir / "logs.csv");

    // A file size limit makes write() stop part-way, as a full disk does.
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit tight = saved;
    tight.rlim_cur = before.size() + 10;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &tight) == 0);
    std::string message;
    try {
        logger.flag({std::string(200, 'x')});
    } catch (const imgr::FlagError& e) {
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);

    CHECK(message.find("bytes written") != std::string::npos);
    CHECK(message.find("logs.csv") != std::string::npos);
    CHECK(read_text(dir / "logs.csv") == before);  // no partial row
    CHECK(logger.pending_count() == 1);
    CHECK(logger.retry_pending() == 2);
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2][0] == std::string(200, 'x'));
}

TEST_CASE("csv logger: a crash at any byte of a row leaves a file that is repaired at setup and parses") {
    // The bytes a crash may leave: every prefix of a row appended after a complete one.
    TempDir source;
    imgr::CSVLogger writer;
    writer.setup({{"text", ComponentKind::Textbox}, {"n", ComponentKind::Number}}, source.path());
    writer.flag({std::string("complete"), 1.0});
    const std::string complete = read_text(source / "logs.csv");
    writer.flag({std::string("a \"quoted\",\nmulti-line\r\nvalue 中文"), 2.0});
    const std::string full = read_text(source / "logs.csv");
    const std::string row = full.substr(complete.size());

    for (size_t cut = 0; cut < row.size(); ++cut) {
        CAPTURE(cut);
        TempDir dir;
        write_text(dir / "logs.csv", complete + row.substr(0, cut));
        imgr::CSVLogger logger;
        imgr::test::StderrCapture stderr_capture;
        logger.setup({{"text", ComponentKind::Textbox}, {"n", ComponentKind::Number}}, dir.path());
        const std::string said = stderr_capture.text();
        CHECK(read_text(dir / "logs.csv") == complete);  // the partial row is cut at setup
        if (cut > 0) CHECK(said.find("partial row") != std::string::npos);
        CHECK(logger.flag({std::string("after"), 3.0}) == 2);
        const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
        REQUIRE(rows.size() == 3);
        CHECK(without_timestamp(rows[2]) == CsvRow{"after", "3"});
        if (cut == row.size() / 2) CHECK(imgr::test::python_csv_rows(dir / "logs.csv") == rows);  // Python is slow to start
    }
}

TEST_CASE("csv logger: a file holding only part of its header is started again") {
    TempDir dir;
    write_text(dir / "logs.csv", "num1,opera");
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"num1", ComponentKind::Number}, {"operation", ComponentKind::Radio}}, dir.path());
    CHECK(logger.flag({1.0, std::string("add")}) == 1);
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == CsvRow{"num1", "operation", "timestamp"});
}

TEST_CASE("csv logger: a log file removed between flags is started again with its header") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"n", ComponentKind::Number}}, dir.path());
    CHECK(logger.flag({1.0}) == 1);
    fs::remove(dir / "logs.csv");
    CHECK(logger.flag({2.0}) == 1);  // the count is of rows in the file
    const std::vector<CsvRow> rows = rows_of(dir / "logs.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == CsvRow{"n", "timestamp"});
    CHECK(rows[1][0] == "2");
}
