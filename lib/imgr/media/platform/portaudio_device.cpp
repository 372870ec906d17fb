#include "imgr/media/platform/portaudio_device.h"

#if IMGR_HAVE_PORTAUDIO
#include <alsa/asoundlib.h>
#include <portaudio.h>

#include "imgr/media/model/audio_resample.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace imgr {
namespace {

// ALSA prints every failed probe (no card, no PCM "default") to stderr; the
// answer we need is PortAudio's return value, so the noise goes.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

// JACK's client library prints to stderr when no JACK server runs (it has no
// switch we can reach through PortAudio): stderr is pointed at /dev/null while
// PortAudio probes its host APIs, once, before the window opens.
PaError initialise_quietly() {
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    const PaError result = Pa_Initialize();
    std::fflush(stderr);
    if (saved >= 0) {
        ::dup2(saved, STDERR_FILENO);
        ::close(saved);
    }
    if (null >= 0) ::close(null);
    return result;
}

constexpr int kRecordRate = 16000;   // what recordings are handed over at
constexpr int kRecordSeconds = 60 * 5;

// The rate the default device runs at when it takes only its own (JACK, a card opened directly).
int device_rate(PaDeviceIndex device) {
    const PaDeviceInfo* info = device == paNoDevice ? nullptr : Pa_GetDeviceInfo(device);
    return info && info->defaultSampleRate > 0 ? (int)info->defaultSampleRate : 0;
}

// Counted by the device callbacks, read by the UI: only atomics, no lock.
using UnderrunCounter = std::atomic<uint64_t>;

struct Playback {
    AudioBuffer clip;                 // immutable while the stream runs, at the stream's rate
    std::atomic<size_t> frame{0};
    std::atomic<float> volume{1.0f};
    std::atomic<bool> finished{false};
    uint64_t owner = 0;
    UnderrunCounter* underruns = nullptr;
};

int play_callback(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
                  PaStreamCallbackFlags status, void* user) {
    auto* p = static_cast<Playback*>(user);
    if (status & paOutputUnderflow) p->underruns->fetch_add(1, std::memory_order_relaxed);
    float* out = static_cast<float*>(output);
    const size_t channels = (size_t)p->clip.channels();
    const size_t total = p->clip.frames();
    const size_t at = p->frame.load(std::memory_order_relaxed);
    const size_t n = std::min<size_t>(frames, total > at ? total - at : 0);
    const float volume = p->volume.load(std::memory_order_relaxed);
    const float* in = p->clip.samples().data() + at * channels;
    for (size_t i = 0; i < n * channels; ++i) out[i] = in[i] * volume;
    std::fill(out + n * channels, out + frames * channels, 0.0f);
    p->frame.store(at + n, std::memory_order_relaxed);
    if (at + n >= total) {
        p->finished.store(true, std::memory_order_release);
        return paComplete;
    }
    return paContinue;
}

struct Capture {
    explicit Capture(int rate) : rate(rate), samples((size_t)rate * kRecordSeconds) {}
    int rate;
    std::vector<float> samples;  // allocated before the stream starts
    std::atomic<size_t> frames{0};
    UnderrunCounter* underruns = nullptr;
};

int record_callback(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
                    PaStreamCallbackFlags status, void* user) {
    auto* c = static_cast<Capture*>(user);
    if (status & paInputOverflow) c->underruns->fetch_add(1, std::memory_order_relaxed);
    const size_t at = c->frames.load(std::memory_order_relaxed);
    const size_t n = std::min<size_t>(frames, c->samples.size() - at);
    if (input) std::copy_n(static_cast<const float*>(input), n, c->samples.begin() + (std::ptrdiff_t)at);
    c->frames.store(at + n, std::memory_order_release);
    return at + n >= c->samples.size() ? paComplete : paContinue;
}

class PortAudioDevice : public AudioDevice {
public:
    ~PortAudioDevice() override {
        stop();
        (void)stop_recording();
        Pa_Terminate();
    }

    IoResult play(const AudioBuffer& clip, double from_seconds, float volume, uint64_t owner) override {
        stop();
        auto playback = std::make_unique<Playback>();
        playback->clip = clip;
        playback->volume = volume;
        playback->owner = owner;
        playback->underruns = &underruns_;
        PaError opened = Pa_OpenDefaultStream(&play_stream_, 0, clip.channels(), paFloat32, clip.sample_rate(),
                                              paFramesPerBufferUnspecified, play_callback, playback.get());
        if (opened == paInvalidSampleRate) {
            // The device plays at its own rate only: the clip is converted to it.
            const int rate = device_rate(Pa_GetDefaultOutputDevice());
            AudioResampleResult converted = resample_audio(clip, rate);
            if (!converted) {
                play_stream_ = nullptr;
                return IoResult::failure("cannot play: the device runs at " + std::to_string(rate) + " Hz and " + converted.error);
            }
            playback->clip = std::move(converted.audio);
            opened = Pa_OpenDefaultStream(&play_stream_, 0, clip.channels(), paFloat32, rate,
                                          paFramesPerBufferUnspecified, play_callback, playback.get());
        }
        const AudioBuffer& playing = playback->clip;
        playback->frame = std::min(playing.frames(), (size_t)std::max(0.0, from_seconds * playing.sample_rate()));
        if (opened != paNoError) {
            play_stream_ = nullptr;
            return IoResult::failure(std::string("cannot play: ") + Pa_GetErrorText(opened));
        }
        if (PaError started = Pa_StartStream(play_stream_); started != paNoError) {
            Pa_CloseStream(play_stream_);
            play_stream_ = nullptr;
            return IoResult::failure(std::string("cannot play: ") + Pa_GetErrorText(started));
        }
        playback_ = std::move(playback);
        return IoResult::success();
    }

