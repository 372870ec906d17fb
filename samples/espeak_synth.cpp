#include "espeak_synth.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace speech {
namespace {

std::mutex& espeak_mutex() {
    static std::mutex mutex;  // eSpeak NG is global state: one caller at a time
    return mutex;
}

std::vector<short>* collecting = nullptr;  // where the callback puts samples; set under espeak_mutex()

int collect(short* samples, int count, espeak_EVENT*) {
    if (samples && count > 0 && collecting) collecting->insert(collecting->end(), samples, samples + count);
    return 0;  // 0: go on
}

// Under espeak_mutex(). Returns the sample rate.
int initialise() {
    static int sample_rate = 0;
    if (sample_rate > 0) return sample_rate;
    sample_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (sample_rate <= 0) {
        sample_rate = 0;
        throw imgr::Error("eSpeak NG could not start (is espeak-ng-data installed?)");
    }
    espeak_SetSynthCallback(collect);
    return sample_rate;
}

// Under espeak_mutex().
const std::vector<Voice>& voices_locked() {
    static std::vector<Voice> voices;
    if (!voices.empty()) return voices;
    initialise();
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v)
        if ((*v)->name && (*v)->languages) voices.push_back({(*v)->name, (*v)->languages + 1});  // languages: priority byte, then the name
    std::sort(voices.begin(), voices.end(), [](const Voice& a, const Voice& b) { return a.name < b.name; });
    return voices;
}

}  // namespace

std::vector<Voice> list_voices() {
    std::lock_guard lock(espeak_mutex());
    return voices_locked();
}

imgr::AudioBuffer synthesize(const std::string& text, const std::string& language, double words_per_minute,
                             double pitch) {
    std::lock_guard lock(espeak_mutex());
    const int sample_rate = initialise();
    const std::vector<Voice>& voices = voices_locked();
    // eSpeak NG falls back to some voice for a language it lacks: asked first, so the person is told.
    if (std::none_of(voices.begin(), voices.end(), [&](const Voice& v) { return v.language == language; }))
        throw imgr::Error("eSpeak NG has no voice for '" + language + "'");
    espeak_VOICE wanted{};
    wanted.languages = language.c_str();
    if (espeak_SetVoiceByProperties(&wanted) != EE_OK) throw imgr::Error("eSpeak NG has no voice for '" + language + "'");
    espeak_SetParameter(espeakRATE, (int)std::clamp(words_per_minute, 80.0, 450.0), 0);
    espeak_SetParameter(espeakPITCH, (int)std::clamp(pitch, 0.0, 100.0), 0);
    std::vector<short> samples;
    collecting = &samples;
    const espeak_ERROR result =
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    collecting = nullptr;
    if (result != EE_OK) throw imgr::Error("eSpeak NG could not speak this text");
    std::vector<float> floats(samples.size());
    std::transform(samples.begin(), samples.end(), floats.begin(), [](short s) { return (float)s / 32768.0f; });
    if (floats.empty()) floats.push_back(0.0f);  // empty text: a one-sample clip rather than none
    return imgr::AudioBuffer(sample_rate, 1, std::move(floats));
}

}  // namespace speech
