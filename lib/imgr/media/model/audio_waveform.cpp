#include "imgr/media/model/audio_waveform.h"

#include <algorithm>

namespace imgr {

std::vector<WaveformColumn> waveform_columns(const AudioBuffer& audio, int columns, size_t first, size_t count) {
    std::vector<WaveformColumn> out;
    if (audio.empty() || columns <= 0) return out;
    const size_t frames = audio.frames();
    first = std::min(first, frames);
    count = std::min(count, frames - first);
    if (count == 0) return out;
    out.resize((size_t)columns);
    const size_t channels = (size_t)audio.channels();
    const float* s = audio.samples().data();
    auto mono_at = [&](size_t frame) {
        float sum = 0;
        for (size_t c = 0; c < channels; ++c) sum += s[frame * channels + c];
        return sum / (float)channels;
    };
    for (size_t col = 0; col < (size_t)columns; ++col) {
        const size_t begin = first + col * count / (size_t)columns;
        size_t end = first + (col + 1) * count / (size_t)columns;
        if (end <= begin) end = std::min(begin + 1, first + count);
        float low = mono_at(begin), high = low;
        for (size_t f = begin + 1; f < end; ++f) {
            const float v = mono_at(f);
            low = std::min(low, v);
            high = std::max(high, v);
        }
        out[col] = {low, high};
    }
    return out;
}

}  // namespace imgr
