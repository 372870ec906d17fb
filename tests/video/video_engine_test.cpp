// The engine side of video: the threaded player (open, seek, step, the no-camera
// path), frame streaming's always_last pacing (counted, not timed), and
// flagging a video as <label>/N.mp4 and loading it back.
#include "imgr/engine/engine.h"
#include "support/settle.h"
#include "video/synthetic_video.h"

#include <imgr/engine/app/blocks.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flagged_rows.h>
#include <imgr/engine/media_control.h>
#include <imgr/media/model/video_player.h>
#include <imgr/media/video_builder.h>

#include <condition_variable>
#include <fstream>
#include <mutex>

using namespace imgr;

namespace {

// Waits (without a timed assertion: a generous cap only stops a hang) until the channel has no work pending.
void wait_for(MediaChannel& channel) {
    for (int i = 0; i < 20000 && !channel.idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(channel.idle());
}

ImageBuffer numbered_frame(int n) {
    ImageBuffer image(4, 4, 4);
    image.mutable_u8()[0] = (uint8_t)n;
    return image;
}

}  // namespace

TEST_CASE("the player shows the first frame on open, the exact frame after a seek, the next after a step") {
    const auto dir = imgr_test::fresh_dir("player");
    imgr_test::make_clip((dir / "clip.mp4").string());
    auto channel = std::make_shared<MediaChannel>();
    VideoPlayer player(channel);
    player.open_file((dir / "clip.mp4").string());
    wait_for(*channel);
    CHECK(player.status().error.empty());
    CHECK(player.status().info.frame_count == 50);
    CHECK(imgr_test::frame_index_of(channel->latest().image) == 0);

    player.seek(1.0);
    wait_for(*channel);
    CHECK(channel->latest().time == doctest::Approx(1.0));
    CHECK(imgr_test::frame_index_of(channel->latest().image) == 25);

    player.step(1);
    wait_for(*channel);
    CHECK(imgr_test::frame_index_of(channel->latest().image) == 26);
    player.step(-1);
    wait_for(*channel);
    CHECK(imgr_test::frame_index_of(channel->latest().image) == 25);

    // A script's seek goes through the channel, as the view hands it on.
    channel->request_seek(0.4);
    CHECK_FALSE(channel->idle());
    player.seek(*channel->take_seek_request());
    wait_for(*channel);
    CHECK(imgr_test::frame_index_of(channel->latest().image) == 10);
}

TEST_CASE("playing to the end shows every frame once when decoding keeps up, then stops at the end") {
    const auto dir = imgr_test::fresh_dir("play");
    imgr_test::make_clip((dir / "short.mp4").string(), 10, 50);
    auto channel = std::make_shared<MediaChannel>();
    VideoPlayer player(channel);
    player.open_file((dir / "short.mp4").string());
    player.play();  // at once, as .autoplay() does: the open must not undo it
    for (int i = 0; i < 20000 && !player.status().at_end; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const VideoPlayer::Status status = player.status();
    CHECK(status.at_end);
    CHECK_FALSE(status.playing);
    CHECK(status.frames_shown + status.frames_dropped == 10);  // the first on open, then 9 more: shown or dropped
    CHECK(imgr_test::frame_index_of(channel->latest().image, 10) == 9);
}

TEST_CASE("a corrupt file in the player: a clear error, and the player takes the next file") {
    const auto dir = imgr_test::fresh_dir("player-corrupt");
    std::ofstream((dir / "bad.mp4").string()) << "not a video";
    imgr_test::make_clip((dir / "good.mp4").string(), 5, 5);
    auto channel = std::make_shared<MediaChannel>();
    VideoPlayer player(channel);
    player.open_file((dir / "bad.mp4").string());
    wait_for(*channel);
    CHECK(player.status().error.find("bad.mp4") != std::string::npos);
    CHECK_FALSE(player.status().open);
    player.open_file((dir / "good.mp4").string());
    wait_for(*channel);
    CHECK(player.status().error.empty());
    CHECK(player.status().open);
}

TEST_CASE("no camera: opening a webcam device gives a message naming it, and the player stays usable") {
    if (!list_video_devices().empty()) return;  // this checks the no-camera path (CI, servers)
    auto channel = std::make_shared<MediaChannel>();
    VideoPlayer player(channel);
    player.open_camera("/dev/video0");
    wait_for(*channel);
    CHECK_FALSE(player.status().open);
    CHECK(player.status().error.find("/dev/video0") != std::string::npos);
    CHECK(channel->latest().image.empty());
}

TEST_CASE("stream: a slow handler gets the newest frame each run - frames in between are dropped, not queued") {
    Blocks demo("stream");
    Handle<VideoValue> video = demo.add(Video("Clip"));
    Handle<double> strength = demo.add(Slider("strength", 0, 1, 0.5));
    Handle<ImageBuffer> out = demo.add(Image("Out"));
    std::mutex mutex;
    std::condition_variable changed;
    int entered = 0, released = 0;
    std::vector<int> seen;  // the frame number each run got
    video.stream(
        [&](const ImageBuffer& frame, double) {
            std::unique_lock lock(mutex);
            seen.push_back(frame.u8()[0]);
            ++entered;
            changed.notify_all();
            changed.wait(lock, [&] { return released >= entered; });
            return frame;
        },
        {video, strength}, out);
    auto channel = std::get<VideoProps>(demo.engine().component(video.id()).spec.props).channel;
    Engine& engine = demo.engine();

    // No frame yet: the run leaves the output alone.
    engine.fire(video.id(), Event::Frame);
    imgr_test::settle(engine);
    CHECK(seen.empty());
    CHECK(out.value().empty());

    // Frame 1 starts a run that blocks; frames 2..30 arrive meanwhile (each fires the frame event).
    channel->publish(numbered_frame(1), 0);
    engine.fire(video.id(), Event::Frame);
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return entered == 1; });
    }
    for (int n = 2; n <= 30; ++n) {
        channel->publish(numbered_frame(n), n / 25.0);
        engine.fire(video.id(), Event::Frame);
        engine.poll();
    }
    const uint64_t started_while_busy = engine.runs_started();
    {
        std::lock_guard lock(mutex);
        released = 1;
    }
    changed.notify_all();
    // The one pending run starts once the first is done, with the newest frame.
    for (int i = 0; i < 20000; ++i) {
        engine.poll();
        std::lock_guard lock(mutex);
        if (entered == 2) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    {
        std::lock_guard lock(mutex);
        released = 2;
    }
    changed.notify_all();
    imgr_test::settle(engine);
    CHECK(started_while_busy <= 2);       // 29 frames while busy: no run per frame
    CHECK(engine.runs_started() == 3);    // the empty run, frame 1's run, one run for the newest
    REQUIRE(seen.size() == 2);
    CHECK(seen[0] == 1);
    CHECK(seen[1] == 30);                 // never the stale frame 2 that triggered it: at most one frame behind
    CHECK(out.value().u8()[0] == 30);
}

