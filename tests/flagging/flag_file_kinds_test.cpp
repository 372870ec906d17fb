// The one table the flag file layer asks about kinds flagged as files
// (engine/flagging/flag_file_kinds.h), and the file codecs of kinds that take a
// dropped file (model/kind_files.h): every kind that says it is flagged as files
// has an entry that saves and loads, and only those.
#include "flagging_support.h"

#include "imgr/engine/flagging/flag_file_kinds.h"
#include "imgr/model/image_io.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/kind_traits.h"

#include <doctest/doctest.h>

using namespace imgr;
using imgr::test::TempDir;

TEST_CASE("every core kind flagged as files has one entry that saves and loads it, and no other kind has one") {
    for (size_t i = 0; i < kComponentKindCount; ++i) {
        const auto kind = (ComponentKind)i;
        CAPTURE(kind_name(kind));
        const FlagFiles* files = flag_files(kind);
        if (module_kind_name(kind)) {  // a module's kind: this program does not link the media module
            CHECK(files == nullptr);
            continue;
        }
        REQUIRE((files != nullptr) == is_file_kind(kind));
        if (!files) continue;
        const bool saves_and_loads = files->has_content && files->save && files->load;
        CHECK(saves_and_loads);
        // An empty value writes nothing; a Gallery alone is a folder per value.
        CHECK_FALSE(files->has_content(kind, kind_traits(kind).default_value(KindProps{})));
        CHECK(files->numbered_folders == std::string(flag_file_extension(kind)).empty());
    }
}

TEST_CASE("an image saved through its entry loads back through it, from inside the folder only") {
    const TempDir dir;
    const FlagFiles& files = *flag_files(ComponentKind::Image);
    ImageBuffer image(3, 2, 3);
    image.mutable_u8()[0] = 200;
    CHECK(files.has_content(ComponentKind::Image, Value(image)));
    REQUIRE(files.save(ComponentKind::Image, dir.path() / "0.png", "Image", Value(image)));
    const Value loaded = files.load(ComponentKind::Image, dir.path(), "0.png");
    REQUIRE(std::holds_alternative<ImageBuffer>(loaded));
    CHECK(std::get<ImageBuffer>(loaded).width() == 3);
    CHECK(std::get<ImageBuffer>(loaded).u8()[0] == 200);
    CHECK_THROWS(files.load(ComponentKind::Image, dir.path(), "../0.png"));
}

TEST_CASE("the kinds that take a dropped file are the ones with a codec that loads: Image and ImageEditor") {
    CHECK(accepts_files(ComponentKind::Image));
    CHECK(accepts_files(ComponentKind::ImageEditor));
    CHECK_FALSE(accepts_files(ComponentKind::Number));
    CHECK_FALSE(accepts_files(ComponentKind::Gallery));
    const TempDir dir;
    REQUIRE(save_png((dir.path() / "in.png").string(), ImageBuffer(4, 5, 4)));
    ValueLoadResult editor = load_value_file(ComponentKind::ImageEditor, (dir.path() / "in.png").string());
    REQUIRE(editor);
    CHECK(std::get<ImageEditorValue>(editor.value).background.height() == 5);
    ValueLoadResult missing = load_value_file(ComponentKind::Image, (dir.path() / "none.png").string());
    CHECK_FALSE(missing);
    CHECK(missing.error.rfind("cannot load the image ", 0) == 0);
    ValueLoadResult number = load_value_file(ComponentKind::Number, (dir.path() / "in.png").string());
    CHECK(number.error == "a Number takes no file");
}
