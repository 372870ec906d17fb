#include "imgr/view/widgets/color.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace imgr::widgets {
namespace {
float unit(float v) { return std::isnan(v) ? 0.0f : std::clamp(v, 0.0f, 1.0f); }
}  // namespace

ImU32 rgb_to_u32(unsigned rgb, float alpha) {
    const unsigned a = (unsigned)std::lround(unit(alpha) * 255.0f);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, a);
}

ImVec4 to_imvec4(const Color& color) { return ImVec4(unit(color.r), unit(color.g), unit(color.b), unit(color.a)); }

Color from_imvec4(const ImVec4& color) { return Color{color.x, color.y, color.z, color.w}; }

ImU32 mix_u32(ImU32 a, ImU32 b, float t) {
    ImU32 out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const float ca = (float)((a >> shift) & 0xFF), cb = (float)((b >> shift) & 0xFF);
        out |= (ImU32)std::lround(std::clamp(ca + (cb - ca) * t, 0.0f, 255.0f)) << shift;
    }
    return out;
}

bool background_is_dark() {
    const ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;  // relative luminance
}

bool color_swatch(const char* id, const Color& color, float size, bool show_hex) {
    if (size <= 0.0f) size = ImGui::GetFrameHeight();
    // AlphaPreviewHalf shows the opaque and the translucent colour side by side.
    const bool clicked = ImGui::ColorButton(id, to_imvec4(color),
                                            ImGuiColorEditFlags_AlphaPreviewHalf | ImGuiColorEditFlags_NoTooltip,
                                            ImVec2(size, size));
    if (show_hex) {
        // A stack buffer: the text is cheap to rebuild and never allocates.
        auto byte = [](float v) { return (int)std::lround(unit(v) * 255.0f); };
        char hex[12];
        if (byte(color.a) == 255)
            std::snprintf(hex, sizeof hex, "#%02x%02x%02x", byte(color.r), byte(color.g), byte(color.b));
        else
            std::snprintf(hex, sizeof hex, "#%02x%02x%02x%02x", byte(color.r), byte(color.g), byte(color.b),
                          byte(color.a));
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(hex);
    }
    return clicked;
}

}  // namespace imgr::widgets