TEST_CASE("a flagged video is saved as <label>/N.mp4, the CSV cell is the relative path, and it loads back") {
    const auto dir = imgr_test::fresh_dir("flag");
    const VideoValue clip = imgr_test::make_clip((dir / "source.mkv").string(), 12, 12);
    CSVLogger logger;
    const auto flagged = dir / "flagged";
    logger.setup({FlagField{"Clip", ComponentKind::Video}, FlagField{"n", ComponentKind::Number}}, flagged.string());
    CHECK(logger.flag({clip, 1.0}) == 1);
    CHECK(logger.flag({clip, 2.0}) == 2);
    CHECK(std::filesystem::exists(flagged / "Clip" / "0.mp4"));
    CHECK(std::filesystem::exists(flagged / "Clip" / "1.mp4"));
    std::ifstream csv(flagged / "logs.csv");
    std::string header, row;
    std::getline(csv, header);
    std::getline(csv, row);
    CHECK(header == "Clip,n,timestamp");
    CHECK(row.rfind("Clip/0.mp4,1,", 0) == 0);
    const Value loaded = value_from_cell(ComponentKind::Video, VideoProps{}, "Clip/1.mp4", flagged);
    const VideoValue& back = std::get<VideoValue>(loaded);
    CHECK(back.frame_count == 12);
    CHECK(back.fps == doctest::Approx(12));
    CHECK(back.width == 320);
    // Numbering continues across a restart.
    CSVLogger again;
    again.setup({FlagField{"Clip", ComponentKind::Video}, FlagField{"n", ComponentKind::Number}}, flagged.string());
    CHECK(again.flag({clip, 3.0}) == 3);
    CHECK(std::filesystem::exists(flagged / "Clip" / "2.mp4"));
}

TEST_CASE("a script's seek reaches a Video's channel - other kinds refuse it - media_idle follows the work") {
    Blocks demo("seek");
    Handle<VideoValue> video = demo.add(Video("Clip"));
    Handle<double> number = demo.add(Number("n"));
    CHECK(media_idle(demo.engine()));
    CHECK(seek_media(demo.engine(), video.id(), 1.25));
    CHECK_FALSE(media_idle(demo.engine()));
    CHECK_FALSE(seek_media(demo.engine(), number.id(), 1.0));
    auto channel = std::get<VideoProps>(demo.engine().component(video.id()).spec.props).channel;
    CHECK(channel->take_seek_request() == 1.25);
    CHECK(media_idle(demo.engine()));
}
