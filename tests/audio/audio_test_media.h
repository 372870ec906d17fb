// Test media made at test time: tones, silence, noise. Nothing is downloaded.
#pragma once
#include "imgr/model/audio.h"

#include <cmath>
#include <vector>

namespace imgr::test {

// A sine of `hz` at `amplitude`, `seconds` long, the same in every channel.
inline AudioBuffer tone(double hz, double seconds, int sample_rate = 16000, int channels = 1, float amplitude = 0.5f) {
    const size_t frames = (size_t)std::llround(seconds * sample_rate);
    std::vector<float> samples(frames * (size_t)channels);
    for (size_t f = 0; f < frames; ++f)
        for (int c = 0; c < channels; ++c)
            samples[f * (size_t)channels + (size_t)c] =
                amplitude * (float)std::sin(2.0 * M_PI * hz * (double)f / sample_rate);
    return AudioBuffer(sample_rate, channels, std::move(samples));
}

}  // namespace imgr::test
