#include "voice_activity.h"

#include <imgr/media/model/audio_spectrogram.h>

#include <algorithm>
#include <cmath>

namespace vad {

namespace {
// Frames above the threshold as time ranges, gaps under `bridge` closed, pieces under `shortest` dropped.
std::vector<Segment> voiced_ranges(const Analysis& a, double hop_seconds, double bridge, double shortest) {
    std::vector<Segment> raw;
    for (size_t i = 0; i < a.band_db.size(); ++i) {
        if (a.band_db[i] < a.threshold_db) continue;
        const double t = a.times[i];
        if (!raw.empty() && t - raw.back().end <= bridge) raw.back().end = t + hop_seconds;
        else raw.push_back({t, t + hop_seconds});
    }
    std::vector<Segment> kept;
    for (const Segment& s : raw)
        if (s.end - s.start >= shortest) kept.push_back(s);
    return kept;
}
}  // namespace

Analysis detect(const imgr::AudioBuffer& clip, double above_floor_db, double bridge_seconds, double shortest_seconds) {
    Analysis a;
    if (clip.empty()) throw imgr::Error("upload or record a clip first");
    const imgr::Spectrogram s = imgr::compute_spectrogram(clip, {.window = 512, .hop = 160, .max_frames = 4000});
    if (!s.error.empty()) throw imgr::Error(s.error);
    const double hop_seconds = (double)s.hop / s.sample_rate;
    for (int f = 0; f < s.frames; ++f) {
        double energy = 0;
        for (int b = 0; b < s.bins; ++b) {
            const double hz = s.bin_hz(b);
            if (hz >= 300 && hz <= 3400) energy += std::pow(10.0, s.at(f, b) / 10.0);
        }
        a.times.push_back(f * hop_seconds);
        a.band_db.push_back(10.0 * std::log10(energy + 1e-12));
    }
    std::vector<double> sorted = a.band_db;
    std::sort(sorted.begin(), sorted.end());
    a.noise_floor_db = sorted[sorted.size() / 10];
    a.threshold_db = a.noise_floor_db + above_floor_db;
    a.segments = voiced_ranges(a, hop_seconds, bridge_seconds, shortest_seconds);
    return a;
}

}  // namespace vad
