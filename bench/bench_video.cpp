// Issue 15's video figures: a Video component playing a 1280x720 30 fps H.264
// file in a window (under Xvfb, llvmpipe): frames dropped by the player, and
// the UI frame time p99 against a quiet window (the same app, video paused).
//   make_video_clip clip.mp4 20 30 1280x720 && bench_video clip.mp4 [SECONDS]
#include "blocks_window.h"

#include <imgr/media/video_builder.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

struct Window {
    std::vector<double> frame_ms;
    uint64_t first_sequence = 0, last_sequence = 0;
    double first_time = 0, last_time = 0;
};

// Runs a Blocks holding one Video of `path` for `seconds`, drawing continuously (as under mouse input).
Window run(const std::string& path, bool play, double seconds) {
    imgr::Blocks demo("bench video");
    auto video = demo.add(imgr::Video("clip").file(path).autoplay(play).height(30));
    auto channel = std::get<imgr::VideoProps>(demo.engine().component(video.id()).spec.props).channel;
    imgr::BlocksView view(demo);
    std::unique_ptr<imgr::GlTextureCache> textures;
    Window window;
    imgr::RunnerParams params;
    params.title = "bench video";
    params.width = 1400;
    params.height = 1000;
    params.continuous = true;
    params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
    bench::Clock::time_point start, previous;
    int frame = 0;
    constexpr int kSettleFrames = 30;
    params.draw = [&](imgr::Runner& runner) { bench::draw_blocks_view(runner, view, textures); };
    params.before_frame = [&](imgr::Runner& runner) {
        const auto now = bench::Clock::now();
        ++frame;
        const imgr::PublishedFrame latest = channel->latest();
        if (frame == kSettleFrames) {
            start = now;
            window.first_sequence = latest.sequence;
            window.first_time = latest.time;
        } else if (frame > kSettleFrames) {
            window.frame_ms.push_back(bench::ms_between(previous, now));
            window.last_sequence = latest.sequence;
            window.last_time = latest.time;
            if (bench::ms_between(start, now) >= seconds * 1000) runner.request_exit(0);
        }
        previous = now;
    };
    params.before_close = [&](imgr::Runner&) {
        view.set_textures(nullptr);
        textures.reset();
    };
    imgr::Runner runner(params);
    runner.run();
    return window;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_video CLIP.mp4 [SECONDS=20]\n");
        return 2;
    }
    const std::string path = argv[1];
    const double seconds = argc > 2 ? std::atof(argv[2]) : 20;
    imgr::VideoProbe probe = imgr::probe_video_file(path);
    if (!probe) {
        std::fprintf(stderr, "bench_video: %s\n", probe.error.c_str());
        return 1;
    }
    const imgr::VideoValue& info = probe.video;
    const Window quiet = run(path, false, std::min(seconds, 10.0));
    const Window playing = run(path, true, std::min(seconds, info.duration - 1.5));
    const std::string what = std::to_string(info.width) + "x" + std::to_string(info.height) + " " +
                             bench::fmt("%.0f", info.fps) + " fps";
    // Frames the video clock passed over in the window, against frames the player published.
    const double expected = (playing.last_time - playing.first_time) * info.fps;
    const double shown = (double)(playing.last_sequence - playing.first_sequence);
    bench::row("15 video", what + ", " + bench::fmt("%.1f", playing.last_time - playing.first_time) + " s of video",
               "frames shown / expected (dropped %)",
               bench::fmt("%.0f", shown) + " / " + bench::fmt("%.0f", expected) + " (" +
                   bench::fmt("%.2f", expected > 0 ? 100.0 * (expected - shown) / expected : 0) + " %)");
    auto summary = [](const std::vector<double>& v) {
        return bench::fmt("%.1f", bench::percentile(v, 0.5)) + " / " + bench::fmt("%.1f", bench::percentile(v, 0.99));
    };
    bench::row("15 video", "quiet window (paused)", "UI frame ms p50 / p99", summary(quiet.frame_ms));
    bench::row("15 video", "playing", "UI frame ms p50 / p99", summary(playing.frame_ms));
    bench::row("15 video", "playing / quiet", "UI frame p99 ratio",
               bench::fmt("%.2f", bench::percentile(playing.frame_ms, 0.99) / bench::percentile(quiet.frame_ms, 0.99)));
    return 0;
}
