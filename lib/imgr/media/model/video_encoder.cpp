// VideoEncoder on libavcodec + libavformat + libswscale (see video_file.h).
#include "imgr/media/model/video_file.h"
#include "imgr/media/model/libav_support.h"

#if IMGR_HAVE_LIBAV
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}
#include <cmath>
#endif

namespace imgr {

#if IMGR_HAVE_LIBAV

struct VideoEncoder::Impl {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    SwsContext* sws = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    int64_t next_pts = 0;
    bool header_written = false;
    std::string path, codec_name;

    ~Impl() { close(); }
    void close() {
        sws_freeContext(sws);
        sws = nullptr;
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
            format = nullptr;
        }
        header_written = false;
    }
    IoResult fail(const std::string& what, int code) {
        close();
        return IoResult::failure("cannot write the video '" + path + "': " + what +
                                 (code < 0 ? ": " + av_error_text(code) : std::string()));
    }
    // Sends a frame (or null: the end) and writes every packet the encoder has ready.
    IoResult send(AVFrame* input) {
        int code = avcodec_send_frame(codec, input);
        if (code < 0) return IoResult::failure("cannot encode a frame of '" + path + "': " + av_error_text(code));
        while ((code = avcodec_receive_packet(codec, packet)) == 0) {
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            code = av_interleaved_write_frame(format, packet);
            if (code < 0) return IoResult::failure("cannot write to '" + path + "': " + av_error_text(code));
        }
        if (code != AVERROR(EAGAIN) && code != AVERROR_EOF)
            return IoResult::failure("cannot encode '" + path + "': " + av_error_text(code));
        return IoResult::success();
    }
};

// H.264 through libx264 when Debian's FFmpeg has it (it does: --enable-libx264), else MPEG-4 part 2.
static const AVCodec* choose_encoder() {
    if (const AVCodec* x264 = avcodec_find_encoder_by_name("libx264")) return x264;
    return avcodec_find_encoder(AV_CODEC_ID_MPEG4);
}

VideoEncoder::VideoEncoder() : impl_(std::make_unique<Impl>()) {}
VideoEncoder::~VideoEncoder() {
    if (impl_->header_written) (void)finish();
}
const std::string& VideoEncoder::codec_name() const { return impl_->codec_name; }

IoResult VideoEncoder::open(const std::string& path, int width, int height, double fps) {
    Impl& e = *impl_;
    e.close();
    quiet_libav_logs();
    e.path = path;
    width &= ~1;
    height &= ~1;
    if (width < 2 || height < 2) return e.fail("frames must be at least 2x2 pixels", 0);
    if (!(fps > 0 && fps <= 1000)) return e.fail("the frame rate must be between 0 and 1000", 0);
    const AVCodec* encoder = choose_encoder();
    if (!encoder) return e.fail("this FFmpeg build has neither an H.264 nor an MPEG-4 encoder", 0);
    e.codec_name = encoder->name;
    int code = avformat_alloc_output_context2(&e.format, nullptr, nullptr, path.c_str());
    if (code < 0 || !e.format) {
        // An unknown extension: MP4, which any player plays.
        code = avformat_alloc_output_context2(&e.format, nullptr, "mp4", path.c_str());
        if (code < 0) return e.fail("no container for this file name", code);
    }
    e.stream = avformat_new_stream(e.format, nullptr);
    e.codec = avcodec_alloc_context3(encoder);
    if (!e.stream || !e.codec) return e.fail("out of memory", 0);
    const AVRational rate = av_d2q(fps, 100000);
    e.codec->width = width;
    e.codec->height = height;
    e.codec->time_base = av_inv_q(rate);
    e.codec->framerate = rate;
    e.codec->pix_fmt = AV_PIX_FMT_YUV420P;
    e.codec->gop_size = std::max(1, (int)std::lround(fps));  // a keyframe a second: seeking stays cheap
    e.codec->thread_count = codec_threads();
    if (e.codec_name == "libx264") {
        av_opt_set(e.codec->priv_data, "preset", "veryfast", 0);
        av_opt_set(e.codec->priv_data, "crf", "20", 0);
    } else {
        e.codec->bit_rate = (int64_t)width * height * 4;
    }
    if (e.format->oformat->flags & AVFMT_GLOBALHEADER) e.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((code = avcodec_open2(e.codec, encoder, nullptr)) < 0) return e.fail("cannot open the encoder", code);
    if ((code = avcodec_parameters_from_context(e.stream->codecpar, e.codec)) < 0)
        return e.fail("cannot set up the stream", code);
    e.stream->time_base = e.codec->time_base;
    e.stream->avg_frame_rate = rate;
    if (!(e.format->oformat->flags & AVFMT_NOFILE) && (code = avio_open(&e.format->pb, path.c_str(), AVIO_FLAG_WRITE)) < 0)
        return e.fail("cannot create the file", code);
    if ((code = avformat_write_header(e.format, nullptr)) < 0) return e.fail("cannot write the header", code);
    e.header_written = true;
    e.frame = av_frame_alloc();
    e.packet = av_packet_alloc();
    e.frame->format = AV_PIX_FMT_YUV420P;
    e.frame->width = width;
    e.frame->height = height;
    if ((code = av_frame_get_buffer(e.frame, 0)) < 0) return e.fail("out of memory for a frame", code);
    e.next_pts = 0;
    return IoResult::success();
}

IoResult VideoEncoder::write(const ImageBuffer& image) {
    Impl& e = *impl_;
    if (!e.header_written) return IoResult::failure("the video encoder is not open");
    if (image.empty()) return IoResult::failure("an empty frame cannot be encoded into '" + e.path + "'");
    const ImageBuffer rgba = image.to_rgba8();
    e.sws = sws_getCachedContext(e.sws, rgba.width(), rgba.height(), AV_PIX_FMT_RGBA, e.codec->width,
                                 e.codec->height, AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!e.sws) return IoResult::failure("cannot convert a frame for '" + e.path + "'");
    int code = av_frame_make_writable(e.frame);
    if (code < 0) return IoResult::failure("out of memory for a frame: " + av_error_text(code));
    const uint8_t* planes[4] = {rgba.u8(), nullptr, nullptr, nullptr};
    const int strides[4] = {rgba.width() * 4, 0, 0, 0};
    sws_scale(e.sws, planes, strides, 0, rgba.height(), e.frame->data, e.frame->linesize);
    e.frame->pts = e.next_pts++;
    return e.send(e.frame);
}

IoResult VideoEncoder::finish() {
    Impl& e = *impl_;
    if (!e.header_written) return IoResult::failure("the video encoder is not open");
    IoResult flushed = e.send(nullptr);
    const int code = av_write_trailer(e.format);
    e.header_written = false;
    e.close();
    if (!flushed) return flushed;
    if (code < 0) return IoResult::failure("cannot finish '" + e.path + "': " + av_error_text(code));
    return IoResult::success();
}

#else  // no libav*

struct VideoEncoder::Impl {
    std::string codec_name;
};
VideoEncoder::VideoEncoder() : impl_(std::make_unique<Impl>()) {}
VideoEncoder::~VideoEncoder() = default;
const std::string& VideoEncoder::codec_name() const { return impl_->codec_name; }
IoResult VideoEncoder::open(const std::string&, int, int, double) { return IoResult::failure(kNoVideoSupport); }
IoResult VideoEncoder::write(const ImageBuffer&) { return IoResult::failure(kNoVideoSupport); }
IoResult VideoEncoder::finish() { return IoResult::failure(kNoVideoSupport); }

#endif

}  // namespace imgr
