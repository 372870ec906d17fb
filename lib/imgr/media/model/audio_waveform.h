// The waveform of a clip as drawn: for each pixel column, the lowest and
// highest sample (channels averaged) among the frames that column covers.
// Computed once per clip and width (the view caches it by AudioBuffer::version),
// never per frame: a minute of 48 kHz audio is 2.9 M samples.
#pragma once
#include "imgr/model/audio.h"

#include <vector>

namespace imgr {

struct WaveformColumn {
    float low = 0, high = 0;  // -1..1 for normal audio
};

// `columns` columns over frames [first, first + count) (clamped to the clip);
// a column that covers no frame (more columns than frames) takes the frame under it.
std::vector<WaveformColumn> waveform_columns(const AudioBuffer& audio, int columns, size_t first = 0,
                                             size_t count = (size_t)-1);

}  // namespace imgr
