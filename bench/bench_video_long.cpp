// Issue 15's long-file figures: a 2-hour video opens in <= 0.5 s and seeks in
// <= 100 ms, because nothing decodes the whole file up front. Times, on a file
// made at test time (make_video_clip LONG.mp4 7200 2 320x240: two hours, 2 fps):
// the probe (what an upload reads), opening a decoder, and seeks to random
// points each followed by the first frame there (median and max of 20).
//   bench_video_long LONG.mp4
#include "bench_common.h"

#include <imgr/media/model/video_file.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_video_long LONG.mp4\n");
        return 2;
    }
    const std::string path = argv[1];
    auto start = bench::Clock::now();
    const imgr::VideoProbe probe = imgr::probe_video_file(path);
    const double probe_ms = bench::ms_between(start, bench::Clock::now());
    if (!probe) {
        std::fprintf(stderr, "bench_video_long: %s\n", probe.error.c_str());
        return 1;
    }
    start = bench::Clock::now();
    imgr::VideoDecoder decoder;
    if (imgr::IoResult opened = decoder.open(path); !opened) {
        std::fprintf(stderr, "bench_video_long: %s\n", opened.error.c_str());
        return 1;
    }
    imgr::DecodedFrame frame;
    const bool first = decoder.read(frame).got_frame;
    const double open_ms = bench::ms_between(start, bench::Clock::now());
    std::vector<double> seeks;
    double worst_landing = 0;  // seconds between where a seek asked for and the frame it showed
    uint32_t state = 42;
    for (int i = 0; i < 20; ++i) {
        state = state * 1664525u + 1013904223u;
        const double to = (state >> 8) % (uint32_t)std::max(1.0, probe.video.duration - 1);
        start = bench::Clock::now();
        const imgr::IoResult sought = decoder.seek(to);
        imgr::FrameRead read;
        if (sought) read = decoder.read(frame);
        seeks.push_back(bench::ms_between(start, bench::Clock::now()));
        if (read.got_frame) worst_landing = std::max(worst_landing, std::abs(frame.time - to));
        else std::fprintf(stderr, "bench_video_long: seek to %.0f s: %s\n", to, (sought ? read.error : sought.error).c_str());
    }
    const std::string what = bench::fmt("%.0f", probe.video.duration / 60) + " min, " +
                             std::to_string(probe.video.width) + "x" + std::to_string(probe.video.height);
    bench::row("15 long video", what, "probe (upload) ms", bench::fmt("%.1f", probe_ms));
    bench::row("15 long video", what, "open + first frame ms", bench::fmt("%.1f", open_ms) + (first ? "" : " (no frame)"));
    bench::row("15 long video", what, "seek + frame there ms, median / max of 20",
               bench::fmt("%.1f", bench::percentile(seeks, 0.5)) + " / " +
                   bench::fmt("%.1f", *std::max_element(seeks.begin(), seeks.end())));
    bench::row("15 long video", what, "seek lands on the frame asked for: largest miss, s",
               bench::fmt("%.3f", worst_landing));
    return 0;
}
