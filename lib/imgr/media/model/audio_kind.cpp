// Audio, the media module's kind apart from its drawing and its files: a clip
// (model/audio.h). Flagged as N.wav; compared by rate, channels, length and
// then the samples as a signal-to-noise ratio.
#include "imgr/media/model/media_kinds.h"

#include "imgr/model/kinds/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace imgr::media_kinds {

using namespace imgr::kinds;  // the comparison and expect messages every kind uses

namespace {

// Same rate, channels and length, then the samples as a signal-to-noise ratio in dB against
// the same threshold as images (a flagged WAV holds 16-bit samples, so a replayed float clip
// differs by its rounding: about 98 dB, far above 40).
Comparison compare_clips(const Value& expected, const Value& actual, const CompareOptions& options) {
    const AudioBuffer& a = std::get<AudioBuffer>(expected);
    const AudioBuffer& b = std::get<AudioBuffer>(actual);
    if (a.empty() || b.empty()) {
        if (a.empty() && b.empty()) return {};
        return {false, describe(expected) + " -> " + describe(actual)};
    }
    if (a.sample_rate() != b.sample_rate() || a.channels() != b.channels() || a.frames() != b.frames())
        return {false, describe(expected) + " -> " + describe(actual)};
    double signal = 0, noise = 0, max_difference = 0;
    const std::vector<float>& x = a.samples();
    const std::vector<float>& y = b.samples();
    for (size_t i = 0; i < x.size(); ++i) {
        const double d = (double)x[i] - (double)y[i];
        signal += (double)x[i] * x[i];
        noise += d * d;
        max_difference = std::max(max_difference, std::abs(d));
    }
    if (noise == 0) return {};
    const double snr = signal > 0 ? 10.0 * std::log10(signal / noise) : -std::numeric_limits<double>::infinity();
    if (snr >= options.min_psnr) return {};
    char text[96];
    std::snprintf(text, sizeof text, "samples: max difference %.3g, SNR %.1f dB", max_difference, snr);
    return {false, text};
}

// A clip is compared by what it is, not sample by sample: {"duration": s, "sample_rate": Hz, "channels": n},
// any of the keys; a duration within half a millisecond (a clip is a whole number of samples).
Check expect_clip(const Value& actual_value, const Json& expected, const CompareOptions&) {
    const AudioBuffer& audio = std::get<AudioBuffer>(actual_value);
    const Json actual = audio_to_json(audio);
    const std::string got = audio.empty() ? std::string("no audio") : show_expected(actual);
    if (expected.is_null()) return audio.empty() ? Check() : mismatch(expected, got);
    const bool known_keys = expected.is_object() && !expected.empty() &&
                            std::all_of(expected.items().begin(), expected.items().end(), [](const auto& item) {
                                return (item.key() == "duration" || item.key() == "sample_rate" || item.key() == "channels") &&
                                       item.value().is_number();
                            });
    if (!known_keys)
        return mismatch(expected, got, "audio is compared with {\"duration\": seconds, \"sample_rate\": Hz, \"channels\": n}");
    if (audio.empty()) return mismatch(expected, got);
    for (const auto& item : expected.items()) {
        const double want = item.value().get<double>(), have = actual[item.key()].get<double>();
        const bool same = item.key() == "duration" ? std::abs(want - have) <= 0.0005 : want == have;
        if (!same) return mismatch(expected, got);
    }
    return std::nullopt;
}

}  // namespace

KindTraits audio() {
    return {.name = "Audio",
            .default_value = [](const KindProps&) { return Value(AudioBuffer{}); },
            .flag_file_extension = ".wav",
            .from_script = [](ComponentKind, const KindProps&, const Json&) { return ValueOrError(std::string("use upload for audio")); },
            .compare = compare_clips,
            .expect = expect_clip};
}

}  // namespace imgr::media_kinds
