// The view side of video, headless (an ImGui context, no window): a Video draws
// what its player publishes and fires its frame event, so a stream handler runs
// on the frame on screen; an Image or Video with the webcam source on a machine
// without a camera leaves everything else alone.
#include "imgr/engine/engine.h"
#include "support/headless_imgui.h"
#include "video/synthetic_video.h"

#include <imgr/engine/media_control.h>
#include <imgr/media/video_builder.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/kind_views.h>

using namespace imgr;


TEST_CASE("a Video shows its player's frames and each new frame runs the stream handler on it") {
    const auto dir = imgr_test::fresh_dir("view");
    const VideoValue clip = imgr_test::make_clip((dir / "clip.mp4").string());
    test::HeadlessImGui ui(ImVec2(900, 700));
    Blocks demo("view");
    Handle<VideoValue> video = demo.add(Video("Clip"));
    Handle<ImageBuffer> out = demo.add(Image("Out"));
    video.stream([](const ImageBuffer& frame) { return frame; }, {video}, out);
    BlocksView view(demo);
    video.set(clip);
    auto wait_frames = [&] {
        for (int i = 0; i < 5000; ++i) {
            ui.bare_frame([&] { view.draw(); });
            if (media_idle(demo.engine()) && demo.engine().idle() && !out.value().empty()) {
                ui.bare_frame([&] { view.draw(); });  // the frame that picks up the last published picture
                if (demo.engine().idle()) return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        FAIL("the video did not settle");
    };
    wait_frames();
    CHECK(imgr_test::frame_index_of(out.value()) == 0);
    CHECK(video.value().width == 320);
    CHECK(video.value().duration == doctest::Approx(2.0));

    // A script's seek: the player shows frame 30, the stream handler gets it.
    seek_media(demo.engine(), video.id(), 1.2);
    for (int i = 0; i < 5000 && imgr_test::frame_index_of(out.value()) != 30; ++i) {
        ui.bare_frame([&] { view.draw(); });
        demo.engine().poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(imgr_test::frame_index_of(out.value()) == 30);
}

TEST_CASE("a corrupt video upload is refused with a message - the component keeps its video") {
    const auto dir = imgr_test::fresh_dir("view-corrupt");
    const VideoValue clip = imgr_test::make_clip((dir / "clip.mp4").string(), 5, 5);
    std::ofstream((dir / "broken.mp4").string()) << "garbage";
    Blocks demo("corrupt");
    Handle<VideoValue> video = demo.add(Video("Clip").file(clip.path));
    CHECK_FALSE(upload_file(demo.engine(), video.id(), (dir / "broken.mp4").string()));
    CHECK(video.value() == clip);
    const std::vector<Message> messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text.find("broken.mp4") != std::string::npos);
}

// (That the component says "No camera found" is seen in the screenshots; ImGui's text
// log stays empty in this headless context, so it is not read back here.)
TEST_CASE("no camera: webcam sources stay empty and the rest of the app works") {
    if (!list_video_devices().empty()) return;  // this checks the no-camera path
    test::HeadlessImGui ui(ImVec2(900, 900));
    Blocks demo("webcam");
    Handle<ImageBuffer> still = demo.add(Image("Still").sources({"webcam"}));
    Handle<VideoValue> live = demo.add(Video("Live").sources({"webcam"}));
    Handle<double> n = demo.add(Number("n"));
    Handle<double> twice = demo.add(Number("twice"));
    n.change([](double x) { return 2 * x; }, {n}, twice);
    BlocksView view(demo);
    for (int i = 0; i < 3; ++i) ui.bare_frame([&] { view.draw(); });
    CHECK(still.value().empty());
    CHECK(live.value().empty());
    n.set(21);
    for (int i = 0; i < 5000 && twice.value() != 42; ++i) {
        ui.bare_frame([&] { view.draw(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(twice.value() == 42);
}
