// Video, the media module's kind apart from its drawing and its files: a video
// file and its facts (model/video_value.h). Flagged as N.mp4; compared by what
// the video is (a flagged .mp4 is an encoding of it, never the same bytes).
#include "imgr/media/model/media_kinds.h"

#include "imgr/model/kinds/compare.h"

#include <cmath>

namespace imgr::media_kinds {

using namespace imgr::kinds;  // the comparison and expect messages every kind uses

namespace {

// `expect "label" {...}` (docs/scripts.md):
//   expect "Clip" {"duration": 2, "fps": 25, "width": 320, "height": 240, "frames": 50}
// Any subset of the keys; duration within half a frame (video times are frame
// times), fps within 0.001, width, height and frames exactly. null: no video.
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

// Size, rate, then length within a frame.
Comparison compare_videos(const Value& expected, const Value& actual, const CompareOptions&) {
    const VideoValue& x = std::get<VideoValue>(expected);
    const VideoValue& y = std::get<VideoValue>(actual);
    if (x.width != y.width || x.height != y.height)
        return {false, std::to_string(x.width) + "x" + std::to_string(x.height) + " -> " + std::to_string(y.width) + "x" +
                           std::to_string(y.height)};
    if (std::abs(x.fps - y.fps) > 1e-3) return {false, format_number(x.fps) + " fps -> " + format_number(y.fps) + " fps"};
    const double frame = x.fps > 0 ? 1.0 / x.fps : 0.05;
    if (std::abs(x.duration - y.duration) > frame)
        return {false, format_number(x.duration) + " s -> " + format_number(y.duration) + " s"};
    return {};
}

}  // namespace

KindTraits video() {
    return {.name = "Video",
            .default_value = [](const KindProps&) { return Value(VideoValue{}); },
            .flag_file_extension = ".mp4",
            .from_script = [](ComponentKind, const KindProps&, const Json&) {
                return ValueOrError(std::string("use upload for videos (and click \"label\" at T to seek)"));
            },
            .compare = compare_videos,
            .expect = [](const Value& actual, const Json& expected, const CompareOptions&) {
                return check_video(std::get<VideoValue>(actual), expected);
            }};
}

}  // namespace imgr::media_kinds
