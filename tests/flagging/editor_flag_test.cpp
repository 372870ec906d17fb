// ImageEditor flagged as docs/flagging.md says: <label>/N.png (background),
// <label>/N_layer_K.png (RGBA layers), <label>/N_composite.png; read back equal;
// a folder that lies (a corrupt or wrong-size layer, a cell leaving the folder)
// is refused with a message naming the file.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/messages.h"
#include "imgr/model/brush_stroke.h"
#include "imgr/model/image_io.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using imgr::ComponentKind;

namespace {

imgr::ImageEditorValue scribbled(int seed) {
    imgr::ImageEditorValue value = imgr::editor_value(imgr::test::test_image(16, 12, seed), 2);
    imgr::paint_segment(value.layers[0], 2, 2, 14, 2, {.size = 3, .rgba = 0x00ff00ff});
    imgr::paint_segment(value.layers[1], 8, 0, 8, 12, {.size = 2, .rgba = 0xff000080});
    value.composite = imgr::composite_of(value.background, value.layers);
    return value;
}

imgr::Value load(const std::string& cell, const fs::path& dir) {
    return imgr::value_from_cell(ComponentKind::ImageEditor, imgr::ImageEditorProps{}, cell, dir);
}

std::string refusal(const std::string& cell, const fs::path& dir) {
    try {
        (void)load(cell, dir);
    } catch (const imgr::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("image editor: flagged as N.png, N_layer_K.png and N_composite.png, loaded back equal") {
    imgr::test::TempDir dir;
    const std::vector<imgr::FlagField> fields = {{"scribbles", ComponentKind::ImageEditor}};
    const imgr::ImageEditorValue first = scribbled(1), second = scribbled(2);
    imgr::CSVLogger logger;
    logger.setup(fields, dir.path());
    REQUIRE(logger.flag({first}) == 1);
    REQUIRE(logger.flag({second}) == 2);

    const std::vector<imgr::CsvRow> rows = imgr::parse_csv(imgr::test::read_text(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "scribbles/0.png");
    CHECK(rows[2][0] == "scribbles/1.png");
    for (const char* name : {"1.png", "1_layer_0.png", "1_layer_1.png", "1_composite.png"}) CHECK(fs::exists(dir / "scribbles" / name));
    const imgr::ImageBuffer layer = imgr::load_image_file((dir / "scribbles" / "1_layer_1.png").string()).image;
    CHECK(layer.channels() == 4);
    CHECK(layer == second.layers[1]);
    CHECK(imgr::load_image_file((dir / "scribbles" / "1_composite.png").string()).image == second.composite);

    const auto loaded = std::get<imgr::ImageEditorValue>(load(rows[2][0], dir.path()));
    CHECK(loaded.background == second.background);
    REQUIRE(loaded.layers.size() == 2);
    CHECK(loaded.layers == second.layers);
    CHECK(loaded.composite == second.composite);
}

TEST_CASE("image editor: a flagged folder's bad layers are refused with the file named, never half-loaded") {
    imgr::test::TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"scribbles", ComponentKind::ImageEditor}}, dir.path());
    REQUIRE(logger.flag({scribbled(3)}) == 1);
    REQUIRE(logger.flag({scribbled(4)}) == 2);
    const fs::path folder = dir / "scribbles";

    imgr::test::write_text(folder / "0_layer_1.png", "not a PNG at all");
    CHECK(refusal("scribbles/0.png", dir.path()).find("0_layer_1.png") != std::string::npos);

    REQUIRE(imgr::save_png((folder / "1_layer_0.png").string(), imgr::ImageBuffer(5, 5, 4)));
    CHECK(refusal("scribbles/1.png", dir.path()) ==
          "the flagged layer \"scribbles/1_layer_0.png\" is 5x5, not the background's 16x12");

    CHECK(refusal("../scribbles/1.png", dir.path()).find("outside the flagged folder") != std::string::npos);
    CHECK(refusal("scribbles/1_layer_0.png", dir.path()).find("does not name an ImageEditor's background") != std::string::npos);

    // Layers end at the first number missing: a background alone has none.
    fs::remove(folder / "1_layer_0.png");
    CHECK(std::get<imgr::ImageEditorValue>(load("scribbles/1.png", dir.path())).layers.empty());
}
