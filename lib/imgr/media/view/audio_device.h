// How Audio components play and record without knowing the sound library:
// the platform layer implements this with PortAudio and installs it with
// set_audio_device(app, ...); without one (no PortAudio, no sound card: a server, CI)
// audio_device(app) is null and the components say "no audio device" — files
// still load, waveforms draw, handlers run and flags save.
//
// One clip plays at a time on an app's device, as on a phone: playing another
// stops the first. Called from the UI thread only; the implementation's device
// callback never waits on the UI or on a lock a handler may hold.
#pragma once
#include "imgr/engine/engine.h"
#include "imgr/model/audio.h"
#include "imgr/model/io_result.h"

#include <cstdint>
#include <string>

namespace imgr {

class AudioDevice {
public:
    virtual ~AudioDevice() = default;

    // Plays `clip` from `from_seconds`; `owner` names who asked (a component), for position().
    // Fails, saying why, when the device refuses (busy, unsupported rate).
    virtual IoResult play(const AudioBuffer& clip, double from_seconds, float volume, uint64_t owner) = 0;
    virtual void stop() = 0;
    virtual void set_volume(float volume) = 0;        // 0..1, applies at once to what plays
    // Seconds into the clip `owner` plays; negative when it is not playing (stopped, finished, another owner).
    virtual double position(uint64_t owner) const = 0;

    virtual bool can_record() const = 0;             // there is an input device
    virtual IoResult start_recording() = 0;
    virtual bool recording() const = 0;
    virtual AudioBuffer stop_recording() = 0;        // what was captured (mono), empty if nothing
    virtual bool active() const = 0;                 // playing or recording: the window redraws (the playhead moves)
    // Times the device ran out of samples to play (or of room for captured ones) since it
    // opened, as the sound library reports them: a glitch the listener hears.
    virtual uint64_t underruns() const { return 0; }
};

// Each app has its own device (two apps in one process do not share one): the
// platform's, installed for the app's run by the media module (null removes it).
AudioDevice* audio_device(const Engine& app);      // null: no audio device
void set_audio_device(const Engine& app, AudioDevice* device);
bool audio_device_active(const Engine& app);       // a device is installed and plays or records

}  // namespace imgr
