// ImVec2 arithmetic from imgui_internal.h; must precede the first ImGui include.
#define IMGUI_DEFINE_MATH_OPERATORS
#include "imgr/view/widgets/plot.h"

#include "imgr/view/widgets/color.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace imgr::widgets {
namespace {

// A nice step as mantissa x 10^exponent, so tick values can be computed as
// (k * mantissa) scaled by a power of ten: 3 * 0.1 gives 0.30000000000000004,
// 3 / 10 gives 0.3.
struct Step {
    int mantissa = 0;  // 1, 2 or 5; 0: no step
    int exponent = 0;
    double value() const { return exponent >= 0 ? mantissa * std::pow(10.0, exponent) : mantissa / std::pow(10.0, -exponent); }
    double tick(double k) const {
        return exponent >= 0 ? k * mantissa * std::pow(10.0, exponent) : k * mantissa / std::pow(10.0, -exponent);
    }
};

constexpr double kTickEpsilon = 1e-9;  // in units of the step: absorbs rounding at the range ends

Step find_step(double lo, double hi, int max_ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 1) return {};
    if (lo > hi) std::swap(lo, hi);
    const double span = hi - lo;
    if (!(span > 0) || !std::isfinite(span)) return {};
    const int base = (int)std::floor(std::log10(span / max_ticks));
    // Start a decade below the estimate: the count also depends on where the
    // multiples fall, so try steps in increasing order and keep the first fit.
    for (int exponent = base - 1; exponent <= base + 2; ++exponent) {
        for (int mantissa : {1, 2, 5}) {
            Step step{mantissa, exponent};
            const double s = step.value();
            if (!(s > 0) || !std::isfinite(s)) continue;
            const double count = std::floor(hi / s + kTickEpsilon) - std::ceil(lo / s - kTickEpsilon) + 1;
            if (count <= max_ticks) return step;
        }
    }
    return {1, base + 3};
}

ImFont* or_current(ImFont* font) { return font ? font : ImGui::GetFont(); }

void format_axis(PlotAxisTicks& axis, double lo, double hi, int max_ticks, ImFont* font, float font_size) {
    const Step step = find_step(lo, hi, max_ticks);
    axis.values.clear();
    axis.label_ends.clear();
    axis.text.clear();
    axis.max_label_width = 0;
    axis.step = step.value();
    if (step.mantissa == 0) return;
    const double s = axis.step;
    const double first = std::ceil(lo / s - kTickEpsilon), last = std::floor(hi / s + kTickEpsilon);
    for (double k = first; k <= last; ++k) {
        double v = step.tick(k);
        if (std::fabs(v) < s * kTickEpsilon) v = 0;
        axis.values.push_back(v);
        char buffer[48];
        const int n = format_tick(v, s, buffer, sizeof buffer);
        axis.text.append(buffer, (size_t)n);
        axis.label_ends.push_back((uint32_t)axis.text.size());
        axis.max_label_width =
            std::max(axis.max_label_width, font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, buffer, buffer + n).x);
    }
}

// The label drawn unrotated where it is surely inside the clip rectangle
// (ImGui skips glyphs outside it), then turned 90 degrees counter-clockwise
// about `center`, reading bottom to top.
void add_vertical_text(ImDrawList* dl, ImFont* font, float size, ImVec2 center, ImU32 col, const char* text,
                       const char* text_end) {
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text, text_end);
    const ImVec2 clip_center = (dl->GetClipRectMin() + dl->GetClipRectMax()) * 0.5f;
    const int first_vertex = dl->VtxBuffer.Size;
    dl->AddText(font, size, ImVec2(clip_center.x - extent.x * 0.5f, clip_center.y - extent.y * 0.5f), col, text,
                text_end);
    for (int i = first_vertex; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& p = dl->VtxBuffer[i].pos;
        const ImVec2 d = p - clip_center;
        p = ImVec2(center.x + d.y, center.y - d.x);
    }
}

}  // namespace

