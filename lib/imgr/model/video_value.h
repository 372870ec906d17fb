// VideoValue: the value of a Video component. A video is a file path plus
// what a person and a script ask about it (duration, frame rate, size), not
// decoded frames: a minute of 720p is 2.6 GB as RGBA, so frames are decoded
// on demand (VideoDecoder, the player's worker) and never all held at once.
// Handlers that make a video write frames through VideoEncoder (video_file.h)
// and return the file it wrote.
#pragma once
#include <string>

namespace imgr {

struct VideoValue {
    std::string path;        // the file; "" when no video
    double duration = 0;     // seconds (0 when unknown, e.g. a live stream)
    double fps = 0;          // frames a second (the stream's average rate)
    int width = 0, height = 0;
    long long frame_count = 0;  // as the container says, or estimated from duration * fps

    bool empty() const { return path.empty(); }
    bool operator==(const VideoValue&) const = default;
};

}  // namespace imgr
