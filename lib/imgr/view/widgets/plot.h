// A PlotValue drawn with ImDrawList: frame, grid, "nice" ticks with labels,
// axis labels, title, line and scatter series, a legend, and a tooltip with
// the point nearest the mouse. NaN and infinite points are skipped (a NaN
// breaks a line in two); a plot without a finite point shows "no data".
//
// Per frame the plot scans its data once (bounds, drawing, hover). Tick
// positions and their labels are formatted only when the bounds, the size or
// the font change; keep a PlotCache next to the value to make that hold.
#pragma once
#include "imgr/model/value.h"
#include "imgr/view/font_roles.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imgr::widgets {

// --- pure helpers (no ImGui context needed) ---------------------------------

// The step of nice_ticks: the smallest 1, 2 or 5 x 10^k giving at most
// max_ticks multiples inside [lo, hi]. 0 when there is none (lo or hi not
// finite, max_ticks < 1, lo == hi).
double nice_step(double lo, double hi, int max_ticks);

// The multiples of nice_step(lo, hi, max_ticks) inside [lo, hi] (bounds in
// either order), ascending; values within rounding of zero are exactly 0.
// lo == hi gives {lo}; non-finite bounds or max_ticks < 1 give {}.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);

// A tick label for `value` on an axis whose ticks are `step` apart: as many
// decimals as the step needs ("0.5", "0.0", "200"), exponent form for very
// large or small magnitudes ("1.5e+06"). Writes into `out`, returns its length.
int format_tick(double value, double step, char* out, int out_size);

struct PlotBounds {
    double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
    bool operator==(const PlotBounds&) const = default;
};
// The extent of every finite (x, y) pair; nullopt when there is none.
std::optional<PlotBounds> plot_data_bounds(const PlotValue& value);
// The range the axes show: 5% margin on each side; a zero-width range is
// widened around its value so a single point sits in the middle.
PlotBounds plot_view_bounds(const PlotBounds& data);

unsigned plot_palette_rgb(size_t index);                         // 0xRRGGBB, a 10-colour palette that repeats
unsigned plot_series_rgb(const PlotSeries& series, size_t index);  // series.color, else the palette's

// --- cache ------------------------------------------------------------------

// What a plot derives from its bounds, size and font: tick positions and
// formatted labels. Reused as long as those stay the same.
struct PlotAxisTicks {
    std::vector<double> values;
    std::vector<uint32_t> label_ends;  // labels are text[label_ends[i-1] .. label_ends[i])
    std::string text;
    float max_label_width = 0;
    double step = 0;
    std::string_view label(size_t i) const;
};

struct PlotCache {
    PlotAxisTicks x, y;
    // The key the ticks were computed for.
    PlotBounds view;
    ImVec2 size{0, 0};
    const ImFont* font = nullptr;
    float font_size = 0;
    bool valid = false;
    // Scratch for thinning dense scatter series; kept so it is allocated once.
    std::vector<uint8_t> occupied;
};

// --- drawing ----------------------------------------------------------------

struct PlotHover {
    int series = -1;   // -1: the mouse is not over the plot area or there is no point
    size_t index = 0;  // into series[series].x / .y
};

// Draws `value` as one item of `size` at the cursor (size.x <= 0: the
// available width; size.y <= 0: 0.6 x the width). `id` identifies the item
// for hovering. Fonts: the title uses fonts.bold, everything else fonts.regular
// (nulls: the current font). Pass a cache that lives as long as the value is
// shown to avoid reformatting ticks each frame; null uses a temporary one.
// Returns the point under the tooltip, if any.
PlotHover draw_plot(const char* id, const PlotValue& value, ImVec2 size, const FontRoles& fonts = {},
                    PlotCache* cache = nullptr);

}  // namespace imgr::widgets
