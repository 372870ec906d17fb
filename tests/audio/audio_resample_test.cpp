// Converting a clip's sample rate (libswresample): what devices with one fixed rate need.
#include <doctest/doctest.h>

#include "imgr/media/model/audio_resample.h"

#include <cmath>
#include <vector>

using namespace imgr;

namespace {
// Left: a sine of `hz`; right: silence.
AudioBuffer tone_left(int rate, double hz, double seconds) {
    const size_t frames = (size_t)(rate * seconds);
    std::vector<float> samples(frames * 2, 0.0f);
    for (size_t f = 0; f < frames; ++f) samples[f * 2] = (float)std::sin(2 * M_PI * hz * (double)f / rate);
    return AudioBuffer(rate, 2, std::move(samples));
}
int rising_zero_crossings(const AudioBuffer& clip, int channel) {
    int count = 0;
    for (size_t f = 1; f < clip.frames(); ++f)
        if (clip.sample(f - 1, channel) < 0 && clip.sample(f, channel) >= 0) ++count;
    return count;
}
double rms(const AudioBuffer& clip, int channel, size_t skip) {
    double sum = 0;
    for (size_t f = skip; f < clip.frames() - skip; ++f) sum += (double)clip.sample(f, channel) * clip.sample(f, channel);
    return std::sqrt(sum / (double)(clip.frames() - 2 * skip));
}
}  // namespace

TEST_CASE("a clip converted to another rate keeps its duration, pitch, loudness and channels") {
    const AudioBuffer clip = tone_left(22050, 1000, 1.0);
    for (int rate : {48000, 16000, 44100}) {
        CAPTURE(rate);
        const AudioResampleResult converted = resample_audio(clip, rate);
        REQUIRE_MESSAGE(converted, converted.error);
        CHECK(converted.audio.sample_rate() == rate);
        CHECK(converted.audio.channels() == 2);
        CHECK(converted.audio.frames() == (size_t)rate);                      // 1 s, to the frame
        CHECK(std::abs(rising_zero_crossings(converted.audio, 0) - 1000) <= 2);  // still 1 kHz
        CHECK(rms(converted.audio, 0, 100) == doctest::Approx(std::sqrt(0.5)).epsilon(0.02));
        CHECK(rms(converted.audio, 1, 0) < 1e-6);  // the silent channel stays silent
    }
}

TEST_CASE("converting to the clip's own rate changes nothing, an empty clip stays empty, a bad rate is refused") {
    const AudioBuffer clip = tone_left(8000, 440, 0.1);
    const AudioResampleResult same = resample_audio(clip, 8000);
    REQUIRE(same);
    CHECK(same.audio.same_samples(clip));
    const AudioResampleResult empty = resample_audio(AudioBuffer(), 48000);
    REQUIRE(empty);
    CHECK(empty.audio.empty());
    const AudioResampleResult refused = resample_audio(clip, 0);
    CHECK_FALSE(refused);
    CHECK(refused.error.find("0 Hz") != std::string::npos);
}

TEST_CASE("a one-sample clip at 1 Hz becomes one second of samples at 48 kHz") {
    const AudioResampleResult converted = resample_audio(AudioBuffer(1, 1, {0.5f}), 48000);
    REQUIRE_MESSAGE(converted, converted.error);
    CHECK(converted.audio.frames() == 48000);
    CHECK(converted.audio.duration() == doctest::Approx(1.0));
}
