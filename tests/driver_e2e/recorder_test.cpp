// The recorder's destinations and failures, with frames made in memory (no
// window, no GL), and stand-in ffmpeg programs that fail the ways a real one can.
#include <doctest/doctest.h>
#include <imgr/driver/recorder.h>
#include <imgr/model/image_io.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace imgr;
namespace fs = std::filesystem;

namespace {

fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_recorder_" + std::to_string(getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

ImageBuffer solid(int width, int height, uint8_t value) {
    return ImageBuffer(width, height, 3, std::vector<uint8_t>((size_t)width * height * 3, value));
}

// PATH as given while it lives.
struct ScopedPath {
    std::string old_path;
    explicit ScopedPath(const std::string& path) : old_path(std::getenv("PATH") ? std::getenv("PATH") : "") {
        setenv("PATH", path.c_str(), 1);
    }
    ~ScopedPath() { setenv("PATH", old_path.c_str(), 1); }
};

// An `ffmpeg` running `body` in `dir`, first on PATH while it lives (the shell tools stay reachable).
struct FakeFfmpeg : ScopedPath {
    FakeFfmpeg(const fs::path& dir, const std::string& body) : ScopedPath(dir.string() + ":/usr/bin:/bin") {
        const fs::path program = dir / "ffmpeg";
        std::ofstream(program) << "#!/bin/sh\n" << body << "\n";
        chmod(program.c_str(), 0755);
    }
};

}  // namespace

TEST_CASE("a folder gets one PNG per frame, numbered from 0, and is made when missing") {
    const fs::path dir = temp_folder("folder") / "new" / "frames";
    RecorderOpened opened = Recorder::create(dir.string(), 30);
    REQUIRE_MESSAGE(opened, opened.error);
    auto& recorder = opened.recorder;
    for (int i = 0; i < 12; ++i) recorder->add(solid(8, 6, (uint8_t)(i * 20)));
    CHECK(recorder->finish().ok());
    CHECK(recorder->frames() == 12);
    for (int i = 0; i < 12; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%06d.png", i);
        ImageLoadResult frame = load_image_file((dir / name).string());
        REQUIRE_MESSAGE(frame, frame.error);
        CHECK(frame.image.width() == 8);
        CHECK(frame.image.sample(3, 2, 1) == i * 20);  // each frame in its own file, in order
    }
}

TEST_CASE("a recorded frame is the PNG save_png writes for that image (one PNG path), and no temporary file stays") {
    const fs::path dir = temp_folder("same_png");
    RecorderOpened opened = Recorder::create((dir / "frames").string(), 30);
    REQUIRE_MESSAGE(opened, opened.error);
    auto& recorder = opened.recorder;
    std::vector<uint8_t> pixels(17 * 5 * 3);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = (uint8_t)(i * 37);
    const ImageBuffer rgb(17, 5, 3, pixels);
    recorder->add(rgb);
    // A grey float image is recorded as the RGB8 frame it shows.
    const ImageBuffer grey(17, 5, 1, std::vector<float>(17 * 5, 0.25f));
    recorder->add(grey);
    REQUIRE(recorder->finish().ok());

    auto bytes_of = [](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    REQUIRE(save_png((dir / "saved.png").string(), rgb, Durability::NoFsync).ok());
    CHECK(bytes_of(dir / "frames" / "frame_000000.png") == bytes_of(dir / "saved.png"));
    CHECK(bytes_of(dir / "frames" / "frame_000000.png") == encode_png(rgb));
    ImageLoadResult second = load_image_file((dir / "frames" / "frame_000001.png").string());
    REQUIRE_MESSAGE(second, second.error);
    CHECK(second.image.channels() == 3);
    CHECK(second.image.sample(16, 4, 2) == grey.sample(16, 4, 2));
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir / "frames")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"frame_000000.png", "frame_000001.png"});
}

TEST_CASE("paths --record cannot use are refused before anything is recorded") {
    const fs::path dir = temp_folder("refused");
    SUBCASE("a file where a folder is wanted") {
        std::ofstream(dir / "taken") << "x";
        const RecorderOpened refused = Recorder::create((dir / "taken").string(), 30);
        CHECK_FALSE(refused);
        CHECK_FALSE(refused.recorder);
        CHECK(refused.error.find("it is a file, not a folder") != std::string::npos);
    }
    SUBCASE("a video format ffmpeg is not asked for") {
        const RecorderOpened refused = Recorder::create((dir / "tour.webm").string(), 30);
        CHECK_FALSE(refused);
        CHECK_FALSE(refused.recorder);
        CHECK(refused.error.find("a file ending in .mp4 or .gif") != std::string::npos);
    }
    SUBCASE("no ffmpeg on PATH") {
        ScopedPath none((dir / "nothing_here").string());
        const RecorderOpened refused = Recorder::create((dir / "tour.mp4").string(), 30);
        CHECK_FALSE(refused);
        CHECK_FALSE(refused.recorder);
        CHECK(refused.error.find("needs ffmpeg, which is not installed") != std::string::npos);
    }
}

