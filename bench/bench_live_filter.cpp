// Issue 15's live filter: a 1280x720 30 fps Video streamed frame by frame
// through the sepia filter into an Image output (samples/video_filter.cpp's
// wiring), in a window under Xvfb. Prints the end-to-end latency of each
// filtered frame that reached the screen (the player publishing the frame to
// the output drawn with its result, rendering finished), in video frames, the
// frames the filter skipped, and the process's memory over the run.
//   make_video_clip clip.mp4 70 30 1280x720 && bench_live_filter clip.mp4 [SECONDS=60]
#include "blocks_window.h"

#include <imgr/media/video_builder.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <glad/gl.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "sepia_filter.h"

namespace {

double resident_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / (1 << 20);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_live_filter CLIP.mp4 [SECONDS=60]\n");
        return 2;
    }
    const std::string path = argv[1];
    const double seconds = argc > 2 ? std::atof(argv[2]) : 60;
    const imgr::VideoProbe probe = imgr::probe_video_file(path);
    if (!probe) {
        std::fprintf(stderr, "bench_live_filter: %s\n", probe.error.c_str());
        return 1;
    }
    const double frame_interval_ms = 1000.0 / probe.video.fps;

    imgr::Blocks demo("bench live filter");
    imgr::Handle<imgr::VideoValue> video;
    imgr::Handle<double> strength;
    imgr::Handle<imgr::ImageBuffer> filtered;
    demo.row([&] {
        video = demo.add(imgr::Video("Input video").file(path).autoplay(true).height(20));
        filtered = demo.add(imgr::Image("Filtered frame").height(20));
    });
    strength = demo.add(imgr::Slider("strength", 0, 1, 0.8));
    auto channel = std::get<imgr::VideoProps>(demo.engine().component(video.id()).spec.props).channel;

    // When each frame was published (a watcher polls the player's channel every
    // millisecond), and which published frame each output was made from.
    std::mutex mutex;
    std::map<uint64_t, bench::Clock::time_point> published_at;  // frame image version -> wall time
    std::map<uint64_t, uint64_t> made_from;                     // output image version -> frame image version
    std::atomic<bool> watching{true};
    std::thread watcher([&] {
        uint64_t seen = 0;
        while (watching.load()) {
            const imgr::PublishedFrame latest = channel->latest();
            if (latest.sequence != seen && !latest.image.empty()) {
                seen = latest.sequence;
                std::lock_guard lock(mutex);
                published_at.emplace(latest.image.version(), bench::Clock::now());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    video.stream(
        [&](const imgr::ImageBuffer& frame, double s) {
            imgr::ImageBuffer out = sepia(frame, s);
            std::lock_guard lock(mutex);
            made_from[out.version()] = frame.version();
            return out;
        },
        {video, strength}, filtered);

    imgr::BlocksView view(demo);
    std::unique_ptr<imgr::GlTextureCache> textures;
    std::vector<double> latency_frames, rss_mb;
    uint64_t shown_output = 0, outputs_shown = 0;
    double first_time = -1, last_time = 0;
    bench::Clock::time_point start, last_rss;
    imgr::RunnerParams params;
    params.title = "bench live filter";
    params.width = 1400;
    params.height = 800;
    params.continuous = true;
    params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
    params.draw = [&](imgr::Runner& runner) {
        if (!textures) start = last_rss = bench::Clock::now();
        bench::draw_blocks_view(runner, view, textures);
    };
    params.after_render = [&](imgr::Runner& runner) {
        glFinish();  // what was drawn is on screen now, not only queued
        const auto now = bench::Clock::now();
        const auto& value = demo.engine().component(filtered.id()).spec.value;
        if (const auto* image = std::get_if<imgr::ImageBuffer>(&value); image && image->version() != shown_output) {
            shown_output = image->version();
            std::lock_guard lock(mutex);
            if (auto from = made_from.find(shown_output); from != made_from.end())
                if (auto at = published_at.find(from->second); at != published_at.end() &&
                                                                 bench::ms_between(start, now) > 3000) {  // after start-up
                    latency_frames.push_back(bench::ms_between(at->second, now) / frame_interval_ms);
                    ++outputs_shown;
                }
        }
        const imgr::PublishedFrame latest = channel->latest();
        if (bench::ms_between(start, now) > 3000) {
            if (first_time < 0) first_time = latest.time;
            last_time = latest.time;
        }
        if (bench::ms_between(last_rss, now) >= 1000) {
            rss_mb.push_back(resident_mb());
            last_rss = now;
        }
        if (bench::ms_between(start, now) >= seconds * 1000) runner.request_exit(0);
    };
    params.before_close = [&](imgr::Runner&) {
        view.set_textures(nullptr);
        textures.reset();
    };
    {
        imgr::Runner runner(params);
        runner.run();
    }
    watching = false;
    watcher.join();

    const std::string what = std::to_string(probe.video.width) + "x" + std::to_string(probe.video.height) + " " +
                             bench::fmt("%.0f", probe.video.fps) + " fps, sepia, " + bench::fmt("%.0f", seconds) + " s";
    const double video_frames = (last_time - first_time) * probe.video.fps;
    bench::row("15 live filter", what, "filtered frames shown / video frames after start-up",
               std::to_string(outputs_shown) + " / " + bench::fmt("%.0f", video_frames));
    bench::row("15 live filter", what, "end-to-end latency p50 / p99 / max, video frames",
               bench::fmt("%.2f", bench::percentile(latency_frames, 0.5)) + " / " +
                   bench::fmt("%.2f", bench::percentile(latency_frames, 0.99)) + " / " +
                   bench::fmt("%.2f", bench::percentile(latency_frames, 1.0)));
    if (rss_mb.size() >= 10) {
        const double early = rss_mb[4], late = rss_mb.back();
        double most = 0;
        for (double mb : rss_mb) most = std::max(most, mb);
        bench::row("15 live filter", what, "RSS MB at 5 s / at the end / largest",
                   bench::fmt("%.1f", early) + " / " + bench::fmt("%.1f", late) + " / " + bench::fmt("%.1f", most));
    }
    return 0;
}