double nice_step(double lo, double hi, int max_ticks) {
    const Step step = find_step(lo, hi, max_ticks);
    return step.mantissa ? step.value() : 0.0;
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 1) return ticks;
    if (lo == hi) return {lo};
    if (lo > hi) std::swap(lo, hi);
    const Step step = find_step(lo, hi, max_ticks);
    if (step.mantissa == 0) return ticks;
    const double s = step.value();
    const double first = std::ceil(lo / s - kTickEpsilon), last = std::floor(hi / s + kTickEpsilon);
    for (double k = first; k <= last; ++k) {
        const double v = step.tick(k);
        ticks.push_back(std::fabs(v) < s * kTickEpsilon ? 0.0 : v);
    }
    return ticks;
}

int format_tick(double value, double step, char* out, int out_size) {
    if (out_size <= 0) return 0;
    int n;
    const double magnitude = std::max(std::fabs(value), std::fabs(step));
    if (!std::isfinite(value)) {
        n = std::snprintf(out, (size_t)out_size, "%g", value);
    } else if (value == 0 && (!(step > 0) || step >= 1e6 || step < 1e-4)) {
        n = std::snprintf(out, (size_t)out_size, "0");
    } else if (!(step > 0) || magnitude >= 1e6 || magnitude < 1e-4) {
        // Enough significant digits to tell neighbouring ticks apart.
        int digits = step > 0 ? (int)std::ceil(std::log10(magnitude / step) + kTickEpsilon) + 1 : 6;
        digits = std::clamp(digits, 1, 17);
        n = std::snprintf(out, (size_t)out_size, "%.*g", digits, value);
    } else {
        const int decimals = std::clamp(-(int)std::floor(std::log10(step) + kTickEpsilon), 0, 12);
        // Zero too gets the axis' decimals ("0.0" beside "0.5"); + 0.0 turns -0 into 0.
        n = std::snprintf(out, (size_t)out_size, "%.*f", decimals, value + 0.0);
    }
    return std::clamp(n, 0, out_size - 1);
}

std::optional<PlotBounds> plot_data_bounds(const PlotValue& value) {
    PlotBounds b{DBL_MAX, -DBL_MAX, DBL_MAX, -DBL_MAX};
    bool any = false;
    for (const PlotSeries& s : value.series) {
        const size_t n = std::min(s.x.size(), s.y.size());
        for (size_t i = 0; i < n; ++i) {
            const double x = s.x[i], y = s.y[i];
            if (!std::isfinite(x) || !std::isfinite(y)) continue;
            any = true;
            b.x_min = std::min(b.x_min, x);
            b.x_max = std::max(b.x_max, x);
            b.y_min = std::min(b.y_min, y);
            b.y_max = std::max(b.y_max, y);
        }
    }
    if (!any) return std::nullopt;
    return b;
}

PlotBounds plot_view_bounds(const PlotBounds& data) {
    auto widen = [](double& lo, double& hi) {
        const double span = hi - lo;
        if (span > 0 && std::isfinite(span)) {
            lo -= span * 0.05;
            hi += span * 0.05;
        } else {
            const double d = lo != 0 ? std::fabs(lo) * 0.1 : 1.0;
            lo -= d;
            hi += d;
        }
    };
    PlotBounds v = data;
    widen(v.x_min, v.x_max);
    widen(v.y_min, v.y_max);
    return v;
}

unsigned plot_palette_rgb(size_t index) {
    // matplotlib's tab10: distinct hues that read on light and dark backgrounds.
    static constexpr unsigned palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                           0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return palette[index % (sizeof palette / sizeof palette[0])];
}

unsigned plot_series_rgb(const PlotSeries& series, size_t index) {
    return series.color ? (*series.color & 0xFFFFFFu) : plot_palette_rgb(index);
}

std::string_view PlotAxisTicks::label(size_t i) const {
    const uint32_t begin = i == 0 ? 0 : label_ends[i - 1];
    return std::string_view(text).substr(begin, label_ends[i] - begin);
}

