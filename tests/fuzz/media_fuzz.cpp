// Media bytes from an upload: the audio loader (libsndfile, from memory) and the
// video decoder (libav*, from a file) never crash on them; what they accept is
// within the limits, what they refuse comes with a message. The first byte picks
// the loader, so one corpus covers both.
#include "fuzz_check.h"
#include "imgr/media/model/audio_io.h"
#include "imgr/media/model/video_file.h"

#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace {

void fuzz_audio(const uint8_t* data, size_t size) {
    imgr::AudioLimits limits;
    limits.max_samples = size_t(1) << 20;  // small, so the fuzzer meets the limit often
    limits.max_channels = 16;
    const imgr::AudioLoadResult result = imgr::load_audio_memory(data, size, limits);
    if (!result) {
        FUZZ_CHECK(!result.error.empty());
        FUZZ_CHECK(result.audio.empty());
        return;
    }
    const imgr::AudioBuffer& audio = result.audio;
    if (audio.empty()) return;  // a file with no samples
    FUZZ_CHECK(audio.channels() >= 1 && audio.channels() <= limits.max_channels);
    FUZZ_CHECK(audio.sample_rate() >= 1 && audio.sample_rate() <= limits.max_sample_rate);
    FUZZ_CHECK(audio.samples().size() <= limits.max_samples);
    FUZZ_CHECK(audio.samples().size() == audio.frames() * (size_t)audio.channels());
}

void fuzz_video(const uint8_t* data, size_t size) {
    // libavformat reads files: one per process, rewritten for each input.
    static const std::string path = "/tmp/imgr_fuzz_media_" + std::to_string(::getpid()) + ".bin";
    if (FILE* file = std::fopen(path.c_str(), "wb")) {
        if (size) std::fwrite(data, 1, size, file);
        std::fclose(file);
    } else {
        return;
    }
    imgr::VideoDecoder decoder;
    const imgr::IoResult opened = decoder.open(path);
    if (!opened) {
        FUZZ_CHECK(!opened.error.empty());
        return;
    }
    const imgr::VideoValue& info = decoder.info();
    FUZZ_CHECK(info.width > 0 && info.height > 0);
    imgr::DecodedFrame frame;
    for (int i = 0; i < 3 && decoder.read(frame).got_frame; ++i) {
        FUZZ_CHECK(frame.image.channels() == 4);
        FUZZ_CHECK(frame.image.width() >= 1 && frame.image.height() >= 1);
        (void)frame.image.sample(frame.image.width() - 1, frame.image.height() - 1, 3);
    }
    (void)decoder.seek(0.1);
    (void)decoder.read(frame);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    if (data[0] % 2 == 0)
        fuzz_audio(data + 1, size - 1);
    else
        fuzz_video(data + 1, size - 1);
    return 0;
}
