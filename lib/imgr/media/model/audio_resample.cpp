#include "imgr/media/model/audio_resample.h"

#include <algorithm>
#include <cstdint>
#include <memory>

#if IMGR_HAVE_LIBAV
extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}
#include "imgr/media/model/libav_support.h"
#endif

namespace imgr {

AudioResampleResult resample_audio(const AudioBuffer& clip, int rate) {
    AudioResampleResult result;
    if (clip.empty() || clip.sample_rate() == rate) {
        result.audio = clip;
        return result;
    }
    if (rate <= 0 || rate > 10'000'000) {
        result.error = "cannot convert audio to " + std::to_string(rate) + " Hz";
        return result;
    }
#if IMGR_HAVE_LIBAV
    const int channels = clip.channels();
    AVChannelLayout layout;
    av_channel_layout_default(&layout, channels);
    SwrContext* raw = nullptr;
    int status = swr_alloc_set_opts2(&raw, &layout, AV_SAMPLE_FMT_FLT, rate, &layout, AV_SAMPLE_FMT_FLT,
                                     clip.sample_rate(), 0, nullptr);
    std::unique_ptr<SwrContext, void (*)(SwrContext*)> swr(raw, [](SwrContext* s) { swr_free(&s); });
    if (status >= 0) status = swr_init(swr.get());
    av_channel_layout_uninit(&layout);
    if (status < 0) {
        result.error = "cannot convert audio from " + std::to_string(clip.sample_rate()) + " Hz to " + std::to_string(rate) +
                " Hz: " + av_error_text(status);
        return result;
    }
    // In pieces: swr_convert counts frames in an int, a clip may have more.
    constexpr size_t kPiece = size_t(1) << 16;
    const size_t frames = clip.frames();
    const size_t expected = (size_t)((double)frames * rate / clip.sample_rate() + 0.5);
    std::vector<float> out;
    out.reserve((expected + 64) * (size_t)channels);
    std::vector<float> piece;
    for (size_t at = 0;; at += kPiece) {
        const bool flushing = at >= frames;
        const int n = flushing ? 0 : (int)std::min(kPiece, frames - at);
        const int room = swr_get_out_samples(swr.get(), n) + 16;
        piece.resize((size_t)room * (size_t)channels);
        auto* out_plane = reinterpret_cast<uint8_t*>(piece.data());
        const auto* in_plane = flushing ? nullptr : reinterpret_cast<const uint8_t*>(clip.samples().data() + at * (size_t)channels);
        const int made = swr_convert(swr.get(), &out_plane, room, flushing ? nullptr : &in_plane, n);
        if (made < 0) {
            result.error = "cannot convert audio: " + av_error_text(made);
            return result;
        }
        out.insert(out.end(), piece.begin(), piece.begin() + (std::ptrdiff_t)made * channels);
        if (flushing) break;
    }
    // The filter's delay may leave a frame or two more or fewer: the duration is the clip's.
    out.resize(expected * (size_t)channels, 0.0f);
    if (expected == 0) {
        result.error = "the clip is too short to convert to " + std::to_string(rate) + " Hz";
        return result;
    }
    result.audio = AudioBuffer(rate, channels, std::move(out));
    result.audio.source = clip.source;
    return result;
#else
    result.error = "cannot convert audio from " + std::to_string(clip.sample_rate()) + " Hz to " + std::to_string(rate) +
                   " Hz: imgr was built without libav* (apt-get install libswresample-dev)";
    return result;
#endif
}

}  // namespace imgr
