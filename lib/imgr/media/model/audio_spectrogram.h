// A clip's spectrogram through FFTW (single precision, libfftw3f): magnitudes
// of Hann-windowed frames, in decibels, and the same as a colour image for a
// texture. Slow for long clips, so the view computes it on a worker thread.
// Built without FFTW (IMGR_HAVE_FFTW off), spectrograms_supported() is false
// and compute_spectrogram returns an empty result with a reason.
#pragma once
#include "imgr/model/audio.h"
#include "imgr/model/image.h"

#include <string>
#include <vector>

namespace imgr {

struct SpectrogramOptions {
    int window = 512;       // samples per FFT frame (bins: window / 2 + 1)
    int hop = 256;          // samples between frames
    int max_frames = 2048;  // longer clips use a larger hop, so the image stays texture-sized
};

struct Spectrogram {
    int frames = 0, bins = 0;     // time steps and frequency bins (bin b is b * sample_rate / window Hz)
    int sample_rate = 0, window = 0, hop = 0;
    std::vector<float> decibels;  // frames * bins, frame-major: decibels[frame * bins + bin]
    std::string error;            // why it is empty (no FFTW, no audio)

    float at(int frame, int bin) const { return decibels[(size_t)frame * (size_t)bins + (size_t)bin]; }
    double bin_hz(int bin) const { return (double)bin * sample_rate / window; }
};

bool spectrograms_supported();
Spectrogram compute_spectrogram(const AudioBuffer& audio, const SpectrogramOptions& options = {});
// Time left to right, low frequencies at the bottom; the top 80 dB mapped onto a dark-to-bright palette. RGBA8.
ImageBuffer spectrogram_image(const Spectrogram& spectrogram);

}  // namespace imgr
