// A real GL test (a hidden window under Xvfb): the player's frames are drawn
// through one stream texture updated in place, and the pixels read back show
// the frame the player says it is on, across seeks and while playing.
#include "video/synthetic_video.h"

#include <imgr/media/model/video_player.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>

#include <imgui.h>

using namespace imgr;

namespace {
void wait_for(MediaChannel& channel) {
    for (int i = 0; i < 20000 && !channel.idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(channel.idle());
}
}  // namespace

TEST_CASE("video frames drawn through a stream texture read back as the frame shown, one texture updated in place") {
    const auto dir = imgr_test::fresh_dir("render");
    imgr_test::make_clip((dir / "clip.mp4").string());
    auto channel = std::make_shared<MediaChannel>();
    VideoPlayer player(channel);
    player.open_file((dir / "clip.mp4").string());
    wait_for(*channel);

    GlTextureCache cache;
    const int key = 0;
    const std::vector<double> seeks = {0.0, 1.0, 0.4, 1.8};
    int checked = 0, played_checks = 0;
    PublishedFrame drawn;
    RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 160;
    params.max_frames = 40;
    params.draw = [&](Runner& runner) {
        const int frame = runner.frame_index();
        // Frames 2..5: a seek each, then play from frame 10 on.
        if (frame >= 2 && frame < 2 + (int)seeks.size()) {
            player.seek(seeks[(size_t)(frame - 2)]);
            wait_for(*channel);
        }
        if (frame == 10) player.play();
        drawn = channel->latest();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoDecoration);
        const TextureRef texture = cache.texture_for_stream(&key, drawn.image);
        REQUIRE(texture.id != nullptr);
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        ImGui::Image(texture.id, ImVec2(160, 120));
        ImGui::End();
        ImGui::PopStyleVar();
    };
    params.after_render = [&](Runner& runner) {
        cache.end_frame();
        if (runner.frame_index() < 2) return;
        const ImageBuffer shot = runner.capture();
        // Left quarter of the picture: red; right quarter: the grey of the frame drawn.
        CHECK(std::abs(shot.sample(30, 60, 0) - 255) <= 14);
        CHECK(shot.sample(30, 60, 1) <= 14);
        const int index = (int)std::lround(drawn.time * 25);
        CHECK(std::abs(shot.sample(130, 60, 1) - imgr_test::grey_of(index)) <= 4);
        ++checked;
        if (runner.frame_index() > 10) ++played_checks;
    };
    params.before_close = [&](Runner&) { cache.clear(); };
    Runner runner(params);
    REQUIRE(runner.run() == 0);
    CHECK(checked >= 35);  // every frame from the third on
    CHECK(played_checks > 0);
    CHECK(cache.upload_count() == 1);     // one texture made...
    CHECK(cache.stream_updates() >= 4);   // ...then updated in place for each new frame (four seeks at least)
    CHECK(player.status().frames_shown >= 5);
}