namespace {

// What every part of a plot is drawn with: the draw list, the font and its
// size, the colours, the margins, and the plot area with its scale.
struct PlotCanvas {
    ImDrawList* dl = nullptr;
    ImFont* font = nullptr;
    ImFont* title_font = nullptr;
    float fs = 0;
    ImU32 text_col = 0, frame_bg = 0, border_col = 0, dim_col = 0, grid_col = 0;
    // Margins around the plot area, all derived from the font size.
    float pad = 0, tick_len = 0, top = 0, bottom = 0, right = 0, y_label_w = 0;
    float line_thickness = 1, marker_radius = 2;
    ImRect bb;    // the whole item
    ImRect area;  // inside the axes
    PlotBounds view;
    double sx = 1, sy = 1;

    ImVec2 to_screen(double x, double y) const {
        return ImVec2((float)(area.Min.x + (x - view.x_min) * sx), (float)(area.Max.y - (y - view.y_min) * sy));
    }
};

PlotCanvas make_canvas(const PlotValue& value, const FontRoles& fonts, ImDrawList* dl, const ImRect& bb) {
    PlotCanvas c;
    c.dl = dl;
    c.bb = bb;
    c.font = or_current(fonts.regular);
    c.title_font = or_current(fonts.bold);
    c.fs = c.font->FontSize;
    c.text_col = ImGui::GetColorU32(ImGuiCol_Text);
    // The axes take the card's own background (like matplotlib's white axes);
    // ImGui's default ChildBg is transparent, then the window's is used.
    const ImVec4& child_bg = ImGui::GetStyle().Colors[ImGuiCol_ChildBg];
    c.frame_bg = ImGui::GetColorU32(child_bg.w >= 0.5f ? ImGuiCol_ChildBg : ImGuiCol_WindowBg, 1.0f);
    c.border_col = ImGui::GetColorU32(ImGuiCol_Border);
    c.dim_col = mix_u32(c.text_col, c.frame_bg, 0.3f);
    c.grid_col = mix_u32(c.frame_bg, c.text_col, 0.12f);
    c.pad = std::round(c.fs * 0.4f);
    c.tick_len = std::round(c.fs * 0.25f);
    const float title_h = value.title.empty() ? 0.0f : c.title_font->FontSize + c.pad;
    c.top = c.pad + title_h + c.fs * 0.5f;  // half a line: room for the top tick label
    c.bottom = c.pad + c.tick_len + c.fs + (value.x_label.empty() ? 0.0f : c.fs + c.pad);
    c.right = c.pad + c.fs;  // room for half of the last x label
    c.y_label_w = value.y_label.empty() ? 0.0f : c.fs + c.pad;
    c.line_thickness = std::max(1.0f, std::round(c.fs / 8.0f));
    c.marker_radius = std::max(2.0f, std::round(c.fs * 0.2f));
    return c;
}

void draw_title(const PlotCanvas& c, const std::string& title) {
    if (title.empty()) return;
    const ImVec2 ts = c.title_font->CalcTextSizeA(c.title_font->FontSize, FLT_MAX, 0.0f, title.c_str());
    c.dl->AddText(c.title_font, c.title_font->FontSize, ImVec2(c.bb.GetCenter().x - ts.x * 0.5f, c.bb.Min.y + c.pad),
                  c.text_col, title.c_str());
}

void draw_no_data(const PlotCanvas& c) {
    const ImRect area(c.bb.Min + ImVec2(c.pad, c.top), c.bb.Max - ImVec2(c.pad, c.pad));
    c.dl->AddRectFilled(area.Min, area.Max, c.frame_bg);
    c.dl->AddRect(area.Min, area.Max, c.border_col);
    const char* text = "no data";
    const ImVec2 ts = c.font->CalcTextSizeA(c.fs, FLT_MAX, 0.0f, text);
    c.dl->AddText(c.font, c.fs, area.GetCenter() - ts * 0.5f, c.dim_col, text);
}

// The ticks for the view, the size and the font; recomputed only when one changed.
void update_ticks(PlotCache& cache, const PlotCanvas& c, ImVec2 size) {
    if (cache.valid && cache.view == c.view && cache.size.x == size.x && cache.size.y == size.y &&
        cache.font == c.font && cache.font_size == c.fs)
        return;
    const float plot_h = size.y - c.top - c.bottom;
    format_axis(cache.y, c.view.y_min, c.view.y_max, std::clamp((int)(plot_h / (c.fs * 2.5f)), 2, 10), c.font, c.fs);
    const float plot_w = size.x - (c.pad + c.y_label_w + cache.y.max_label_width + c.tick_len + c.pad) - c.right;
    // Fewer x ticks until their labels fit side by side with a gap.
    for (int max_x = std::clamp((int)(plot_w / (c.fs * 4.0f)), 2, 10); max_x >= 2; --max_x) {
        format_axis(cache.x, c.view.x_min, c.view.x_max, max_x, c.font, c.fs);
        if ((cache.x.max_label_width + c.fs) * (float)cache.x.values.size() <= plot_w) break;
    }
    cache.view = c.view;
    cache.size = size;
    cache.font = c.font;
    cache.font_size = c.fs;
    cache.valid = true;
}

// Frame, grid, ticks with their labels, and the axis labels.
void draw_axes(const PlotCanvas& c, const PlotCache& cache, const PlotValue& value) {
    ImDrawList* dl = c.dl;
    const ImRect& area = c.area;
    dl->AddRectFilled(area.Min, area.Max, c.frame_bg);
    for (size_t i = 0; i < cache.x.values.size(); ++i) {
        const float x = std::round(c.to_screen(cache.x.values[i], 0).x) + 0.5f;
        dl->AddLine(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), c.grid_col);
        dl->AddLine(ImVec2(x, area.Max.y), ImVec2(x, area.Max.y + c.tick_len), c.border_col);
        const std::string_view label = cache.x.label(i);
        const float w = c.font->CalcTextSizeA(c.fs, FLT_MAX, 0.0f, label.data(), label.data() + label.size()).x;
        dl->AddText(c.font, c.fs, ImVec2(x - w * 0.5f, area.Max.y + c.tick_len + c.pad * 0.5f), c.dim_col,
                    label.data(), label.data() + label.size());
    }
    for (size_t i = 0; i < cache.y.values.size(); ++i) {
        const float y = std::round(c.to_screen(0, cache.y.values[i]).y) + 0.5f;
        dl->AddLine(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), c.grid_col);
        dl->AddLine(ImVec2(area.Min.x - c.tick_len, y), ImVec2(area.Min.x, y), c.border_col);
        const std::string_view label = cache.y.label(i);
        const float w = c.font->CalcTextSizeA(c.fs, FLT_MAX, 0.0f, label.data(), label.data() + label.size()).x;
        dl->AddText(c.font, c.fs, ImVec2(area.Min.x - c.tick_len - c.pad * 0.5f - w, y - c.fs * 0.5f), c.dim_col,
                    label.data(), label.data() + label.size());
    }
    dl->AddRect(area.Min, area.Max, c.border_col);
    if (!value.x_label.empty()) {
        const ImVec2 ts = c.font->CalcTextSizeA(c.fs, FLT_MAX, 0.0f, value.x_label.c_str());
        dl->AddText(c.font, c.fs, ImVec2(area.GetCenter().x - ts.x * 0.5f, c.bb.Max.y - c.pad - c.fs), c.text_col,
                    value.x_label.c_str());
    }
    if (!value.y_label.empty())
        add_vertical_text(dl, c.font, c.fs, ImVec2(c.bb.Min.x + c.pad + c.fs * 0.5f, area.GetCenter().y), c.text_col,
                          value.y_label.c_str(), nullptr);
}

