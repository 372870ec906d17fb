// Writes the test media the audio samples' tours use, made on the spot with
// eSpeak NG (nothing downloaded, nothing committed): two sentences with
// silence around them and a little noise under everything, as a room sounds.
//   make_speech_wav OUT.wav
#include <imgr/imgr.h>
#include <imgr/media/model/audio_io.h>

#include <cstdio>
#include <random>

#include "espeak_synth.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_speech_wav OUT.wav\n");
        return 2;
    }
    const imgr::AudioBuffer first = speech::synthesize("Hello, this is a test of voice activity detection.", "en-us");
    const imgr::AudioBuffer second = speech::synthesize("Goodbye.", "en-us");
    const int rate = first.sample_rate();
    std::vector<float> samples;
    auto silence = [&](double seconds) { samples.insert(samples.end(), (size_t)(seconds * rate), 0.0f); };
    silence(0.6);
    samples.insert(samples.end(), first.samples().begin(), first.samples().end());
    silence(0.8);
    samples.insert(samples.end(), second.samples().begin(), second.samples().end());
    silence(0.6);
    std::mt19937 random(15);  // the same file every time
    std::normal_distribution<float> noise(0.0f, 0.002f);
    for (float& s : samples) s += noise(random);
    if (imgr::IoResult saved = imgr::save_audio_file(argv[1], imgr::AudioBuffer(rate, 1, std::move(samples))); !saved) {
        std::fprintf(stderr, "make_speech_wav: %s\n", saved.error.c_str());
        return 1;
    }
    return 0;
}