    void stop() override {
        if (play_stream_) {
            Pa_AbortStream(play_stream_);
            Pa_CloseStream(play_stream_);
            play_stream_ = nullptr;
        }
        playback_.reset();  // only now: the callback reads it until the stream is closed
    }

    void set_volume(float volume) override {
        if (playback_) playback_->volume.store(std::clamp(volume, 0.0f, 1.0f), std::memory_order_relaxed);
    }

    double position(uint64_t owner) const override {
        if (!playback_ || playback_->owner != owner || playback_->finished.load(std::memory_order_acquire)) return -1;
        return (double)playback_->frame.load(std::memory_order_relaxed) / playback_->clip.sample_rate();
    }

    bool can_record() const override { return Pa_GetDefaultInputDevice() != paNoDevice; }

    IoResult start_recording() override {
        if (record_stream_) return IoResult::success();
        capture_ = std::make_unique<Capture>(kRecordRate);
        capture_->underruns = &underruns_;
        PaError opened = Pa_OpenDefaultStream(&record_stream_, 1, 0, paFloat32, kRecordRate,
                                              paFramesPerBufferUnspecified, record_callback, capture_.get());
        if (opened == paInvalidSampleRate) {  // a device that takes only its own rate: converted at the end
            if (const int rate = device_rate(Pa_GetDefaultInputDevice()); rate > 0) {
                capture_ = std::make_unique<Capture>(rate);
                capture_->underruns = &underruns_;
                opened = Pa_OpenDefaultStream(&record_stream_, 1, 0, paFloat32, rate, paFramesPerBufferUnspecified,
                                              record_callback, capture_.get());
            }
        }
        if (opened == paNoError) opened = Pa_StartStream(record_stream_);
        if (opened != paNoError) {
            if (record_stream_) Pa_CloseStream(record_stream_);
            record_stream_ = nullptr;
            capture_.reset();
            return IoResult::failure(Pa_GetErrorText(opened));
        }
        return IoResult::success();
    }

    bool recording() const override { return record_stream_ != nullptr; }

    bool active() const override {
        return record_stream_ || (playback_ && !playback_->finished.load(std::memory_order_acquire));
    }

    AudioBuffer stop_recording() override {
        if (!record_stream_) return {};
        Pa_StopStream(record_stream_);
        Pa_CloseStream(record_stream_);
        record_stream_ = nullptr;
        const size_t frames = capture_->frames.load(std::memory_order_acquire);
        std::vector<float> samples(capture_->samples.begin(), capture_->samples.begin() + (std::ptrdiff_t)frames);
        const int rate = capture_->rate;
        capture_.reset();
        if (samples.empty()) return {};
        AudioBuffer recorded(rate, 1, std::move(samples));
        // Recordings are handed over at one rate, whatever the device ran at.
        if (AudioResampleResult converted = resample_audio(recorded, kRecordRate)) return std::move(converted.audio);
        return recorded;
    }

    uint64_t underruns() const override { return underruns_.load(std::memory_order_relaxed); }

private:
    UnderrunCounter underruns_{0};  // before the streams: their callbacks count into it
    PaStream* play_stream_ = nullptr;
    std::unique_ptr<Playback> playback_;
    PaStream* record_stream_ = nullptr;
    std::unique_ptr<Capture> capture_;
};

}  // namespace

AudioDeviceOpen open_audio_device() {
    snd_lib_error_set_handler(quiet_alsa);
    AudioDeviceOpen result;
    if (PaError initialised = initialise_quietly(); initialised != paNoError) {
        result.error = std::string("no audio device (PortAudio: ") + Pa_GetErrorText(initialised) + ")";
    } else if (Pa_GetDefaultOutputDevice() == paNoDevice) {
        Pa_Terminate();
        result.error = "no audio device (PortAudio found no output)";
    } else {
        result.device = std::make_unique<PortAudioDevice>();
    }
    return result;
}

}  // namespace imgr

#else

namespace imgr {
AudioDeviceOpen open_audio_device() {
    AudioDeviceOpen result;
    result.error = "no audio device (imgr was built without PortAudio: apt-get install portaudio19-dev)";
    return result;
}
}  // namespace imgr

#endif
