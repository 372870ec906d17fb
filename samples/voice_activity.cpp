// Voice activity detection, the kind of thing a speech pipeline does before
// recognition: upload (or record) a clip; the energy in the speech band is
// plotted over time against a threshold set above the noise floor, the
// detected stretches of speech are listed, and cut out into their own clip.
// Flag a clip the detector got wrong: it is saved as flagged/Recording/N.wav.
#include <imgr/imgr.h>
#include <imgr/media.h>

#include <cstdio>

#include "voice_activity.h"  // vad::detect: spectrogram band energy against a threshold

std::tuple<imgr::PlotValue, std::string, imgr::AudioBuffer> find_speech(const imgr::AudioBuffer& clip, double above_floor_db) {
    const vad::Analysis a = vad::detect(clip, above_floor_db);
    imgr::PlotValue plot{.title = "Speech-band energy", .x_label = "seconds", .y_label = "dB"};
    plot.series.push_back({.name = "energy", .x = a.times, .y = a.band_db});
    plot.series.push_back({.name = "threshold", .x = {a.times.front(), a.times.back()},
                           .y = {a.threshold_db, a.threshold_db}, .color = 0xdc2626});
    std::string summary = std::to_string(a.segments.size()) + (a.segments.size() == 1 ? " segment" : " segments");
    std::vector<float> voiced;
    for (const vad::Segment& s : a.segments) {
        char line[64];
        std::snprintf(line, sizeof line, "\n%.2f s - %.2f s", s.start, s.end);
        summary += line;
        const imgr::AudioBuffer part = clip.slice((size_t)(s.start * clip.sample_rate()),
                                                  (size_t)((s.end - s.start) * clip.sample_rate()));
        voiced.insert(voiced.end(), part.samples().begin(), part.samples().end());
    }
    if (voiced.empty()) return {plot, summary, imgr::AudioBuffer{}};
    return {plot, summary, imgr::AudioBuffer(clip.sample_rate(), clip.channels(), std::move(voiced))};
}

int main(int argc, char** argv) {
    imgr::Interface demo(find_speech,
                         {imgr::Audio("Recording"), imgr::Slider("Threshold above the noise floor (dB)", 3, 40, 15).step(1)},
                         {imgr::Plot("Energy"), imgr::Textbox("Speech segments").lines(4), imgr::Audio("Speech only")},
                         {.title = "Voice activity detection",
                          .description = "Where is someone speaking? Upload or record a clip.",
                          .flagging_mode = imgr::FlaggingMode::Manual,
                          .flagging_options = {"missed speech", "false alarm"}});
    return demo.launch(argc, argv);
}
