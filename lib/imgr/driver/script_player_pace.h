// What the script player's files share: its pace (how long a person's hand
// takes), its patience (how long it waits for the app), and small helpers.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "imgr/model/value.h"

namespace imgr::script_pace {

constexpr int kSettleFrames = 3;            // ImGui lays out auto-sized things a frame late
constexpr double kExpectIdleSeconds = 10.0; // an expect first lets running handlers finish
constexpr double kEndIdleSeconds = 10.0;    // so does the end of the script
constexpr double kWaitUntilSeconds = 10.0;  // wait until: then the script stops (exit 2)
constexpr int kPopupFrames = 30;            // frames a dropdown's list may take to appear
constexpr int kClickAttempts = 3;           // a click whose target moved is aimed again, scrolling first

// Human pace, in seconds (none at --pace fast).
constexpr double kHoverPause = 0.12, kHoldPause = 0.1, kAfterAction = 0.3, kTypeInterval = 0.05,
                 kLongestTyping = 3.0, kScrollSeconds = 0.4, kEndPause = 1.0;

inline float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
inline float smooth(double t) {
    const float x = (float)std::clamp(t, 0.0, 1.0);
    return x * x * (3 - 2 * x);  // eases in and out, as a hand moves
}
inline ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
inline std::string quoted(const std::string& s) { return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace imgr::script_pace
