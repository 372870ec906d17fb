// Decoding and encoding through libav* (model layer): a clip encoded here is
// read back with its metadata and frames, seeks land on the exact frame, and
// bad files give a message naming the file, never a crash.
#include "video/synthetic_video.h"

#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

using namespace imgr;
using imgr_test::grey_of;

namespace {
std::vector<DecodedFrame> decode_all(const std::string& path, std::string& error) {
    VideoDecoder decoder;
    IoResult opened = decoder.open(path);
    REQUIRE_MESSAGE(opened.ok(), opened.error);
    std::vector<DecodedFrame> frames;
    DecodedFrame frame;
    FrameRead read;
    while ((read = decoder.read(frame)).got_frame) frames.push_back(frame);
    error = read.error;
    return frames;
}
}  // namespace

TEST_CASE("an encoded clip probes with its duration, rate, size and frame count") {
    const auto dir = imgr_test::fresh_dir("probe");
    const VideoValue video = imgr_test::make_clip((dir / "clip.mp4").string());
    CHECK(video.width == 320);
    CHECK(video.height == 240);
    CHECK(video.fps == doctest::Approx(25));
    CHECK(video.duration == doctest::Approx(2.0).epsilon(0.03));
    CHECK(video.frame_count == 50);
}

TEST_CASE("the encoder is H.264 through libx264 when Debian's FFmpeg has it") {
    const auto dir = imgr_test::fresh_dir("codec");
    VideoEncoder encoder;
    IoResult opened = encoder.open((dir / "a.mp4").string(), 64, 48, 10);
    REQUIRE_MESSAGE(opened.ok(), opened.error);
    CHECK((encoder.codec_name() == "libx264" || encoder.codec_name() == "mpeg4"));
    REQUIRE(encoder.write(imgr_test::synthetic_frame(0, 64, 48)).ok());
    REQUIRE(encoder.finish().ok());
}

TEST_CASE("every frame decodes, in order, at its time, with its colours (encode -> decode round trip)") {
    const auto dir = imgr_test::fresh_dir("roundtrip");
    imgr_test::make_clip((dir / "clip.mp4").string());
    std::string error;
    const std::vector<DecodedFrame> frames = decode_all((dir / "clip.mp4").string(), error);
    CHECK(error.empty());
    REQUIRE(frames.size() == 50);
    for (int i = 0; i < 50; ++i) {
        const ImageBuffer& image = frames[(size_t)i].image;
        REQUIRE(image.width() == 320);
        REQUIRE(image.channels() == 4);
        CHECK(frames[(size_t)i].time == doctest::Approx(i / 25.0));
        // Left: red; right: this frame's grey (lossy, so within a few levels).
        CHECK(std::abs(image.sample(40, 120, 0) - 255) <= 12);
        CHECK(image.sample(40, 120, 1) <= 12);
        CHECK(std::abs(image.sample(240, 120, 1) - grey_of(i)) <= 3);
        CHECK(imgr_test::frame_index_of(image) == i);
    }
}

TEST_CASE("a seek lands on the first frame at or after the time, also between keyframes") {
    const auto dir = imgr_test::fresh_dir("seek");
    imgr_test::make_clip((dir / "clip.mp4").string());
    VideoDecoder decoder;
    REQUIRE(decoder.open((dir / "clip.mp4").string()).ok());
    DecodedFrame frame;
    for (const std::pair<double, int>& case_ : std::vector<std::pair<double, int>>{{1.0, 25}, {1.52, 38}, {0.0, 0}, {1.96, 49}, {0.37, 10}}) {
        const double seconds = case_.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
        const int expected = case_.second;
        CAPTURE(seconds);
        REQUIRE(decoder.seek(seconds).ok());
        REQUIRE(decoder.read(frame).got_frame);
        CHECK(frame.time == doctest::Approx(expected / 25.0));
        CHECK(imgr_test::frame_index_of(frame.image) == expected);
    }
}

