// Flagging onto a full file system (a small tmpfs, filled): the failure says
// the disk is full, no half row or half image is left, acknowledged rows stay,
// refused rows are kept and written in order once space is freed.
#include "faults/scratch_mount.h"
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

std::vector<std::string> names_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("full file system: the flag says the disk is full, the CSV stays whole, and kept rows are written once there is space") {
    imgr::test::ScratchMount disk(256 * 1024);
    if (!disk.available()) {
        MESSAGE("skipped: " << disk.why_not());
        return;
    }
    MESSAGE("on a 256 KiB tmpfs at " << disk.path());
    const fs::path dir = disk.path() / "flagged";
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"text", ComponentKind::Textbox}, {"im", ComponentKind::Image}}, dir.string());
    const imgr::ImageBuffer early = imgr::test::test_image(32, 32, 1), late = imgr::test::test_image(32, 32, 2);
    REQUIRE(logger.flag({std::string("before"), early}) == 1);
    const std::string before = imgr::test::read_text(dir / "logs.csv");

    const fs::path filler = imgr::test::fill_file_system(disk.path());
    std::string message;
    try {
        logger.flag({std::string("on a full disk"), late});
        FAIL("flag() onto a full disk returned as if the row were saved");
    } catch (const imgr::FlagError& e) {
        message = e.what();
    }
    CHECK(message.find("No space left on device") != std::string::npos);
    CHECK(message.find(dir.string()) != std::string::npos);
    CHECK(message.find("kept") != std::string::npos);
    // A text row waits behind the image row, so the order on disk stays the order flagged.
    CHECK_THROWS_AS(logger.flag({std::string("text after it"), imgr::ImageBuffer()}), imgr::FlagError);
    CHECK(logger.pending_count() == 2);
    CHECK(imgr::test::read_text(dir / "logs.csv") == before);        // no half row
    CHECK(names_in(dir / "im") == std::vector<std::string>{"0.png"});  // no half or empty image

    fs::remove(filler);
    CHECK(logger.retry_pending() == 3);
    CHECK(logger.pending_count() == 0);
    const std::vector<CsvRow> rows = imgr::test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(without_timestamp(rows[1]) == CsvRow{"before", "im/0.png"});
    CHECK(without_timestamp(rows[2]) == CsvRow{"on a full disk", "im/1.png"});
    CHECK(without_timestamp(rows[3]) == CsvRow{"text after it", ""});
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == early);
    CHECK(imgr::load_image_file((dir / "im" / "1.png").string()).image == late);
}