TEST_CASE("an ffmpeg that fails is an error, not a crash and not a broken file") {
    const fs::path dir = temp_folder("failing");
    SUBCASE("it exits at once: the frames meet a closed pipe") {
        FakeFfmpeg fake(dir, "exit 3");
        RecorderOpened opened = Recorder::create((dir / "tour.mp4").string(), 30);
        REQUIRE_MESSAGE(opened, opened.error);
        auto& recorder = opened.recorder;
        for (int i = 0; i < 40; ++i) recorder->add(solid(320, 240, 0));  // more than a pipe buffer holds
        const IoResult result = recorder->finish();
        CHECK_FALSE(result);
        CHECK(result.error.find("ffmpeg") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "tour.mp4"));
    }
    SUBCASE("it reads every frame but writes nothing") {
        FakeFfmpeg fake(dir, "cat > /dev/null");
        RecorderOpened opened = Recorder::create((dir / "tour.gif").string(), 30);
        REQUIRE_MESSAGE(opened, opened.error);
        auto& recorder = opened.recorder;
        recorder->add(solid(4, 4, 9));
        CHECK(recorder->finish().error == "ffmpeg wrote no video to '" + (dir / "tour.gif").string() + "'");
    }
    SUBCASE("no frame at all") {
        FakeFfmpeg fake(dir, "cat > /dev/null");
        RecorderOpened opened = Recorder::create((dir / "tour.gif").string(), 30);
        REQUIRE_MESSAGE(opened, opened.error);
        auto& recorder = opened.recorder;
        CHECK(recorder->finish().error == "no frame was recorded");
    }
}

TEST_CASE("ffmpeg gets raw RGB frames of the first frame's size, at the frame rate asked for") {
    const fs::path dir = temp_folder("arguments");
    // A stand-in that notes its arguments and the bytes it was given, then writes a "video".
    FakeFfmpeg fake(dir, "echo \"$@\" > '" + (dir / "args").string() + "'; wc -c > '" + (dir / "bytes").string() +
                             "'; for last; do :; done; echo video > \"$last\"");
    RecorderOpened opened = Recorder::create((dir / "tour.mp4").string(), 25);
    REQUIRE_MESSAGE(opened, opened.error);
    auto& recorder = opened.recorder;
    recorder->add(solid(6, 4, 1));
    recorder->add(solid(8, 2, 2));  // a resized window: cropped and padded to 6x4
    CHECK(recorder->finish().ok());
    std::ifstream args_file(dir / "args"), bytes_file(dir / "bytes");
    std::string args;
    std::getline(args_file, args);
    size_t bytes = 0;
    bytes_file >> bytes;
    CHECK(args.find("-f rawvideo -pix_fmt rgb24 -s 6x4 -r 25 -i pipe:0") != std::string::npos);
    CHECK(args.find("yuv420p") != std::string::npos);
    CHECK(bytes == 2 * 6 * 4 * 3);
}

TEST_CASE("a GIF is two ffmpeg passes over PNG frames on disk, of the first frame's size, removed afterwards") {
    const fs::path dir = temp_folder("gif");
    fs::create_directories(dir / "seen");
    // A stand-in that notes each call's arguments, keeps the frames the palette pass
    // was given (they are removed afterwards), and writes a "GIF" to its last argument.
    FakeFfmpeg fake(dir, "echo \"$@\" >> '" + (dir / "args").string() + "'; for last; do :; done; " +
                             "case \"$*\" in *palettegen*) cp \"$(dirname \"$last\")\"/frame_*.png '" +
                             (dir / "seen").string() + "';; esac; echo gif > \"$last\"");
    RecorderOpened opened = Recorder::create((dir / "tour.gif").string(), 25);
    REQUIRE_MESSAGE(opened, opened.error);
    auto& recorder = opened.recorder;
    recorder->add(solid(6, 4, 1));
    recorder->add(solid(8, 2, 2));  // a resized window: cropped and padded to 6x4
    recorder->add(solid(6, 4, 3));
    CHECK(recorder->finish().ok());

    std::ifstream args_file(dir / "args");
    std::string palette_pass, mapping_pass, extra;
    std::getline(args_file, palette_pass);
    std::getline(args_file, mapping_pass);
    CHECK_FALSE(std::getline(args_file, extra));
    CHECK(palette_pass.find("-framerate 25 -start_number 0 -i ") != std::string::npos);
    CHECK(palette_pass.find("palettegen") != std::string::npos);
    CHECK(mapping_pass.find("paletteuse") != std::string::npos);
    CHECK(mapping_pass.find("pipe:") == std::string::npos);  // nothing streams through ffmpeg's memory
    CHECK(mapping_pass.substr(mapping_pass.size() - 8) == "tour.gif");

    for (int i = 0; i < 3; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%06d.png", i);
        ImageLoadResult frame = load_image_file((dir / "seen" / name).string());
        REQUIRE_MESSAGE(frame, frame.error);
        CHECK(frame.image.width() == 6);
        CHECK(frame.image.height() == 4);
        CHECK(frame.image.sample(0, 0, 0) == i + 1);
    }
    ImageLoadResult resized = load_image_file((dir / "seen" / "frame_000001.png").string());
    REQUIRE(resized);
    CHECK(resized.image.sample(5, 3, 0) == 0);  // below the 8x2 frame: black

    // Only what the test made and the GIF are left: the frames' folder is gone.
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        CHECK_MESSAGE(entry.path().filename().string()[0] != '.', entry.path().string());
        ++entries;
    }
    CHECK(entries == 4);  // ffmpeg, args, seen, tour.gif
    CHECK(fs::file_size(dir / "tour.gif") > 0);
}