TEST_CASE("a file that is not a video, a truncated one and a missing one give a message naming the file") {
    const auto dir = imgr_test::fresh_dir("corrupt");
    const std::string garbage = (dir / "garbage.mp4").string();
    std::ofstream(garbage) << "this is not a video, only text pretending to be one";
    VideoProbe probe = probe_video_file(garbage);
    CHECK_FALSE(probe.ok());
    CHECK(probe.error.find("garbage.mp4") != std::string::npos);

    VideoProbe missing = probe_video_file((dir / "nowhere.mp4").string());
    CHECK_FALSE(missing.ok());
    CHECK(missing.error.find("nowhere.mp4") != std::string::npos);

    // A clip cut short: it opens with an error or gives fewer frames, never a crash.
    const std::string whole = (dir / "whole.mp4").string(), cut = (dir / "cut.mp4").string();
    imgr_test::make_clip(whole);
    std::filesystem::copy_file(whole, cut);
    std::filesystem::resize_file(cut, std::filesystem::file_size(whole) / 2);
    VideoDecoder decoder;
    IoResult opened = decoder.open(cut);
    if (opened) {
        DecodedFrame frame;
        int frames = 0;
        while (decoder.read(frame).got_frame) ++frames;
        CHECK(frames < 50);
    } else {
        CHECK(opened.error.find("cut.mp4") != std::string::npos);
    }
}

TEST_CASE("a non-mp4 source is transcoded when saved as .mp4, an mp4 copied - both play back") {
    const auto dir = imgr_test::fresh_dir("save");
    const VideoValue mkv = imgr_test::make_clip((dir / "clip.mkv").string(), 20, 10);
    REQUIRE(save_video_mp4(mkv, (dir / "out.mp4").string(), Durability::Fsync).ok());
    VideoProbe probe = probe_video_file((dir / "out.mp4").string());
    REQUIRE_MESSAGE(probe.ok(), probe.error);
    CHECK(probe.video.frame_count == 20);
    CHECK(probe.video.fps == doctest::Approx(10));
    CHECK_FALSE(std::filesystem::exists(dir / "out.mp4.part.mp4"));
}

TEST_CASE("without a camera, the device list is empty and opening one says why") {
    const std::vector<std::string> devices = list_video_devices();
    for (const std::string& d : devices) CHECK(d.rfind("/dev/video", 0) == 0);
    if (!devices.empty()) return;  // a machine with a camera: nothing more to check here
    VideoDecoder decoder;
    IoResult opened = decoder.open_camera("/dev/video0");
    CHECK_FALSE(opened.ok());
    CHECK(opened.error.find("/dev/video0") != std::string::npos);
}

TEST_CASE("a process's temporary videos are removed when it exits, and folders of dead processes by the next one") {
    namespace fs = std::filesystem;
    const fs::path base = fs::temp_directory_path();
    // A folder left by a process that is gone (killed before it could clean up).
    const pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    const fs::path stale = base / ("imgr-video-" + std::to_string(gone));
    fs::create_directories(stale);
    std::ofstream(stale / "0.mp4") << "left behind";

    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    if (child == 0) {
        // A process that makes a temporary video, then exits normally.
        const std::string path = temporary_video_path();
        std::ofstream(path) << "a handler's output";
        const std::string line = path + "\n";
        (void)!::write(pipe_fds[1], line.data(), line.size());
        std::exit(0);
    }
    ::close(pipe_fds[1]);
    std::string path;
    char c = 0;
    while (::read(pipe_fds[0], &c, 1) == 1 && c != '\n') path += c;
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE_FALSE(path.empty());
    CHECK(fs::path(path).parent_path() == base / ("imgr-video-" + std::to_string(child)));
    CHECK_FALSE(fs::exists(fs::path(path).parent_path()));  // removed at its exit
    CHECK_FALSE(fs::exists(stale));                          // removed by it on its first temporary video
}
