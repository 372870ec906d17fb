// VideoDecoder on libavformat + libavcodec + libswscale (see video_file.h).
#include "imgr/media/model/video_file.h"
#include "imgr/media/model/libav_support.h"

#if IMGR_HAVE_LIBAV
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}
#include <cmath>
#include <cstring>
#include <mutex>
#include <vector>
#endif

namespace imgr {

#if IMGR_HAVE_LIBAV

struct VideoDecoder::Impl {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    SwsContext* sws = nullptr;
    std::vector<uint8_t> padded;  // swscale's output for widths its SIMD rows overrun (see convert)
    AVPacket* packet = nullptr;
    AVFrame* frame = nullptr;
    int stream = -1;
    double time_base = 0;
    double start = 0;         // the container's start time: times are reported from 0
    double skip_before = -1;  // after a seek: frames before this time are decoded and not returned
    bool draining = false;
    VideoValue info;

    ~Impl() { close(); }
    void close() {
        sws_freeContext(sws);
        sws = nullptr;
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
        stream = -1;
    }
    IoResult fail(const std::string& what) {
        close();
        return IoResult::failure(what);
    }
    IoResult open(const std::string& path, const AVInputFormat* input, AVDictionary** options);
    ImageBuffer convert();
};

IoResult VideoDecoder::Impl::open(const std::string& path, const AVInputFormat* input, AVDictionary** options) {
    close();
    quiet_libav_logs();
    const std::string name = "'" + path + "'";
    int code = avformat_open_input(&format, path.c_str(), input, options);
    if (code < 0) {
        format = nullptr;
        return fail("cannot open the video " + name + ": " + av_error_text(code));
    }
    if ((code = avformat_find_stream_info(format, nullptr)) < 0)
        return fail("cannot read the video " + name + ": " + av_error_text(code));
    const AVCodec* decoder = nullptr;
    stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (stream < 0 || !decoder) return fail("the file " + name + " has no video stream this build can decode");
    AVStream* s = format->streams[stream];
    const long long pixels = (long long)s->codecpar->width * s->codecpar->height;
    if (s->codecpar->width <= 0 || s->codecpar->height <= 0)
        return fail("the video " + name + " has no frame size");
    if (pixels > kMaxVideoFramePixels)
        return fail("the video " + name + " has " + std::to_string(s->codecpar->width) + "x" +
                    std::to_string(s->codecpar->height) + " frames, more pixels than imgr shows (8192x8192)");
    codec = avcodec_alloc_context3(decoder);
    if (!codec || avcodec_parameters_to_context(codec, s->codecpar) < 0)
        return fail("cannot set up the decoder for " + name);
    codec->thread_count = codec_threads();  // the decoder runs on the player's worker
    if ((code = avcodec_open2(codec, decoder, nullptr)) < 0)
        return fail("cannot open the decoder for " + name + ": " + av_error_text(code));
    packet = av_packet_alloc();
    frame = av_frame_alloc();
    time_base = av_q2d(s->time_base);
    start = format->start_time > 0 && format->start_time != AV_NOPTS_VALUE ? format->start_time / (double)AV_TIME_BASE : 0;
    AVRational rate = av_guess_frame_rate(format, s, nullptr);
    info = VideoValue{};
    info.path = path;
    info.width = codec->width;
    info.height = codec->height;
    info.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    if (s->duration > 0 && s->duration != AV_NOPTS_VALUE)
        info.duration = s->duration * time_base;
    else if (format->duration > 0)
        info.duration = format->duration / (double)AV_TIME_BASE;
    info.frame_count = s->nb_frames > 0 ? s->nb_frames : (long long)std::llround(info.duration * info.fps);
    skip_before = -1;
    draining = false;
    return IoResult::success();
}

ImageBuffer VideoDecoder::Impl::convert() {
    sws = sws_getCachedContext(sws, frame->width, frame->height, (AVPixelFormat)frame->format, frame->width,
                               frame->height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!sws) return {};
    ImageBuffer image(frame->width, frame->height, 4);
    const int row = frame->width * 4;
    // swscale writes whole SIMD blocks: a row whose width is not a multiple of 16 pixels
    // can be overrun at its end, the last row past the buffer (a fuzzed MP4 showed it).
    // Such widths go through a padded buffer (aligned stride, a spare row), then are copied.
    if (frame->width % 16 == 0) {
        uint8_t* planes[4] = {image.mutable_u8(), nullptr, nullptr, nullptr};
        int strides[4] = {row, 0, 0, 0};
        sws_scale(sws, frame->data, frame->linesize, 0, frame->height, planes, strides);
        return image;
    }
    const int stride = (row + 63) / 64 * 64 + 64;
    padded.resize((size_t)stride * (size_t)(frame->height + 1));
    uint8_t* planes[4] = {padded.data(), nullptr, nullptr, nullptr};
    int strides[4] = {stride, 0, 0, 0};
    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, planes, strides);
    uint8_t* out = image.mutable_u8();
    for (int y = 0; y < frame->height; ++y)
        std::memcpy(out + (size_t)y * row, padded.data() + (size_t)y * stride, (size_t)row);
    return image;
}

