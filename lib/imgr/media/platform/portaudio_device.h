// The AudioDevice (view/audio_device.h) on PortAudio: chosen over SDL2's audio
// because it is an audio-only library with a small C API (no video or input
// subsystem to initialise next to GLFW), packaged by Debian as portaudio19-dev.
//
// Playback: one output stream per clip, at the clip's rate and channels; the
// callback reads the shared, immutable samples and two atomics (where it is,
// the volume), so it never takes a lock nor waits on the UI or a handler.
// A device that takes only its own rate (JACK, a card opened directly) gets the clip
// converted to that rate first (audio_resample.h).
// Capture: mono at 16 kHz (or the device's rate, converted to 16 kHz when it stops)
// into a buffer allocated before the stream starts. Underruns are counted.
//
// Opening probes the sound system; ALSA's complaints on a machine without a
// card (a server, CI) are silenced, and open_audio_device() then says why there is none.
#pragma once
#include "imgr/media/view/audio_device.h"

#include <memory>
#include <string>

namespace imgr {

// A device when PortAudio finds a default output; null with `why_not` set otherwise
// (also when imgr was built without PortAudio).
struct [[nodiscard]] AudioDeviceOpen : IoResult {
    std::unique_ptr<AudioDevice> device;  // null when it failed
};
AudioDeviceOpen open_audio_device();

}  // namespace imgr