// A line; a NaN or infinite point breaks it in two. Points that fall in the
// same pixel column are reduced to the first, lowest, highest and last: the
// same picture with a bounded number of vertices however long the series is.
void draw_line_series(const PlotCanvas& c, const PlotSeries& s, ImU32 col) {
    ImDrawList* dl = c.dl;
    const size_t n = std::min(s.x.size(), s.y.size());
    bool in_run = false;
    int run_column = 0, run_count = 0;
    ImVec2 first, last, low, high;
    size_t low_i = 0, high_i = 0;
    auto flush_run = [&] {
        if (!in_run) return;
        dl->PathLineToMergeDuplicate(first);
        if (run_count > 2) {
            dl->PathLineToMergeDuplicate(low_i < high_i ? low : high);
            dl->PathLineToMergeDuplicate(low_i < high_i ? high : low);
        }
        if (run_count > 1) dl->PathLineToMergeDuplicate(last);
        in_run = false;
    };
    auto end_segment = [&] {
        flush_run();
        if (dl->_Path.Size >= 2)
            dl->PathStroke(col, 0, c.line_thickness);
        else if (dl->_Path.Size == 1)  // an isolated point would be invisible as a line
            dl->AddCircleFilled(dl->_Path[0], c.line_thickness * 1.5f, col, 8);
        dl->PathClear();
    };
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) {
            end_segment();
            continue;
        }
        const ImVec2 p = c.to_screen(s.x[i], s.y[i]);
        const int column = (int)std::floor(p.x);
        if (in_run && column == run_column) {
            ++run_count;
            last = p;
            if (p.y < low.y) low = p, low_i = i;
            if (p.y > high.y) high = p, high_i = i;
        } else {
            flush_run();
            in_run = true;
            run_column = column;
            run_count = 1;
            first = last = low = high = p;
            low_i = high_i = i;
        }
    }
    end_segment();
}

