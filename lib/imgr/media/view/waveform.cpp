#include "imgr/media/view/waveform.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace imgr::widgets {

void draw_waveform(ImDrawList* draw, ImVec2 min, ImVec2 max, const std::vector<WaveformColumn>& columns,
                   const WaveformStyle& style) {
    if ((style.background >> IM_COL32_A_SHIFT) != 0) draw->AddRectFilled(min, max, style.background);
    const float mid = (min.y + max.y) * 0.5f, half = (max.y - min.y) * 0.5f;
    draw->AddLine(ImVec2(min.x, mid), ImVec2(max.x, mid), style.axis);
    const float width = max.x - min.x;
    const size_t n = columns.size();
    if (n == 0) return;
    const float step = width / (float)n;
    for (size_t i = 0; i < n; ++i) {
        const float x = std::floor(min.x + ((float)i + 0.5f) * step) + 0.5f;
        const float high = std::clamp(columns[i].high, -1.0f, 1.0f), low = std::clamp(columns[i].low, -1.0f, 1.0f);
        // At least a pixel tall, so silence still reads as a line and a click as a tick.
        float top = mid - high * half, bottom = mid - low * half;
        if (bottom - top < 1.0f) bottom = top + 1.0f;
        draw->AddRectFilled(ImVec2(x - 0.5f, top), ImVec2(x + 0.5f, bottom), style.wave);
    }
}

void draw_selection(ImDrawList* draw, ImVec2 min, ImVec2 max, float from, float to, const WaveformStyle& style) {
    if (from < 0) return;
    if (to < from) std::swap(from, to);
    const float w = max.x - min.x;
    draw->AddRectFilled(ImVec2(min.x + from * w, min.y), ImVec2(min.x + to * w, max.y), style.selection);
}

void draw_playhead(ImDrawList* draw, ImVec2 min, ImVec2 max, float at, const WaveformStyle& style) {
    const float x = std::round(min.x + std::clamp(at, 0.0f, 1.0f) * (max.x - min.x));
    draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), style.playhead, 2.0f);
}

std::string format_clock(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    const long tenths = std::lround(seconds * 10);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld.%ld", tenths / 600, (tenths / 10) % 60, tenths % 10);
    return buffer;
}

}  // namespace imgr::widgets
