// The view-side state of one Audio component, kept in its ComponentCache
// across frames: the playhead, the trim selection, the volume, the cached
// waveform columns, and the spectrogram being computed on a worker thread.
// Scripts reach it through seek_audio() (`click "label" at T`).
#pragma once
#include "imgr/engine/background_work.h"
#include "imgr/media/model/audio_waveform.h"
#include "imgr/media/view/audio_device.h"
#include "imgr/model/io_result.h"
#include "imgr/model/image.h"
#include "imgr/view/component_context.h"

#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace imgr {

// A spectrogram image made off the UI thread. The worker fills `image` under
// the mutex and only then lets go of its BackgroundWork, so once the engine is
// idle (`wait idle`) the next frame shows the result.
struct SpectrogramJob {
    uint64_t version = 0;                // the clip's version it was started for
    std::mutex mutex;
    ImageBuffer image;                   // RGBA8, ready for a texture; empty until done
    std::string error;                   // why there is none (built without FFTW)
    bool done = false;
    std::future<void> worker;            // joined when the job is dropped (a spectrogram takes milliseconds)
    ~SpectrogramJob();
};

struct AudioPlayer {
    uint64_t seen_audio = 0;             // the clip version the fields below belong to
    double position = 0;                 // seconds: where play starts, the playhead while paused
    bool playing = false;
    bool restart = false;                // playing, and the playhead moved: start the device again from it
    float volume = 1.0f;
    bool show_spectrogram = false;
    bool spectrogram_initialised = false;
    float select_from = -1, select_to = -1;  // trim range, fractions of the clip; from < 0: none
    int waveform_width = 0;
    std::vector<WaveformColumn> waveform;    // min/max per pixel column, for waveform_width
    std::shared_ptr<SpectrogramJob> spectrogram;
    std::string status;                  // the device's last refusal ("no audio device")
    AudioDevice* device = nullptr;       // the app's (audio_device.h), set each time the component is drawn
    bool recording = false;

    uint64_t owner() const { return (uint64_t)(uintptr_t)this; }
};

// The component's player, made on first use.
AudioPlayer& audio_player(const ComponentContext& c);
// Moves the playhead of a drawn Audio component to `seconds` (clamped to the clip); playing goes on from
// there. Fails when the component has no clip or has not been drawn yet.
IoResult seek_audio(const ComponentCache& cache, const Value& clip, double seconds);
// Starts the spectrogram of `clip` on a worker thread (counted as the app's background work).
std::shared_ptr<SpectrogramJob> start_spectrogram(const AudioBuffer& clip, BackgroundWork work);

}  // namespace imgr
