// `expect "label" {...}` for a Video: the JSON form a script checks (docs/scripts.md).
//   expect "Clip" {"duration": 2, "fps": 25, "width": 320, "height": 240, "frames": 50}
// Any subset of the keys; duration within half a frame (video times are frame
// times), fps within 0.001, width, height and frames exactly. null: no video.
#pragma once
#include "imgr/model/value.h"

#include <optional>
#include <string>

namespace imgr {

std::optional<std::string> check_video(const VideoValue& video, const Json& expected);  // nullopt: it holds

}  // namespace imgr