// Markers; a dense series (over 1000 points) skips markers whose cell is already drawn.
void draw_scatter_series(const PlotCanvas& c, const PlotSeries& s, ImU32 col, std::vector<uint8_t>& occupied) {
    const size_t n = std::min(s.x.size(), s.y.size());
    const bool thin = n > 1000;
    const float cell = std::max(1.0f, c.marker_radius);
    const int grid_w = (int)(c.area.GetWidth() / cell) + 1, grid_h = (int)(c.area.GetHeight() / cell) + 1;
    if (thin) occupied.assign((size_t)grid_w * (size_t)grid_h, 0);
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
        const ImVec2 p = c.to_screen(s.x[i], s.y[i]);
        if (thin) {
            const int gx = std::clamp((int)((p.x - c.area.Min.x) / cell), 0, grid_w - 1);
            const int gy = std::clamp((int)((p.y - c.area.Min.y) / cell), 0, grid_h - 1);
            uint8_t& taken = occupied[(size_t)gy * (size_t)grid_w + (size_t)gx];
            if (taken) continue;
            taken = 1;
        }
        c.dl->AddCircleFilled(p, c.marker_radius, col, 8);
    }
}

// Every series, clipped to the plot area.
void draw_series(const PlotCanvas& c, const PlotValue& value, std::vector<uint8_t>& occupied) {
    c.dl->PushClipRect(c.area.Min, c.area.Max, true);
    for (size_t si = 0; si < value.series.size(); ++si) {
        const PlotSeries& s = value.series[si];
        const ImU32 col = rgb_to_u32(plot_series_rgb(s, si));
        if (s.style == PlotSeries::Style::Line)
            draw_line_series(c, s, col);
        else
            draw_scatter_series(c, s, col, occupied);
    }
    c.dl->PopClipRect();
}

// The named series, top right inside the plot area.
void draw_legend(const PlotCanvas& c, const PlotValue& value) {
    float legend_w = 0;
    int legend_rows = 0;
    for (const PlotSeries& s : value.series) {
        if (s.name.empty()) continue;
        legend_w = std::max(legend_w, c.font->CalcTextSizeA(c.fs, FLT_MAX, 0.0f, s.name.c_str()).x);
        ++legend_rows;
    }
    if (legend_rows == 0) return;
    ImDrawList* dl = c.dl;
    const float pad = c.pad, swatch = c.fs;
    const float row_h = c.fs + pad * 0.5f;
    const float rounding = ImGui::GetStyle().FrameRounding * 0.5f;
    const ImVec2 box_size(pad + swatch + pad + legend_w + pad, pad + row_h * (float)legend_rows);
    const ImVec2 box_min(c.area.Max.x - pad - box_size.x, c.area.Min.y + pad);
    dl->PushClipRect(c.area.Min, c.area.Max, true);
    dl->AddRectFilled(box_min, box_min + box_size, (c.frame_bg & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 220), rounding);
    dl->AddRect(box_min, box_min + box_size, c.border_col, rounding);
    float y = box_min.y + pad;
    for (size_t si = 0; si < value.series.size(); ++si) {
        const PlotSeries& s = value.series[si];
        if (s.name.empty()) continue;
        const ImU32 col = rgb_to_u32(plot_series_rgb(s, si));
        const float mid = y + c.fs * 0.5f;
        const float x0 = box_min.x + pad;
        if (s.style == PlotSeries::Style::Line)
            dl->AddLine(ImVec2(x0, mid), ImVec2(x0 + swatch, mid), col, c.line_thickness);
        else
            dl->AddCircleFilled(ImVec2(x0 + swatch * 0.5f, mid), c.marker_radius, col, 8);
        dl->AddText(c.font, c.fs, ImVec2(x0 + swatch + pad, y), c.text_col, s.name.c_str());
        y += row_h;
    }
    dl->PopClipRect();
}

