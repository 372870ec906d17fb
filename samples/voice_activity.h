// A spectrogram-based voice activity detector: per FFT frame, the energy in
// the speech band (300-3400 Hz); frames that many dB above the clip's noise
// floor are speech; short gaps are bridged and blips dropped, as a person hears it.
#pragma once
#include <imgr/imgr.h>

#include <vector>

namespace vad {

struct Segment {
    double start = 0, end = 0;  // seconds
};

struct Analysis {
    std::vector<double> times, band_db;  // one per spectrogram frame
    double noise_floor_db = 0, threshold_db = 0;
    std::vector<Segment> segments;
};

// `above_floor_db`: how far above the noise floor (the 10th percentile of frame energies) speech lies.
Analysis detect(const imgr::AudioBuffer& clip, double above_floor_db, double bridge_seconds = 0.35,
                double shortest_seconds = 0.1);

}  // namespace vad
