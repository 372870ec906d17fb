// AnnotatedImage flagged as docs/flagging.md says: <label>/N.png, <label>/N.json
// with the boxes and mask paths, <label>/N_mask_K.png; read back by the loader
// the Flagged panel uses (value_from_cell), equal to what was flagged.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr::test::read_text;
using imgr::test::TempDir;

namespace {

imgr::AnnotatedImageValue street_scene() {
    imgr::AnnotatedImageValue value;
    value.image = imgr::test::test_image(40, 30, 7);
    value.boxes = {{2, 3, 20.5, 15, "car", 0.875}, {22, 4, 38, 28, "person", 0.5}};
    std::vector<uint8_t> road(40 * 30, 0);
    for (int x = 0; x < 40; ++x) road[29 * 40 + x] = road[28 * 40 + x] = 255;
    value.masks = {{"road", imgr::ImageBuffer(40, 30, 1, std::move(road))}};
    return value;
}

const std::vector<imgr::FlagField> kFields = {{"caption", ComponentKind::Textbox},
                                              {"detections", ComponentKind::AnnotatedImage}};

}  // namespace

TEST_CASE("annotated image: flagged as N.png, N.json and N_mask_K.png, the CSV cell naming N.png") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kFields, dir.path());
    const imgr::AnnotatedImageValue value = street_scene();
    REQUIRE(logger.flag({std::string("a street"), value}) == 1);
    REQUIRE(logger.flag({std::string("again"), value}) == 2);

    const std::vector<imgr::CsvRow> rows = imgr::parse_csv(read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == imgr::CsvRow{"caption", "detections", "timestamp"});
    CHECK(rows[1][1] == "detections/0.png");
    CHECK(rows[2][1] == "detections/1.png");

    const imgr::Json json = imgr::Json::parse(read_text(dir / "detections" / "1.json"));
    const imgr::Json expected = imgr::Json::parse(R"({"boxes":[
        {"x0":2,"y0":3,"x1":20.5,"y1":15,"label":"car","score":0.875},
        {"x0":22,"y0":4,"x1":38,"y1":28,"label":"person","score":0.5}],
        "masks":[{"label":"road","path":"detections/1_mask_0.png"}]})");
    CHECK(json == expected);

    imgr::ImageLoadResult base = imgr::load_image_file((dir / "detections" / "1.png").string());
    REQUIRE(base);
    CHECK(base.image == value.image);
    imgr::ImageLoadResult mask = imgr::load_image_file((dir / "detections" / "1_mask_0.png").string());
    REQUIRE(mask);
    CHECK(mask.image.channels() == 1);
    CHECK(mask.image == value.masks[0].mask);
}

TEST_CASE("annotated image: the Flagged panel's loader gives back what was flagged (CSV and JSON lines)") {
    TempDir dir;
    for (bool json_lines : {false, true}) {
        std::shared_ptr<imgr::FileLogger> logger;
        if (json_lines)
            logger = std::make_shared<imgr::JSONLogger>();
        else
            logger = std::make_shared<imgr::CSVLogger>();
        const fs::path folder = dir / (json_lines ? "jsonl" : "csv");
        logger->setup(kFields, folder);
        const imgr::AnnotatedImageValue value = street_scene();
        REQUIRE(logger->flag({std::string("a street"), value}) == 1);

        const imgr::FlaggedRows flagged = imgr::read_flagged_rows(*logger);
        REQUIRE(flagged.rows.size() == 1);
        const imgr::Value loaded = imgr::value_from_cell(ComponentKind::AnnotatedImage, imgr::AnnotatedImageProps{},
                                                         flagged.rows[0][1], flagged.dir);
        REQUIRE(std::holds_alternative<imgr::AnnotatedImageValue>(loaded));
        CHECK(std::get<imgr::AnnotatedImageValue>(loaded) == value);
    }
}

TEST_CASE("annotated image: an image without its N.json loads without boxes — a broken N.json is a clear error") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kFields, dir.path());
    REQUIRE(logger.flag({std::string("x"), street_scene()}) == 1);
    fs::remove(dir / "detections" / "0.json");
    auto loaded = std::get<imgr::AnnotatedImageValue>(imgr::value_from_cell(
        ComponentKind::AnnotatedImage, imgr::AnnotatedImageProps{}, "detections/0.png", dir.path()));
    CHECK(loaded.boxes.empty());
    CHECK(loaded.image == street_scene().image);

    imgr::test::write_text(dir / "detections" / "0.json", R"({"boxes":[{"x0":1}]})");
    try {
        (void)imgr::value_from_cell(ComponentKind::AnnotatedImage, imgr::AnnotatedImageProps{}, "detections/0.png",
                                    dir.path());
        FAIL("a broken annotation file loaded");
    } catch (const imgr::Error& e) {
        CHECK(std::string(e.what()).find("0.json") != std::string::npos);
        CHECK(std::string(e.what()).find("y0") != std::string::npos);
    }
}

TEST_CASE("annotated image: an empty value is an empty cell, and no files") {
    TempDir dir;
    imgr::CSVLogger logger;
    logger.setup(kFields, dir.path());
    REQUIRE(logger.flag({std::string("nothing"), imgr::AnnotatedImageValue{}}) == 1);
    const std::vector<imgr::CsvRow> rows = imgr::parse_csv(read_text(dir / "logs.csv"));
    CHECK(rows[1][1] == "");
    CHECK(!fs::exists(dir / "detections" / "0.png"));
}