// The point nearest the mouse, marked and described in a tooltip.
PlotHover draw_hover(const PlotCanvas& c, const PlotValue& value, ImVec2 mouse) {
    PlotHover hover;
    float best = FLT_MAX;
    for (size_t si = 0; si < value.series.size(); ++si) {
        const PlotSeries& s = value.series[si];
        const size_t n = std::min(s.x.size(), s.y.size());
        for (size_t i = 0; i < n; ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
            const ImVec2 d = c.to_screen(s.x[i], s.y[i]) - mouse;
            const float dist = d.x * d.x + d.y * d.y;
            if (dist < best) best = dist, hover.series = (int)si, hover.index = i;
        }
    }
    if (hover.series < 0) return hover;
    const PlotSeries& s = value.series[(size_t)hover.series];
    const ImU32 col = rgb_to_u32(plot_series_rgb(s, (size_t)hover.series));
    c.dl->AddCircle(c.to_screen(s.x[hover.index], s.y[hover.index]), c.marker_radius + 3.0f, col, 16, 2.0f);
    ImGui::BeginTooltip();
    if (!s.name.empty()) {
        ImGui::ColorButton("##series", ImGui::ColorConvertU32ToFloat4(col),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                           ImVec2(c.fs * 0.8f, c.fs * 0.8f));
        ImGui::SameLine();
        ImGui::TextUnformatted(s.name.c_str());
    }
    ImGui::Text("%s = %.6g", value.x_label.empty() ? "x" : value.x_label.c_str(), s.x[hover.index]);
    ImGui::Text("%s = %.6g", value.y_label.empty() ? "y" : value.y_label.c_str(), s.y[hover.index]);
    ImGui::EndTooltip();
    return hover;
}

}  // namespace

PlotHover draw_plot(const char* id, const PlotValue& value, ImVec2 size, const FontRoles& fonts, PlotCache* cache) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return {};
    const float fs = or_current(fonts.regular)->FontSize;
    if (size.x <= 0) size.x = std::max(ImGui::GetContentRegionAvail().x, fs * 8);
    if (size.y <= 0) size.y = size.x * 0.6f;

    const ImGuiID item_id = window->GetID(id);
    const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, item_id)) return {};
    const bool hovered = ImGui::ItemHoverable(bb, item_id);

    PlotCanvas c = make_canvas(value, fonts, window->DrawList, bb);
    draw_title(c, value.title);
    const std::optional<PlotBounds> data = plot_data_bounds(value);
    if (!data) {
        draw_no_data(c);
        return {};
    }
    c.view = plot_view_bounds(*data);

    PlotCache scratch;
    PlotCache& ticks = cache ? *cache : scratch;
    update_ticks(ticks, c, size);
    const float left = c.pad + c.y_label_w + ticks.y.max_label_width + c.tick_len + c.pad;
    c.area = ImRect(bb.Min + ImVec2(left, c.top), bb.Max - ImVec2(c.right, c.bottom));
    if (c.area.GetWidth() < 4 || c.area.GetHeight() < 4) return {};  // too small to show anything useful
    c.sx = c.area.GetWidth() / (c.view.x_max - c.view.x_min);
    c.sy = c.area.GetHeight() / (c.view.y_max - c.view.y_min);

    draw_axes(c, ticks, value);
    draw_series(c, value, ticks.occupied);
    draw_legend(c, value);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && c.area.Contains(mouse)) return draw_hover(c, value, mouse);
    return {};
}

}  // namespace imgr::widgets