VideoDecoder::VideoDecoder() : impl_(std::make_unique<Impl>()) {}
VideoDecoder::~VideoDecoder() = default;

IoResult VideoDecoder::open(const std::string& path) { return impl_->open(path, nullptr, nullptr); }

IoResult VideoDecoder::open_camera(const std::string& device) {
    static std::once_flag registered;
    std::call_once(registered, [] { avdevice_register_all(); });
    const AVInputFormat* v4l2 = av_find_input_format("video4linux2");
    if (!v4l2) return IoResult::failure("this build of libavdevice has no video4linux2 input");
    return impl_->open(device, v4l2, nullptr);
}

const VideoValue& VideoDecoder::info() const { return impl_->info; }
bool VideoDecoder::is_open() const { return impl_->codec != nullptr; }

namespace {
FrameRead frame_read() {
    FrameRead result;
    result.got_frame = true;
    return result;
}
FrameRead frame_error(std::string why) {
    FrameRead result;
    result.error = std::move(why);
    return result;
}
}  // namespace

FrameRead VideoDecoder::read(DecodedFrame& out, bool convert) {
    Impl& d = *impl_;
    if (!d.codec) return frame_error("no video is open");
    for (;;) {
        int code = avcodec_receive_frame(d.codec, d.frame);
        if (code == 0) {
            const int64_t pts = d.frame->best_effort_timestamp;
            const double time = pts == AV_NOPTS_VALUE ? 0 : pts * d.time_base - d.start;
            // After a seek: frames before the target are decoded (the codec needs them) and passed over.
            if (d.skip_before >= 0 && time + 1e-6 < d.skip_before) {
                av_frame_unref(d.frame);
                continue;
            }
            d.skip_before = -1;
            out.time = time;
            out.image = convert ? d.convert() : ImageBuffer{};
            av_frame_unref(d.frame);
            if (convert && out.image.empty()) return frame_error("cannot convert a frame of '" + d.info.path + "' to RGBA");
            return frame_read();
        }
        if (code == AVERROR_EOF) return {};  // the end of the video
        if (code != AVERROR(EAGAIN)) return frame_error("cannot decode '" + d.info.path + "': " + av_error_text(code));
        if (d.draining) return {};  // the end of the video
        // The decoder wants input: the next packet of our stream, or the end.
        code = av_read_frame(d.format, d.packet);
        if (code < 0) {
            d.draining = true;
            avcodec_send_packet(d.codec, nullptr);
            continue;
        }
        if (d.packet->stream_index == d.stream) {
            code = avcodec_send_packet(d.codec, d.packet);
            // A damaged packet in the middle of a file: skip it, as players do, and go on.
            if (code < 0 && code != AVERROR(EAGAIN) && code != AVERROR_INVALIDDATA) {
                av_packet_unref(d.packet);
                return frame_error("cannot decode '" + d.info.path + "': " + av_error_text(code));
            }
        }
        av_packet_unref(d.packet);
    }
}

IoResult VideoDecoder::seek(double seconds) {
    Impl& d = *impl_;
    if (!d.codec) return IoResult::failure("no video is open");
    seconds = std::max(0.0, seconds);
    const int64_t target = (int64_t)((seconds + d.start) / d.time_base);
    const int code = av_seek_frame(d.format, d.stream, target, AVSEEK_FLAG_BACKWARD);
    if (code < 0) return IoResult::failure("cannot seek in '" + d.info.path + "': " + av_error_text(code));
    avcodec_flush_buffers(d.codec);
    d.draining = false;
    d.skip_before = seconds;
    return IoResult::success();
}

#else  // no libav*

struct VideoDecoder::Impl {
    VideoValue info;
};
VideoDecoder::VideoDecoder() : impl_(std::make_unique<Impl>()) {}
VideoDecoder::~VideoDecoder() = default;
IoResult VideoDecoder::open(const std::string&) { return IoResult::failure(kNoVideoSupport); }
IoResult VideoDecoder::open_camera(const std::string&) { return IoResult::failure(kNoVideoSupport); }
const VideoValue& VideoDecoder::info() const { return impl_->info; }
bool VideoDecoder::is_open() const { return false; }
FrameRead VideoDecoder::read(DecodedFrame&, bool) {
    FrameRead result;
    result.error = kNoVideoSupport;
    return result;
}
IoResult VideoDecoder::seek(double) { return IoResult::failure(kNoVideoSupport); }

#endif

}  // namespace imgr
