// Drawing a clip: the waveform (min/max per pixel column, cached by the
// caller), a selected range, the playhead, and a spectrogram image.
#pragma once
#include "imgr/media/model/audio_waveform.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace imgr::widgets {

struct WaveformStyle {
    ImU32 wave = IM_COL32(249, 115, 22, 255);        // the theme's accent (orange)
    ImU32 background = IM_COL32(0, 0, 0, 0);
    ImU32 axis = IM_COL32(128, 128, 128, 96);
    ImU32 selection = IM_COL32(59, 130, 246, 64);
    ImU32 playhead = IM_COL32(59, 130, 246, 255);
};

// One vertical line per column from low to high, mirrored about the middle; columns.size() should be
// the box's width in pixels (waveform_columns(clip, width)).
void draw_waveform(ImDrawList* draw, ImVec2 min, ImVec2 max, const std::vector<WaveformColumn>& columns,
                   const WaveformStyle& style);
// A shaded range and a playhead line; fractions 0..1 of the box's width (a negative selection start: none).
void draw_selection(ImDrawList* draw, ImVec2 min, ImVec2 max, float from, float to, const WaveformStyle& style);
void draw_playhead(ImDrawList* draw, ImVec2 min, ImVec2 max, float at, const WaveformStyle& style);

// "1:05.3" for 65.3 s; "0:00.0" for 0.
std::string format_clock(double seconds);

}  // namespace imgr::widgets
