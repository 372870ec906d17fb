// Converts a clip to another sample rate. Some audio devices run at one fixed
// rate and convert nothing (JACK, a sound card opened directly), so a 22.05 kHz
// clip must become a 48 kHz one before it plays there. The filter is
// libswresample's (FFmpeg), not a hand-written one; without libav* in the build
// only clips already at the asked rate pass.
#pragma once
#include "imgr/model/audio.h"
#include "imgr/model/io_result.h"

namespace imgr {

struct [[nodiscard]] AudioResampleResult : IoResult {
    AudioBuffer audio;
};

// The clip at `rate` frames a second, same channels and duration (to a frame), or why it
// cannot be converted. An empty clip stays empty.
AudioResampleResult resample_audio(const AudioBuffer& clip, int rate);

}  // namespace imgr
