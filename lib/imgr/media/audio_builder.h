// The Audio component's builder: imgr::Audio("Speech").spectrogram(true).
// Its value is an imgr::AudioBuffer (model/audio.h); files through media/model/audio_io.h.
#pragma once
#include "imgr/engine/app/builders.h"
#include "imgr/media/module_link.h"

namespace imgr {

// A sound clip: waveform with a playhead, play/pause/seek, volume, a spectrogram
// toggle; as an input also a file path, trimming by dragging a range, and recording.
class Audio : public Builder<Audio, AudioBuffer> {
public:
    explicit Audio(std::string label = "") : Builder(ComponentKind::Audio, std::move(label), AudioProps{}) {}
    Audio& height(float em) { props<AudioProps>().height = em; return *this; }
    Audio& spectrogram(bool shown) { props<AudioProps>().spectrogram = shown; return *this; }
    Audio& recording(bool offered) { props<AudioProps>().recording = offered; return *this; }
};

}  // namespace imgr
