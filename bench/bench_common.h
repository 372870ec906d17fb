// Shared by the benchmarks: a headless ImGui context, clocks, percentiles,
// and the one output format every benchmark prints (rows of bench/run.sh's table).
#pragma once
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// The q-quantile (0..1) of the samples, nearest rank; 0 for none.
inline double percentile(std::vector<double> samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const size_t rank = (size_t)std::clamp(q * (double)samples.size() + 0.5, 1.0, (double)samples.size());
    return samples[rank - 1];
}

inline double mean(const std::vector<double>& samples) {
    double sum = 0;
    for (double s : samples) sum += s;
    return samples.empty() ? 0 : sum / (double)samples.size();
}

// One row of the summary table: "| benchmark | case | figure | value |".
// run.sh collects the lines starting with "| " from every benchmark's stdout;
// anything else a benchmark wants to say goes to stderr.
inline void row(const std::string& benchmark, const std::string& what, const std::string& figure, const std::string& value) {
    std::printf("| %s | %s | %s | %s |\n", benchmark.c_str(), what.c_str(), figure.c_str(), value.c_str());
    std::fflush(stdout);
}

inline std::string fmt(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// An ImGui context with a built font atlas and a fixed display: what the view
// needs to draw without a window. The mouse starts outside the display so that
// nothing is hovered (hover changes what widgets draw).
class HeadlessContext {
public:
    explicit HeadlessContext(ImVec2 display = ImVec2(1280, 800)) {
        previous_ = ImGui::GetCurrentContext();
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);  // CreateContext keeps the previous one current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.KeyMap[ImGuiKey_Enter] = 13;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::SetCurrentContext(previous_);
    }
    ~HeadlessContext() { ImGui::DestroyContext(context_); }
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    void make_current() { ImGui::SetCurrentContext(context_); }

    // One frame around draw(): NewFrame, draw, Render (the CPU side of a frame; no GL).
    template <class F>
    void frame(F&& draw) {
        ImGui::SetCurrentContext(context_);
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }

private:
    ImGuiContext* context_ = nullptr;
    ImGuiContext* previous_ = nullptr;
};

}  // namespace bench
