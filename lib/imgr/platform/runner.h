// The runner: one GLFW window with an OpenGL 3.3 core context, ImGui's GLFW
// and OpenGL3 backends, and a loop that sleeps while nothing happens.
// Every knob is a field of RunnerParams (in the spirit of Hello ImGui).
#pragma once
#include "imgr/platform/capture.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/fonts.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace imgr {

class Runner;

struct RunnerParams {
    std::string title = "imgr";              // window title
    int width = 1100, height = 760;          // window size in screen coordinates
    bool place = false;                      // true: put the window at x, y (a --watch reload keeps where it was)
    int x = 0, y = 0;                        // its top-left corner on the screen, when `place`
    bool headless = false;                   // hidden window rendering into an offscreen target
    int max_frames = 0;                      // exit after this many frames (0: until closed)
    std::string screenshot_path;             // save a PNG at the first idle frame (or after max_frames), then exit
    bool screenshot_when_idle = true;        // false: someone else (the script driver) decides when
    FontStyle font;                          // font file and size at content scale 1
    std::string glyph_text;                  // text whose characters must be displayable from the start
    std::function<void()> apply_style;       // sets ImGui's style at scale 1 (default: light theme)
    float clear_color[4] = {0.96f, 0.96f, 0.97f, 1.0f};
    double fixed_time_step = 0;              // > 0: every frame advances time by exactly this (recording)
    bool continuous = false;                 // redraw flat out (recording, benchmarks)
    double headless_frame_interval = 1.0 / 60;  // a hidden window draws no faster than vsync would let a
                                                // visible one; 0: as fast as frames render (--pace fast)

    std::function<void(Runner&)> before_frame;   // after platform input, before ImGui::NewFrame (inject input)
    std::function<void(Runner&)> draw;           // between ImGui::NewFrame and ImGui::Render
    std::function<void(Runner&)> after_render;   // after the frame is rendered, before it is shown (capture)
    std::function<bool()> wants_redraw;          // true while something animates or work is pending
    std::function<double()> seconds_until_wake;  // the longest the loop may sleep without input (timers, toasts)
    std::function<void(const std::vector<std::string>&)> on_drop;  // files dropped on the window
    std::function<void(Runner&)> before_close;   // the GL context is still current: free textures here
};

// Applies the command line to the parameters (size, headless, frames, screenshot, pace).
void apply_command_line(const CommandLine& command_line, RunnerParams& params);

class Runner {
public:
    explicit Runner(RunnerParams params);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Opens the window and runs until it is closed or an exit is requested.
    // Returns the exit code: 0, the requested one, or 1 when the window, the
    // GL context, a font or the screenshot could not be made (with one line on stderr).
    int run();

    void request_redraw();                 // thread-safe: wakes the loop for a frame
    void notify_input();                   // thread-safe: input came from elsewhere (a remote viewer); draws as after a key
    void request_exit(int exit_code);      // thread-safe: ends the loop after the current frame
    ImageBuffer capture() const;           // the frame just rendered, RGB8 (valid in after_render)
    bool cover_text(std::string_view text) { return fonts_.cover(text); }  // makes characters displayable
    const FontSet& fonts() const { return fonts_; }
    int frame_index() const { return frame_index_; }
    void framebuffer_size(int& width, int& height) const;
    void resize_window(int width, int height);  // UI thread: the next frames have that size (a viewer asked, --serve)
    // Where the window is and its size in screen coordinates (valid while it is open).
    void window_rect(int& x, int& y, int& width, int& height) const;
    float content_scale() const { return content_scale_; }

private:
    struct Window;
    IoResult open();
    void close();
    IoResult rebuild_fonts();
    void apply_scaled_style();
    IoResult draw_frame();
    bool ready_for_auto_screenshot() const;
    void pace_headless_frame();

    RunnerParams params_;
    std::unique_ptr<Window> window_;
    FontSet fonts_;
    float content_scale_ = 1.0f;
    bool scale_changed_ = false;
    int frame_index_ = 0;
    std::chrono::steady_clock::time_point headless_frame_due_{};
    std::atomic<int> exit_code_{-1};  // request_exit() may come from any thread
    std::atomic<unsigned> wake_requests_{0};
    std::atomic<unsigned> input_events_{0};
    friend struct RunnerCallbacks;
};

}  // namespace imgr
