#include <doctest/doctest.h>
#include <imgr/platform/fonts.h>
#include <imgui.h>

#include <fstream>

namespace {
// An ImGui context is enough to build a font atlas: no window, no GL.
struct AtlasFixture {
    ImFontAtlas atlas;
};
}  // namespace

TEST_CASE_FIXTURE(AtlasFixture, "the default set loads DejaVu Sans when it is installed") {
    imgr::FontSet fonts;
    REQUIRE(fonts.load(atlas, {}, 1.0f).ok());
    REQUIRE(fonts.regular() != nullptr);
    CHECK(fonts.regular()->FontSize == doctest::Approx(16.0f));
    if (std::ifstream("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").good())
        CHECK(fonts.regular_file().find("DejaVuSans.ttf") != std::string::npos);
    CHECK(fonts.regular()->FindGlyphNoFallback(u'A') != nullptr);
    CHECK(fonts.regular()->FindGlyphNoFallback(u'ж') != nullptr);
}

TEST_CASE_FIXTURE(AtlasFixture, "sizes follow the content scale") {
    imgr::FontSet fonts;
    REQUIRE(fonts.load(atlas, {}, 2.0f).ok());
    CHECK(fonts.regular()->FontSize == doctest::Approx(32.0f));
    CHECK(fonts.large()->FontSize == doctest::Approx(48.0f));
}

TEST_CASE_FIXTURE(AtlasFixture, "Chinese text becomes displayable once covered") {
    imgr::FontSet fonts;
    REQUIRE(fonts.load(atlas, {}, 1.0f).ok());
    CHECK_FALSE(fonts.cover("plain ascii"));
    CHECK_FALSE(fonts.cover("Ελληνικά"));  // in the base ranges already
    if (fonts.cjk_file().empty()) {
        MESSAGE("no CJK font installed (fonts-wqy-microhei); skipping the glyph check");
        return;
    }
    CHECK(fonts.regular()->FindGlyphNoFallback(0x6807) == nullptr);  // 标
    CHECK(fonts.cover("标记"));
    CHECK(fonts.needs_rebuild());
    CHECK_FALSE(fonts.cover("记标"));  // nothing new
    REQUIRE(fonts.load(atlas, {}, 1.0f).ok());
    CHECK_FALSE(fonts.needs_rebuild());
    CHECK(fonts.regular()->FindGlyphNoFallback(0x6807) != nullptr);
    CHECK(fonts.regular()->FindGlyphNoFallback(0x8BB0) != nullptr);  // 记
    CHECK(fonts.regular()->FindGlyphNoFallback(0x6C34) == nullptr);  // 水: never used, never baked
}

TEST_CASE_FIXTURE(AtlasFixture, "an unreadable font file is a clear error") {
    imgr::FontSet fonts;
    imgr::FontStyle style;
    style.regular_path = "/nonexistent/font.ttf";
    const imgr::IoResult loaded = fonts.load(atlas, style, 1.0f);
    CHECK_FALSE(loaded);
    CHECK(loaded.error == "cannot read font file '/nonexistent/font.ttf'");
}

TEST_CASE_FIXTURE(AtlasFixture, "a face is baked only when asked for") {
    imgr::FontSet fonts;
    imgr::FontStyle style;
    style.faces = imgr::FontFaces::none();
    REQUIRE(fonts.load(atlas, style, 1.0f).ok());
    CHECK(fonts.regular() != nullptr);
    CHECK(fonts.bold() == nullptr);
    CHECK(fonts.mono() == nullptr);
    CHECK(fonts.large() == nullptr);
    CHECK(atlas.Fonts.Size == 1);
    const int regular_only_height = atlas.TexHeight;

    style.faces.mono = true;
    REQUIRE(fonts.load(atlas, style, 1.0f).ok());
    CHECK(fonts.bold() == nullptr);
    CHECK(fonts.mono() != nullptr);
    CHECK(fonts.large() == nullptr);
    CHECK(atlas.Fonts.Size == 2);

    REQUIRE(fonts.load(atlas, {}, 1.0f).ok());  // the default: every face
    CHECK(fonts.bold() != nullptr);
    CHECK(fonts.mono() != nullptr);
    CHECK(fonts.large() != nullptr);
    CHECK(atlas.TexHeight > regular_only_height);
}

TEST_CASE("each component kind asks for the faces its widget draws with") {
    using imgr::ComponentKind;
    using imgr::faces_drawn_by;
    const auto none = [](imgr::FontFaces f) { return !f.bold && !f.mono && !f.large; };
    for (ComponentKind kind : {ComponentKind::Number, ComponentKind::Slider, ComponentKind::Textbox,
                               ComponentKind::Button, ComponentKind::Image, ComponentKind::Checkbox})
        CHECK(none(faces_drawn_by(kind)));
    const imgr::FontFaces markdown = faces_drawn_by(ComponentKind::Markdown);
    CHECK((markdown.bold && markdown.mono && markdown.large));
    CHECK(faces_drawn_by(ComponentKind::Label).large);
    CHECK(faces_drawn_by(ComponentKind::Json).mono);
    CHECK(faces_drawn_by(ComponentKind::Dataframe).bold);
    CHECK(faces_drawn_by(ComponentKind::Plot).bold);
    imgr::FontFaces any = imgr::FontFaces::none();
    any |= faces_drawn_by(ComponentKind::Json);
    any |= faces_drawn_by(ComponentKind::Number);
    CHECK((!any.bold && any.mono && !any.large));
}
