#include "imgr/driver/video_expectation.h"

#include <cmath>

namespace imgr {

std::optional<std::string> check_video(const VideoValue& video, const Json& expected) {
    const std::string got = describe(Value(video));
    if (expected.is_null()) return video.empty() ? std::nullopt : std::optional<std::string>("expected no video, got " + got);
    if (!expected.is_object())
        return "a video is expected as an object such as {\"duration\": 2, \"fps\": 25, \"width\": 320, \"height\": 240}, "
               "or null; got " + expected.dump();
    if (video.empty()) return "expected " + expected.dump() + ", got no video";
    const double half_frame = video.fps > 0 ? 0.5 / video.fps : 1e-3;
    for (const auto& [key, value] : expected.items()) {
        if (!value.is_number()) return "the video's \"" + key + "\" is a number, got " + value.dump();
        const double want = value.get<double>();
        double have = 0, tolerance = 0;
        if (key == "duration") {
            have = video.duration;
            tolerance = half_frame;
        } else if (key == "fps") {
            have = video.fps;
            tolerance = 1e-3;
        } else if (key == "width") {
            have = video.width;
        } else if (key == "height") {
            have = video.height;
        } else if (key == "frames") {
            have = (double)video.frame_count;
        } else {
            return "a video has no \"" + key + "\" to expect (duration, fps, width, height, frames)";
        }
        if (!(std::abs(have - want) <= tolerance))
            return "expected " + key + " " + format_number(want) + ", got " + format_number(have) + " (" + got + ")";
    }
    return std::nullopt;
}

}  // namespace imgr
