// AudioBuffer: the value of an Audio component. Samples are 32-bit floats in
// -1..1, INTERLEAVED (frame f, channel c at samples()[f * channels + c]), the
// layout libsndfile and PortAudio use, so loading, saving and playing copy
// nothing. Like ImageBuffer, the samples live in shared immutable storage:
// snapshotting a clip for a handler or a flag is a pointer copy.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace imgr {

class AudioBuffer {
public:
    AudioBuffer() = default;  // no audio
    // Interleaved samples; throws std::invalid_argument when the count is not a
    // multiple of `channels`, channels is not 1..64 or the rate is not positive.
    AudioBuffer(int sample_rate, int channels, std::vector<float> interleaved);

    bool empty() const { return !storage_; }
    int sample_rate() const { return storage_ ? storage_->sample_rate : 0; }  // frames per second
    int channels() const { return storage_ ? storage_->channels : 0; }
    size_t frames() const { return storage_ ? storage_->samples.size() / (size_t)storage_->channels : 0; }
    double duration() const { return empty() ? 0.0 : (double)frames() / sample_rate(); }  // seconds
    const std::vector<float>& samples() const;  // interleaved; empty when there is no audio
    float sample(size_t frame, int channel) const { return samples()[frame * (size_t)channels() + (size_t)channel]; }

    // Frames [first, first + count) as a new clip (clamped to the clip); the source is kept.
    AudioBuffer slice(size_t first, size_t count) const;
    // The channels averaged into one (what the waveform and spectrogram show).
    std::vector<float> mono() const;

    // Changes whenever the samples may have changed: caches (waveform, spectrogram) recompute only then.
    uint64_t version() const { return storage_ ? storage_->version : 0; }
    bool same_samples(const AudioBuffer& other) const { return storage_ == other.storage_; }

    std::string source;  // file it came from, when loaded ("" otherwise)

private:
    struct Storage {
        int sample_rate = 0, channels = 0;
        std::vector<float> samples;
        uint64_t version = 0;
    };
    std::shared_ptr<const Storage> storage_;
};

bool operator==(const AudioBuffer& a, const AudioBuffer& b);  // same rate, channels and samples

}  // namespace imgr
