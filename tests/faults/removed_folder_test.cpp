// The flagging folder removed while the app runs (rm -rf by a person or a
// cleanup script): the next flag creates it again as a fresh folder would be
// (a new logs.csv with its header, images from 0.png), says so, and keeps
// every row acknowledged after the removal.
#include "flagging/flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

#include <mutex>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::CsvRow;

namespace {

CsvRow without_timestamp(const CsvRow& row) { return CsvRow(row.begin(), row.end() - 1); }

// The messages a window would show as toasts, for flags written on this
// thread while it lives (as an engine captures those of a handler's run).
class MessageCapture {
public:
    MessageCapture()
        : scope_([this](imgr::Message message) {
              std::lock_guard lock(mutex_);
              messages_.push_back(std::move(message));
          }) {}
    std::vector<imgr::Message> messages() {
        std::lock_guard lock(mutex_);
        return messages_;
    }

private:
    std::mutex mutex_;
    std::vector<imgr::Message> messages_;
    imgr::MessageScope scope_;
};

}  // namespace

TEST_CASE("removed folder: the next flag creates it again with a new logs.csv and says so - no later row is lost") {
    imgr::test::TempDir parent;
    const fs::path dir = parent / "flagged";
    imgr::CSVLogger logger;
    logger.setup({{"text", ComponentKind::Textbox}, {"im", ComponentKind::Image}}, dir.string());
    for (int i = 0; i < 3; ++i)
        REQUIRE(logger.flag({"old " + std::to_string(i), imgr::test::test_image(4, 4, i)}) == i + 1);

    fs::remove_all(dir);  // the folder and its images subfolder
    MessageCapture captured;
    const imgr::ImageBuffer image = imgr::test::test_image(6, 6, 7);
    CHECK(logger.flag({std::string("after removal"), image}) == 1);  // the count is of rows in the (new) file
    CHECK(logger.flag({std::string("and after that"), imgr::ImageBuffer()}) == 2);
    CHECK(logger.pending_count() == 0);

    const std::vector<imgr::Message> messages = captured.messages();
    REQUIRE(messages.size() == 1);  // told once, not at every flag
    CHECK(messages[0].level == imgr::MessageLevel::Warning);
    CHECK(messages[0].text.find(dir.string()) != std::string::npos);
    CHECK(messages[0].text.find("removed") != std::string::npos);
    CHECK(messages[0].text.find("created it again") != std::string::npos);

    const std::vector<CsvRow> rows = imgr::test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == CsvRow{"text", "im", "timestamp"});
    CHECK(without_timestamp(rows[1]) == CsvRow{"after removal", "im/0.png"});
    CHECK(without_timestamp(rows[2]) == CsvRow{"and after that", ""});
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == image);
}

TEST_CASE("removed images subfolder: it is created again and numbering goes on, never reusing a number") {
    imgr::test::TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"im", ComponentKind::Image}}, dir.path());
    REQUIRE(logger.flag({imgr::test::test_image(4, 4, 1)}) == 1);
    REQUIRE(logger.flag({imgr::test::test_image(4, 4, 2)}) == 2);
    fs::remove_all(dir / "im");
    // logs.csv still names im/0.png and im/1.png: a new image must not take their names.
    const imgr::ImageBuffer image = imgr::test::test_image(4, 4, 3);
    CHECK(logger.flag({image}) == 3);
    const std::vector<CsvRow> rows = imgr::parse_csv(imgr::test::read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[3][0] == "im/2.png");
    CHECK(imgr::load_image_file((dir / "im" / "2.png").string()).image == image);
}

TEST_CASE("removed folder with rows waiting: their images are saved again in the new folder") {
    imgr::test::TempDir parent;
    const fs::path dir = parent / "flagged";
    imgr::CSVLogger logger;
    imgr::test::StderrCapture quiet;
    logger.setup({{"im", ComponentKind::Image}}, dir.string());
    REQUIRE(logger.flag({imgr::test::test_image(4, 4, 1)}) == 1);
    // The row's image is saved, then its row cannot be appended: logs.csv is a folder.
    fs::remove(dir / "logs.csv");
    fs::create_directory(dir / "logs.csv");
    const imgr::ImageBuffer image = imgr::test::test_image(4, 4, 2);
    CHECK_THROWS_AS(logger.flag({image}), imgr::FlagError);
    REQUIRE(logger.pending_count() == 1);
    fs::remove_all(dir);
    CHECK(logger.retry_pending() == 1);
    const std::vector<CsvRow> rows = imgr::parse_csv(imgr::test::read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][0] == "im/0.png");
    CHECK(imgr::load_image_file((dir / "im" / "0.png").string()).image == image);
}
