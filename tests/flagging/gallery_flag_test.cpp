// Gallery flagged as docs/flagging.md says: a folder <label>/N/ with 0.png,
// 1.png, ... and captions.json; the cell names the folder; numbering goes on
// after the folders there; read back equal by the Flagged panel's loader.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;

TEST_CASE("gallery: flagged as a numbered folder of PNGs with captions.json, loaded back equal") {
    imgr::test::TempDir dir;
    const std::vector<imgr::FlagField> fields = {{"samples", ComponentKind::Gallery}};
    imgr::GalleryValue value;
    value.items = {{imgr::test::test_image(10, 8, 1), "a \"cat\""}, {imgr::test::test_image(6, 9, 2), ""},
                   {imgr::test::test_image(4, 4, 3), "Straße"}};
    fs::create_directories(dir / "samples" / "0");  // a folder already there keeps its number
    imgr::CSVLogger logger;
    logger.setup(fields, dir.path());
    REQUIRE(logger.flag({value}) == 1);
    REQUIRE(logger.flag({imgr::GalleryValue{}}) == 2);

    const std::vector<imgr::CsvRow> rows = imgr::parse_csv(imgr::test::read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "samples/1/");
    CHECK(rows[2][0] == "");  // no images: no folder
    CHECK(imgr::test::read_text(dir / "samples" / "1" / "captions.json") == R"(["a \"cat\"","","Straße"])");
    for (int i = 0; i < 3; ++i)
        CHECK(imgr::load_image_file((dir / "samples" / "1" / (std::to_string(i) + ".png")).string()).image ==
              value.items[(size_t)i].image);
    CHECK(!fs::exists(dir / "samples" / "2"));

    const imgr::Value loaded = imgr::value_from_cell(ComponentKind::Gallery, imgr::GalleryProps{}, rows[1][0], dir.path());
    CHECK(std::get<imgr::GalleryValue>(loaded) == value);
    CHECK_THROWS_AS(imgr::value_from_cell(ComponentKind::Gallery, imgr::GalleryProps{}, "samples/0/", dir.path()), imgr::Error);
}
