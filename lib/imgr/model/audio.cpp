#include "imgr/model/audio.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace imgr {
namespace {
uint64_t next_audio_version() {
    static std::atomic<uint64_t> counter{0};
    return ++counter;
}
}  // namespace

AudioBuffer::AudioBuffer(int sample_rate, int channels, std::vector<float> interleaved) {
    if (channels < 1 || channels > 64)
        throw std::invalid_argument("audio has 1 to 64 channels, not " + std::to_string(channels));
    if (sample_rate <= 0) throw std::invalid_argument("a sample rate must be positive, not " + std::to_string(sample_rate));
    if (interleaved.size() % (size_t)channels != 0)
        throw std::invalid_argument(std::to_string(interleaved.size()) + " samples do not split into " +
                                    std::to_string(channels) + " channels");
    auto storage = std::make_shared<Storage>();
    storage->sample_rate = sample_rate;
    storage->channels = channels;
    storage->samples = std::move(interleaved);
    storage->version = next_audio_version();
    storage_ = std::move(storage);
}

const std::vector<float>& AudioBuffer::samples() const {
    static const std::vector<float> none;
    return storage_ ? storage_->samples : none;
}

AudioBuffer AudioBuffer::slice(size_t first, size_t count) const {
    if (empty()) return {};
    first = std::min(first, frames());
    count = std::min(count, frames() - first);
    const size_t c = (size_t)channels();
    const auto begin = samples().begin() + (std::ptrdiff_t)(first * c);
    AudioBuffer part(sample_rate(), channels(), std::vector<float>(begin, begin + (std::ptrdiff_t)(count * c)));
    part.source = source;
    return part;
}

std::vector<float> AudioBuffer::mono() const {
    const size_t n = frames(), c = (size_t)channels();
    std::vector<float> out(n);
    const float* s = samples().data();
    for (size_t f = 0; f < n; ++f) {
        float sum = 0;
        for (size_t ch = 0; ch < c; ++ch) sum += s[f * c + ch];
        out[f] = sum / (float)c;
    }
    return out;
}

bool operator==(const AudioBuffer& a, const AudioBuffer& b) {
    if (a.same_samples(b)) return true;
    return a.sample_rate() == b.sample_rate() && a.channels() == b.channels() && a.samples() == b.samples();
}

}  // namespace imgr
