#include "imgr/media/model/audio_spectrogram.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#if IMGR_HAVE_FFTW
#include <fftw3.h>
#endif

namespace imgr {

#if IMGR_HAVE_FFTW

bool spectrograms_supported() { return true; }

namespace {
// FFTW's planner is not thread-safe (only fftwf_execute is): every plan is made and destroyed under this.
std::mutex& fftw_planner_mutex() {
    static std::mutex mutex;
    return mutex;
}

struct Plan {
    float* in = nullptr;
    fftwf_complex* out = nullptr;
    fftwf_plan plan = nullptr;
    explicit Plan(int n) {
        std::lock_guard lock(fftw_planner_mutex());
        in = fftwf_alloc_real((size_t)n);
        out = fftwf_alloc_complex((size_t)n / 2 + 1);
        plan = fftwf_plan_dft_r2c_1d(n, in, out, FFTW_ESTIMATE);
    }
    ~Plan() {
        std::lock_guard lock(fftw_planner_mutex());
        fftwf_destroy_plan(plan);
        fftwf_free(in);
        fftwf_free(out);
    }
    Plan(const Plan&) = delete;
    Plan& operator=(const Plan&) = delete;
};
}  // namespace

Spectrogram compute_spectrogram(const AudioBuffer& audio, const SpectrogramOptions& options) {
    Spectrogram result;
    const int window = std::max(16, options.window);
    if (audio.empty() || audio.frames() == 0) {
        result.error = "no audio";
        return result;
    }
    const std::vector<float> mono = audio.mono();
    const size_t needed_hop = (mono.size() + (size_t)options.max_frames - 1) / (size_t)std::max(1, options.max_frames);
    const int hop = (int)std::max<size_t>((size_t)std::max(1, options.hop), needed_hop);
    result.window = window;
    result.hop = hop;
    result.sample_rate = audio.sample_rate();
    result.bins = window / 2 + 1;
    result.frames = (int)std::max<size_t>(1, (mono.size() + (size_t)hop - 1) / (size_t)hop);
    result.decibels.resize((size_t)result.frames * (size_t)result.bins);

    std::vector<float> hann((size_t)window);
    for (int i = 0; i < window; ++i) hann[(size_t)i] = 0.5f - 0.5f * std::cos(2.0f * (float)M_PI * (float)i / (float)window);
    const float scale = 2.0f / (float)window;  // a full-scale sine reads about 0 dB (the Hann window's gain aside)
    Plan plan(window);
    for (int frame = 0; frame < result.frames; ++frame) {
        const size_t start = (size_t)frame * (size_t)hop;
        for (int i = 0; i < window; ++i) {
            const size_t at = start + (size_t)i;
            plan.in[i] = at < mono.size() ? mono[at] * hann[(size_t)i] : 0.0f;
        }
        fftwf_execute(plan.plan);
        for (int b = 0; b < result.bins; ++b) {
            const float magnitude = std::hypot(plan.out[b][0], plan.out[b][1]) * scale;
            result.decibels[(size_t)frame * (size_t)result.bins + (size_t)b] = 20.0f * std::log10(magnitude + 1e-9f);
        }
    }
    return result;
}

#else

bool spectrograms_supported() { return false; }

Spectrogram compute_spectrogram(const AudioBuffer&, const SpectrogramOptions&) {
    Spectrogram result;
    result.error = "no spectrogram: imgr was built without FFTW (apt-get install libfftw3-dev)";
    return result;
}

#endif

ImageBuffer spectrogram_image(const Spectrogram& s) {
    if (s.frames <= 0 || s.bins <= 0) return {};
    float top = -200.0f;
    for (float db : s.decibels) top = std::max(top, db);
    const float range = 80.0f;
    std::vector<uint8_t> pixels((size_t)s.frames * (size_t)s.bins * 4);
    for (int bin = 0; bin < s.bins; ++bin) {
        const size_t row = (size_t)(s.bins - 1 - bin);  // low frequencies at the bottom
        for (int frame = 0; frame < s.frames; ++frame) {
            const float t = std::clamp((s.at(frame, bin) - (top - range)) / range, 0.0f, 1.0f);
            // Dark blue -> purple -> orange -> pale yellow: loudness reads as brightness.
            const float r = std::clamp(t * 1.6f - 0.1f, 0.0f, 1.0f);
            const float g = std::clamp(t * t * 1.1f, 0.0f, 1.0f);
            const float b = std::clamp(0.25f + std::sin(t * 3.1f) * 0.45f, 0.0f, 1.0f);
            uint8_t* p = &pixels[(row * (size_t)s.frames + (size_t)frame) * 4];
            p[0] = (uint8_t)std::lround(r * 255);
            p[1] = (uint8_t)std::lround(g * 255);
            p[2] = (uint8_t)std::lround(b * 255);
            p[3] = 255;
        }
    }
    return ImageBuffer(s.frames, s.bins, 4, std::move(pixels));
}

}  // namespace imgr
