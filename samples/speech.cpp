// Text to speech with eSpeak NG: type a sentence, pick a voice, speed and
// pitch, press Submit, and hear it (waveform and spectrogram on the Audio
// output). A mispronunciation is flagged with its reason: the clip goes to
// flagged/Speech/N.wav and the row to flagged/logs.csv.
#include <imgr/imgr.h>
#include <imgr/media.h>

#include "espeak_synth.h"  // speech::synthesize: eSpeak NG into an AudioBuffer

imgr::AudioBuffer speak(const std::string& text, const std::string& voice_name, double speed, double pitch) {
    static const std::vector<speech::Voice> voices = speech::list_voices();
    for (const speech::Voice& voice : voices)
        if (voice.name == voice_name) return speech::synthesize(text, voice.language, speed, pitch);
    throw imgr::Error("choose a voice first");
}

int main(int argc, char** argv) {
    imgr::StringList voice_names;
    for (const speech::Voice& voice : speech::list_voices()) voice_names.push_back(voice.name);
    imgr::Interface demo(speak,
                         {imgr::Textbox("Text").lines(3).value("The quick brown fox jumps over the lazy dog."),
                          imgr::Dropdown("Voice", voice_names).value("English (America)"),
                          imgr::Slider("Speed (words per minute)", 80, 400, 175).step(5),
                          imgr::Slider("Pitch", 0, 100, 50).step(1)},
                         imgr::Audio("Speech").spectrogram(true).height(8),
                         {.title = "Text to speech",
                          .description = "eSpeak NG, synthesised in memory. Flag a clip that mispronounces a word.",
                          .flagging_mode = imgr::FlaggingMode::Manual,
                          .flagging_options = {"mispronounced", "wrong stress", "too fast"},
                          .show_flagged = true});
    return demo.launch(argc, argv);
}
