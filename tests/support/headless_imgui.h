// A headless ImGui context for the view's tests: a built font atlas (a regular
// and a large face), a display size, the keys a backend maps, 1/60 s a frame.
// No window system, no GL. frame() draws inside one full-screen window (for
// widgets); bare_frame() leaves windows to the caller (for BlocksView).
#pragma once
#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic in the tests
#endif
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <vector>

namespace imgr::test {

class HeadlessImGui {
public:
    explicit HeadlessImGui(ImVec2 display = ImVec2(800, 600)) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        // The keys scripts and tests press, mapped as a backend would.
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyMap[ImGuiKey_Backspace] = 8;
        io.KeyMap[ImGuiKey_Enter] = 13;
        regular = io.Fonts->AddFontDefault();
        ImFontConfig large;
        large.SizePixels = 26.0f;
        heading = io.Fonts->AddFontDefault(&large);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        // Plain (untextured) lines and fills: every vertex that samples the
        // font texture elsewhere than its white pixel is then a glyph.
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(context_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame: `draw` runs inside a window covering the display.
    void frame(const std::function<void()>& draw) {
        bare_frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("widgets", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
            draw();
            ImGui::End();
        });
    }

    // One frame: `draw` makes its own windows (a BlocksView draws its one).
    void bare_frame(const std::function<void()>& draw) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }

    void mouse(ImVec2 pos, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        io.MouseDown[0] = down;
    }

    ImFont* regular = nullptr;
    ImFont* heading = nullptr;

private:
    ImGuiContext* context_ = nullptr;
};

// The vertices `draw` adds to the current window's draw list.
inline std::vector<ImDrawVert> vertices_added(const std::function<void()>& draw) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int first = dl->VtxBuffer.Size;
    draw();
    return std::vector<ImDrawVert>(dl->VtxBuffer.Data + first, dl->VtxBuffer.Data + dl->VtxBuffer.Size);
}

inline bool is_glyph(const ImDrawVert& v) {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    return v.uv.x != white.x || v.uv.y != white.y;
}

}  // namespace imgr::test
