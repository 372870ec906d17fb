// The grabcut sample's cut (samples/grabcut_cut.h) on the picture it draws:
// scribbles across the ball and around it give a mask that covers the ball
// (IoU with the drawn disc), its box, a cut-out transparent outside it; the
// same strokes give the same cut (replay depends on it); no object stroke is
// a message, and a stopped run stops.
#include <doctest/doctest.h>

#include "grabcut_cut.h"
#include "grabcut_scene.h"

#include <imgr/model/brush_stroke.h>

#include <cmath>

namespace {

// The disc grabcut_scene() draws: centre (240, 187.2), radius 93.6, in a 480x360 picture.
imgr::ImageBuffer drawn_ball() {
    imgr::ImageBuffer disc(480, 360, 1);
    for (int y = 0; y < 360; ++y)
        for (int x = 0; x < 480; ++x) {
            const float dx = (x - 240) / 93.6f, dy = (y - 360 * 0.52f) / 93.6f;
            disc.mutable_u8()[y * 480 + x] = dx * dx + dy * dy < 1 ? 255 : 0;
        }
    return disc;
}

imgr::ImageEditorValue scribbled() {
    imgr::ImageEditorValue picture = imgr::editor_value(grabcut_scene());
    imgr::ImageBuffer& layer = picture.layers[0];
    const imgr::BrushDab object{8, (kGrabcutObject << 8) | 0xff}, background{8, (kGrabcutBackground << 8) | 0xff};
    imgr::paint_segment(layer, 200, 187, 280, 187, object);
    imgr::paint_segment(layer, 240, 140, 240, 240, object);
    const float loop[][2] = {{120, 60}, {360, 60}, {360, 330}, {120, 330}, {120, 60}};
    for (int i = 0; i < 4; ++i) imgr::paint_segment(layer, loop[i][0], loop[i][1], loop[i + 1][0], loop[i + 1][1], background);
    // Across the ball's shadow, which is as dark as the ball's shaded side: without it the cut leaks there.
    imgr::paint_segment(layer, 165, 292, 370, 292, background);
    imgr::paint_segment(layer, 165, 272, 195, 284, background);
    return picture;
}

}  // namespace

TEST_CASE("GrabCut seeded from scribbles cuts out the ball the picture shows") {
    imgr::Progress progress;
    const auto [shown, cutout, area] = cut_out(scribbled(), 5, progress);
    REQUIRE(shown.masks.size() == 1);
    const double iou = imgr::mask_iou(shown.masks[0].mask, drawn_ball());
    INFO("IoU with the drawn ball: " << iou);
    CHECK(iou > 0.95);
    REQUIRE(shown.boxes.size() == 1);
    CHECK(std::abs(shown.boxes[0].x0 - 146) < 8);
    CHECK(std::abs(shown.boxes[0].x1 - 334) < 8);
    CHECK(std::abs(shown.boxes[0].y0 - 94) < 8);
    CHECK(std::abs(shown.boxes[0].y1 - 281) < 8);
    // The cut-out: the picture inside the mask, transparent outside.
    CHECK(cutout.channels() == 4);
    CHECK(cutout.sample(240, 187, 3) == 255);
    CHECK(cutout.sample(240, 187, 0) == shown.image.sample(240, 187, 0));
    CHECK(cutout.sample(10, 10, 3) == 0);
    CHECK(area.confidences.at(0).first == "object");
    CHECK(area.confidences.at(0).second == doctest::Approx(M_PI * 93.6 * 93.6 / (480 * 360)).epsilon(0.1));
    CHECK(progress.fraction() == doctest::Approx(0.8));  // the fifth iteration's report

    // The same strokes, the same cut: what replay compares.
    imgr::Progress again;
    CHECK(std::get<0>(cut_out(scribbled(), 5, again)) == shown);
}

TEST_CASE("GrabCut without an object stroke says so, and a stopped run stops") {
    imgr::Progress progress;
    CHECK_THROWS_WITH_AS(cut_out(imgr::editor_value(grabcut_scene()), 3, progress),
                         "Paint an \"object\" stroke across what you want cut out", imgr::Error);
    imgr::Progress stopped;
    stopped.cancel();
    CHECK_THROWS_AS(cut_out(scribbled(), 3, stopped), imgr::Cancelled);
}
