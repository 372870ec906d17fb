// Flagging into a folder that turns read-only: the flag says which folder and
// why, the rows are kept, and once the folder is writable again they are
// written in the order they were flagged. Nothing acknowledged is lost.
#include "faults/read_only_folder.h"
#include "flagging/flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::CsvRow;

namespace {

CsvRow without_timestamp(const CsvRow& row) { return CsvRow(row.begin(), row.end() - 1); }

std::string flag_error(imgr::CSVLogger& logger, const std::vector<imgr::Value>& values) {
    try {
        logger.flag(values);
    } catch (const imgr::FlagError& e) {
        return e.what();
    }
    FAIL("flag() into a read-only folder returned as if the row were saved");
    return "";
}

}  // namespace

TEST_CASE("read-only folder: the flag names the folder and the reason, keeps the rows, and writes them in order later") {
    imgr::test::ReadOnlyFolder folder;
    if (!folder.available()) {
        MESSAGE("skipped: cannot make a read-only folder here: " << folder.why_not());
        return;
    }
    MESSAGE("read-only through " << folder.how());
    const fs::path dir = folder.path();
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"text", ComponentKind::Textbox}, {"im", ComponentKind::Image}}, dir.string());
    const imgr::ImageBuffer first = imgr::test::test_image(8, 8, 1), second = imgr::test::test_image(8, 8, 2);
    REQUIRE(logger.flag({std::string("before"), first}) == 1);
    const std::string before = imgr::test::read_text(dir / "logs.csv");

    REQUIRE_MESSAGE(folder.set_read_only(true) == "", folder.set_read_only(true));
    // An image row fails at its image folder, a text row at the log file: both name the place and the reason.
    const std::string image_row = flag_error(logger, {std::string("during, with image"), second});
    CHECK(image_row.find((dir / "im").string()) != std::string::npos);
    CHECK(image_row.find(folder.refusal()) != std::string::npos);
    CHECK(image_row.find("kept") != std::string::npos);
    const std::string text_row = flag_error(logger, {std::string("during, text only"), imgr::ImageBuffer()});
    CHECK(text_row.find(dir.string()) != std::string::npos);
    CHECK(text_row.find(folder.refusal()) != std::string::npos);
    CHECK(logger.pending_count() == 2);
    CHECK_THROWS_AS(logger.retry_pending(), imgr::FlagError);
    CHECK(logger.pending_count() == 2);
    CHECK(imgr::test::read_text(dir / "logs.csv") == before);  // the acknowledged row, untouched

    REQUIRE(folder.set_read_only(false) == "");
    CHECK(logger.retry_pending() == 3);
    CHECK(logger.pending_count() == 0);
    const std::vector<CsvRow> rows = imgr::test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == CsvRow{"text", "im", "timestamp"});
    CHECK(without_timestamp(rows[1]) == CsvRow{"before", "im/0.png"});
    CHECK(without_timestamp(rows[2]) == CsvRow{"during, with image", "im/1.png"});
    CHECK(without_timestamp(rows[3]) == CsvRow{"during, text only", ""});
    CHECK(rows[2].back() <= rows[3].back());  // each keeps the time it was flagged
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == first);
    CHECK(imgr::load_image_file((dir / "im" / "1.png").string()).image == second);
}
