#include "imgr/view/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>

namespace imgr {
namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

// Spacing shared by both themes: rounded cards, room to breathe.
void apply_metrics(ImGuiStyle& style) {
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.CellPadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.IndentSpacing = 20;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;
    const float s = spacing_scale();
    for (ImVec2* v : {&style.WindowPadding, &style.FramePadding, &style.CellPadding, &style.ItemSpacing, &style.ItemInnerSpacing})
        *v = ImVec2(v->x * s, v->y * s);
    style.IndentSpacing *= s;
}

}  // namespace

float spacing_scale() {
    static const float scale = [] {
        const char* text = std::getenv("IMGR_SPACING");
        const float value = text ? std::strtof(text, nullptr) : 1.0f;
        return value > 0 ? std::clamp(value, 0.5f, 4.0f) : 1.0f;
    }();
    return scale;
}

void apply_light_theme() {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    apply_metrics(style);
    ImVec4* c = style.Colors;
    const ImVec4 accent = rgb(0xF97316);        // Gradio's orange
    c[ImGuiCol_Text] = rgb(0x1F2937);
    c[ImGuiCol_TextDisabled] = rgb(0x9CA3AF);
    c[ImGuiCol_WindowBg] = rgb(0xF6F6F8);
    c[ImGuiCol_ChildBg] = rgb(0xFFFFFF);
    c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Border] = rgb(0xE5E7EB);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = rgb(0xFFF7ED);
    c[ImGuiCol_FrameBgActive] = rgb(0xFFEDD5);
    c[ImGuiCol_TitleBg] = rgb(0xF3F4F6);
    c[ImGuiCol_TitleBgActive] = rgb(0xE5E7EB);
    c[ImGuiCol_MenuBarBg] = rgb(0xF3F4F6);
    c[ImGuiCol_ScrollbarBg] = rgb(0xF6F6F8);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xD1D5DB);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x9CA3AF);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x6B7280);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(0xEA580C);
    c[ImGuiCol_Button] = rgb(0xF3F4F6);
    c[ImGuiCol_ButtonHovered] = rgb(0xE5E7EB);
    c[ImGuiCol_ButtonActive] = rgb(0xD1D5DB);
    // Accordion headers and selected list items: neutral, like buttons (a
    // peach fill read as a warning bar); the accent stays for values.
    c[ImGuiCol_Header] = rgb(0xEAEBEF);
    c[ImGuiCol_HeaderHovered] = rgb(0xE0E2E7);
    c[ImGuiCol_HeaderActive] = rgb(0xD1D5DB);
    c[ImGuiCol_Separator] = rgb(0xE5E7EB);
    c[ImGuiCol_Tab] = rgb(0xF3F4F6);
    c[ImGuiCol_TabHovered] = rgb(0xFED7AA);
    c[ImGuiCol_TabActive] = rgb(0xFFFFFF);
    c[ImGuiCol_TabUnfocused] = rgb(0xF3F4F6);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xFFFFFF);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_PlotLines] = accent;
    c[ImGuiCol_TableHeaderBg] = rgb(0xF3F4F6);
    c[ImGuiCol_TableBorderStrong] = rgb(0xE5E7EB);
    c[ImGuiCol_TableBorderLight] = rgb(0xF3F4F6);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xF9FAFB);
    c[ImGuiCol_TextSelectedBg] = rgb(0xFDBA74, 0.5f);
    c[ImGuiCol_NavHighlight] = accent;
}

void apply_dark_theme() {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    apply_metrics(style);
    style.Colors[ImGuiCol_ChildBg] = rgb(0x1C1C22);
    style.Colors[ImGuiCol_WindowBg] = rgb(0x111115);
    // Neutral headers, a step lighter than the card, as in the light theme.
    style.Colors[ImGuiCol_Header] = rgb(0x2A2A32);
    style.Colors[ImGuiCol_HeaderHovered] = rgb(0x34343E);
    style.Colors[ImGuiCol_HeaderActive] = rgb(0x40404C);
}

void apply_theme(Theme theme) {
    if (theme == Theme::Dark)
        apply_dark_theme();
    else
        apply_light_theme();
}

}  // namespace imgr
