// ImVec2 arithmetic from imgui_internal.h; must precede the first ImGui include.
#define IMGUI_DEFINE_MATH_OPERATORS
#include "imgr/view/widgets/label_bars.h"

#include "imgr/view/widgets/color.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace imgr::widgets {

LabelSummary summarize_label(const LabelValue& value, int num_top_classes) {
    LabelSummary summary;
    std::vector<size_t> order(value.confidences.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const double ca = value.confidences[a].second, cb = value.confidences[b].second;
        if (std::isnan(ca) || std::isnan(cb)) return !std::isnan(ca) && std::isnan(cb);
        return ca > cb;
    });
    summary.top = !value.label.empty() ? value.label : (order.empty() ? std::string() : value.confidences[order[0]].first);
    const size_t limit = num_top_classes < 0 ? order.size() : std::min(order.size(), (size_t)num_top_classes);
    summary.bars.reserve(limit);
    for (size_t k = 0; k < limit; ++k) {
        const auto& [name, confidence] = value.confidences[order[k]];
        char percent[32];
        if (std::isnan(confidence))
            std::snprintf(percent, sizeof percent, "-");
        else
            std::snprintf(percent, sizeof percent, "%.0f%%", std::round(confidence * 100.0) + 0.0);  // + 0.0: no "-0%"
        summary.bars.push_back(LabelBar{name, confidence, percent});
    }
    return summary;
}

int draw_label_summary(const LabelSummary& summary, const FontRoles& fonts, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return -1;
    ImFont* font = fonts.regular ? fonts.regular : ImGui::GetFont();
    ImFont* top_font = fonts.heading ? fonts.heading : ImGui::GetFont();
    const float fs = font->FontSize;
    const float top_size = fonts.heading ? top_font->FontSize : top_font->FontSize * 1.6f;
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    width = std::max(width, fs * 4);

    const float pad = std::round(fs * 0.35f);
    const float bar_h = std::max(4.0f, std::round(fs * 0.4f));
    const float row_h = fs + pad * 0.5f + bar_h + pad;
    const float top_h = summary.top.empty() ? 0.0f : top_size + pad * 2;
    const ImVec2 origin = window->DC.CursorPos;
    const ImRect bb(origin, origin + ImVec2(width, top_h + row_h * (float)summary.bars.size()));
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, 0)) return -1;
    int clicked = -1;
    const bool click = ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered();

    ImDrawList* dl = window->DrawList;
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 fill_col = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    const ImU32 track_col = mix_u32(ImGui::GetColorU32(ImGuiCol_FrameBg), text_col, 0.08f);
    const float rounding = bar_h * 0.5f;

    if (!summary.top.empty()) {
        const char* text = summary.top.c_str();
        const float w = top_font->CalcTextSizeA(top_size, FLT_MAX, 0.0f, text).x;
        // Centred like Gradio's; a long class name starts at the left edge instead of being cut on both sides.
        const float x = w < width ? origin.x + (width - w) * 0.5f : origin.x;
        const ImVec4 clip(bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
        dl->AddText(top_font, top_size, ImVec2(x, origin.y + pad), text_col, text, nullptr, 0.0f, &clip);
    }

    float y = origin.y + top_h;
    for (const LabelBar& bar : summary.bars) {
        if (click && ImGui::IsMouseHoveringRect(ImVec2(origin.x, y), ImVec2(origin.x + width, y + row_h)))
            clicked = (int)(&bar - summary.bars.data());
        const char* percent_end = bar.percent.c_str() + bar.percent.size();
        const float percent_w = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, bar.percent.c_str(), percent_end).x;
        // The name yields to the percentage when space is short.
        const ImVec4 name_clip(origin.x, y, origin.x + width - percent_w - pad, y + fs);
        dl->AddText(font, fs, ImVec2(origin.x, y), text_col, bar.name.c_str(), bar.name.c_str() + bar.name.size(), 0.0f,
                    &name_clip);
        dl->AddText(font, fs, ImVec2(origin.x + width - percent_w, y), text_col, bar.percent.c_str(), percent_end);
        const float bar_y = y + fs + pad * 0.5f;
        dl->AddRectFilled(ImVec2(origin.x, bar_y), ImVec2(origin.x + width, bar_y + bar_h), track_col, rounding);
        const double fraction = std::isnan(bar.confidence) ? 0.0 : std::clamp(bar.confidence, 0.0, 1.0);
        if (fraction > 0)
            dl->AddRectFilled(ImVec2(origin.x, bar_y),
                              ImVec2(origin.x + std::max((float)(width * fraction), bar_h), bar_y + bar_h), fill_col,
                              rounding);
        y += row_h;
    }
    return clicked;
}

const LabelSummary& LabelBarsCache::get(const LabelValue& value, int num_top_classes) {
    if (!valid_ || limit_ != num_top_classes || !(source_ == value)) {
        source_ = value;
        limit_ = num_top_classes;
        summary_ = summarize_label(value, num_top_classes);
        valid_ = true;
    }
    return summary_;
}

}  // namespace imgr::widgets
