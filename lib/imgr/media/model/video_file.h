// Video files and cameras through FFmpeg's libraries (libavformat, libavcodec,
// libswscale, libavdevice), in-process: no `ffmpeg` program is started.
//
//   VideoDecoder   opens anything libavformat can (or a V4L2 camera), reads
//                  frames as RGBA8 ImageBuffers (converted by swscale on the
//                  calling thread: the player's worker), seeks to a time.
//   VideoEncoder   writes RGBA/RGB frames to an .mp4 (H.264 through libx264
//                  when Debian's build has it, else MPEG-4 part 2).
//   probe_video_file  the metadata only (duration, fps, size): opening a
//                  2-hour file decodes nothing up front.
//
// Without libav* (IMGR_HAVE_LIBAV unset) every function fails with
// kNoVideoSupport, so the rest of imgr builds and runs without it.
// Bad files (truncated, corrupt, no video stream, hostile sizes) give an
// IoResult error naming the file and the reason; nothing throws or aborts.
#pragma once
#include "imgr/model/file_write.h"
#include "imgr/model/image.h"
#include "imgr/model/io_result.h"
#include "imgr/model/video_value.h"

#include <memory>
#include <string>
#include <vector>

namespace imgr {

inline constexpr const char* kNoVideoSupport =
    "video needs libav* (FFmpeg's libraries); this build of imgr was made without them";

bool video_supported();  // false when built without libav*

// Frames larger than this are refused, like images over ImageLimits (a 16384x16384 frame is 1 GiB as RGBA).
inline constexpr long long kMaxVideoFramePixels = 8192LL * 8192LL;

struct VideoProbe : IoResult {
    VideoValue video;
};
VideoProbe probe_video_file(const std::string& path);

struct DecodedFrame {
    ImageBuffer image;  // RGBA8
    double time = 0;    // presentation time, seconds from the start
};

// What VideoDecoder::read() did: a frame, the end of the video (no frame, no error), or an error.
struct [[nodiscard]] FrameRead : IoResult {
    bool got_frame = false;
};

class VideoDecoder {
public:
    VideoDecoder();
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    IoResult open(const std::string& path);
    // A camera through libavdevice's v4l2 input ("/dev/video0").
    IoResult open_camera(const std::string& device);
    const VideoValue& info() const;   // valid after open()
    bool is_open() const;

    // The next frame. `convert` false skips the RGBA conversion (a frame to drop).
    // Returns false at the end (error empty) or on a decoding error (error set).
    FrameRead read(DecodedFrame& frame, bool convert = true);
    // Positions so that the next read() returns the first frame at or after `seconds`
    // (from the keyframe before it, decoding forward: exact to the frame).
    IoResult seek(double seconds);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class VideoEncoder {
public:
    VideoEncoder();
    ~VideoEncoder();  // finishes the file when finish() was not called
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Width and height are rounded down to even numbers (4:2:0 needs them).
    IoResult open(const std::string& path, int width, int height, double fps);
    IoResult write(const ImageBuffer& frame);  // any channels; scaled when its size differs
    IoResult finish();                         // flushes and writes the trailer
    const std::string& codec_name() const;     // "libx264" or "mpeg4"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Encodes frames into a new file and returns its value (metadata probed back).
struct VideoWriteResult : IoResult {
    VideoValue video;
};
VideoWriteResult write_video_file(const std::string& path, const std::vector<ImageBuffer>& frames, double fps);

// A fresh path for a handler's output video (in the system's temporary folder, one folder per process).
std::string temporary_video_path(const std::string& extension = ".mp4");

// The V4L2 devices present (/dev/video*), sorted; empty on a machine without a camera.
std::vector<std::string> list_video_devices();

// Saves a video as an .mp4 at `path` (flagging): an .mp4 source is copied as it
// is; anything else is decoded and encoded again. Atomic like every imgr write
// (a temporary file renamed over `path`); fsync'ed with Durability::Fsync.
IoResult save_video_mp4(const VideoValue& video, const std::string& path, Durability durability);
}  // namespace imgr
