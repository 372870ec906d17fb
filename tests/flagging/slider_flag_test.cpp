// ImageSlider flagged as docs/flagging.md says: <label>/N_a.png (before) and
// <label>/N_b.png (after), the cell naming N_a.png; numbering continues over
// restarts; read back equal by the Flagged panel's loader.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;

TEST_CASE("image slider: flagged as N_a.png and N_b.png, numbered on across restarts, loaded back equal") {
    imgr::test::TempDir dir;
    const std::vector<imgr::FlagField> fields = {{"compare", ComponentKind::ImageSlider}};
    const imgr::ImageSliderValue value{imgr::test::test_image(12, 9, 1), imgr::test::test_image(12, 9, 2)};
    {
        imgr::CSVLogger logger;
        logger.setup(fields, dir.path());
        REQUIRE(logger.flag({value}) == 1);
    }
    imgr::CSVLogger logger;  // a restart: numbering goes on after 0_a.png
    logger.setup(fields, dir.path());
    REQUIRE(logger.flag({value}) == 2);

    const std::vector<imgr::CsvRow> rows = imgr::parse_csv(imgr::test::read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "compare/0_a.png");
    CHECK(rows[2][0] == "compare/1_a.png");
    for (const char* name : {"0_a.png", "0_b.png", "1_a.png", "1_b.png"}) CHECK(fs::exists(dir / "compare" / name));
    CHECK(imgr::load_image_file((dir / "compare" / "1_b.png").string()).image == value.after);

    const imgr::Value loaded = imgr::value_from_cell(ComponentKind::ImageSlider, imgr::ImageSliderProps{}, rows[2][0], dir.path());
    CHECK(std::get<imgr::ImageSliderValue>(loaded) == value);
    CHECK_THROWS_AS(imgr::value_from_cell(ComponentKind::ImageSlider, imgr::ImageSliderProps{}, "compare/0.png", dir.path()),
                    imgr::Error);
}
