// Text to speech with eSpeak NG, into memory: an imgr::AudioBuffer, never a
// sound card. eSpeak NG's API is one global state (one voice, one rate, one
// callback for the whole process), and speaking changes state no call resets:
// the same text and settings come out a few milliseconds longer or shorter
// depending on what was said before. So each call speaks in a fresh process,
// espeak_speak (exec'd, never a fork of this threaded one): a clip depends only
// on its own arguments (a flagged row replays unchanged), and calls from
// several worker threads cannot mix their settings.
#pragma once
#include <imgr/imgr.h>

#include <string>
#include <vector>

namespace speech {

struct Voice {
    std::string name;      // "English (America)": what the dropdown shows
    std::string language;  // "en-us": what selects it
};

// Initialises eSpeak NG on first use; throws imgr::Error when it cannot (no espeak-ng-data).
std::vector<Voice> list_voices();

// `words_per_minute` 80..450 (eSpeak's default 175), `pitch` 0..100 (default 50).
// Mono, at eSpeak's rate (22050 Hz). Throws imgr::Error for an unknown voice.
// The same arguments give the same samples, whatever was synthesised before.
imgr::AudioBuffer synthesize(const std::string& text, const std::string& language, double words_per_minute = 175,
                             double pitch = 50);

}  // namespace speech
