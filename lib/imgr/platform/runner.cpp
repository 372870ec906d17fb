#include "imgr/platform/runner.h"

#include "imgr/model/image_io.h"
#include "imgr/platform/offscreen_target.h"
#include "imgr/platform/private_display.h"
#include "imgr/view/theme.h"

// glad before GLFW: GLFW must not pull in the system's GL header.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace imgr {

namespace {
std::string g_last_glfw_error;  // GLFW reports errors through a C callback
void on_glfw_error(int code, const char* description) {
    g_last_glfw_error = description ? description : ("GLFW error " + std::to_string(code));
}
}  // namespace

// The GLFW callbacks only count input: a counted event means "draw a few
// frames", while a wake-up with no input (the caret's blink timeout) draws one.
struct RunnerCallbacks {
    static Runner* of(GLFWwindow* window) { return static_cast<Runner*>(glfwGetWindowUserPointer(window)); }
    static void count(GLFWwindow* window) { of(window)->input_events_.fetch_add(1, std::memory_order_relaxed); }
    static void install(GLFWwindow* window) {
        glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { count(w); });
        glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { count(w); });
        glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { count(w); });
        glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { count(w); });
        glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { count(w); });
        glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { count(w); });
        glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { count(w); });
        glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { count(w); });
        glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { count(w); });
        glfwSetDropCallback(window, [](GLFWwindow* w, int path_count, const char** paths) {
            Runner* runner = of(w);
            if (runner->params_.on_drop) runner->params_.on_drop(std::vector<std::string>(paths, paths + path_count));
            count(w);
        });
        glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float x, float) {
            Runner* runner = of(w);
            runner->content_scale_ = x > 0 ? x : 1.0f;
            runner->scale_changed_ = true;
            count(w);
        });
    }
};

struct Runner::Window {
    GLFWwindow* handle = nullptr;
    bool glfw_initialised = false;
    bool imgui_context = false, glfw_backend = false, gl_backend = false;
    OffscreenTarget offscreen;
    PrivateDisplay display;   // Xvfb of our own: a hidden window on a machine without a display
    GLuint font_texture = 0;  // ours, not the backend's: see upload_font_texture
};

namespace {
// The font atlas as one 8-bit channel: a quarter of the RGBA32 texture ImGui's
// OpenGL3 backend uploads (whose colour channels are all white anyway). The
// swizzle makes the shader sample (1, 1, 1, coverage), as it did from RGBA32.
GLuint upload_font_texture(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    GLint last_texture = 0, last_alignment = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &last_alignment);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint white_with_coverage[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_with_coverage);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, last_alignment);
    glBindTexture(GL_TEXTURE_2D, (GLuint)last_texture);
    atlas.SetTexID((ImTextureID)(intptr_t)texture);
    atlas.ClearTexData();  // the GPU has it; glyph positions stay in the atlas
    return texture;
}
}  // namespace

void apply_command_line(const CommandLine& command_line, RunnerParams& params) {
    if (command_line.width > 0) {
        params.width = command_line.width;
        params.height = command_line.height;
    }
    if (command_line.headless || command_line.serve) params.headless = true;  // viewers see the offscreen frames
    if (command_line.frames > 0) params.max_frames = command_line.frames;
    if (!command_line.screenshot.empty()) params.screenshot_path = command_line.screenshot;
    if (command_line.pace_fast) params.headless_frame_interval = 0;  // tests: as fast as before, still bounded
}

Runner::Runner(RunnerParams params) : params_(std::move(params)), window_(std::make_unique<Window>()) {
    fonts_.cover(params_.title);
    fonts_.cover(params_.glyph_text);
}

Runner::~Runner() { close(); }

IoResult Runner::open() {
    if (params_.headless && PrivateDisplay::needed()) {
        if (IoResult started = window_->display.start(params_.width, params_.height); !started) return started;
    }
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        const char* display = std::getenv("DISPLAY");
        return IoResult::failure((display && *display) ? "cannot open a window on display '" + std::string(display) +
                                                             "': " + g_last_glfw_error
                                                       : "cannot open a window: no X display (DISPLAY is not set); "
                                                         "run under xvfb-run -a, or on a desktop");
    }
    window_->glfw_initialised = true;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // Shown only once placed, so a window put back where it was does not flash elsewhere first.
    glfwWindowHint(GLFW_VISIBLE, params_.headless || params_.place ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_->handle = glfwCreateWindow(params_.width, params_.height, params_.title.c_str(), nullptr, nullptr);
    if (!window_->handle) return IoResult::failure("cannot create an OpenGL 3.3 core context: " + g_last_glfw_error);
    GLFWwindow* window = window_->handle;
    if (params_.place) {
        glfwSetWindowPos(window, params_.x, params_.y);
        if (!params_.headless) glfwShowWindow(window);
    }
    glfwSetWindowUserPointer(window, this);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(params_.continuous ? 0 : 1);
    if (!gladLoadGL(glfwGetProcAddress)) return IoResult::failure("cannot load OpenGL 3.3 functions");
    float scale_y = 1.0f;
    glfwGetWindowContentScale(window, &content_scale_, &scale_y);
    if (content_scale_ <= 0) content_scale_ = 1.0f;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    window_->imgui_context = true;
    ImGui::GetIO().IniFilename = nullptr;  // a demo's layout comes from its code, not a stale file
    // Our counting callbacks first: ImGui's backend chains to them.
    RunnerCallbacks::install(window);
    window_->glfw_backend = ImGui_ImplGlfw_InitForOpenGL(window, true);
    window_->gl_backend = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!window_->glfw_backend || !window_->gl_backend)
        return IoResult::failure("cannot initialise ImGui's GLFW/OpenGL3 backends");
    // The backend makes its shaders and its own RGBA32 font texture at the first
    // NewFrame unless they exist; made now, from ImGui's small default font, the
    // texture is dropped for ours (otherwise our atlas would be converted to
    // RGBA32 and uploaded a second time, and the first texture leaked).
    if (!ImGui_ImplOpenGL3_CreateDeviceObjects()) return IoResult::failure("cannot create ImGui's OpenGL objects");
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    return rebuild_fonts();
}

void Runner::close() {
    if (window_->handle && window_->imgui_context && params_.before_close) {
        glfwMakeContextCurrent(window_->handle);
        params_.before_close(*this);
    }
    if (window_->font_texture) {
        glfwMakeContextCurrent(window_->handle);
        glDeleteTextures(1, &window_->font_texture);
        window_->font_texture = 0;
    }
    if (window_->gl_backend) ImGui_ImplOpenGL3_Shutdown();
    if (window_->glfw_backend) ImGui_ImplGlfw_Shutdown();
    window_->gl_backend = window_->glfw_backend = false;
    if (window_->imgui_context) ImGui::DestroyContext();
    window_->imgui_context = false;
    if (window_->handle) {
        glfwMakeContextCurrent(window_->handle);
        window_->offscreen.release();  // GL objects die with their context
        glfwDestroyWindow(window_->handle);
    }
    window_->handle = nullptr;
    if (window_->glfw_initialised) glfwTerminate();
    window_->glfw_initialised = false;
    window_->display.stop();
}

void Runner::apply_scaled_style() {
    if (params_.apply_style)
        params_.apply_style();
    else
        apply_light_theme();
    ImGui::GetStyle().ScaleAllSizes(content_scale_);
}

IoResult Runner::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    if (IoResult loaded = fonts_.load(*io.Fonts, params_.font, content_scale_); !loaded) return loaded;
    io.FontDefault = fonts_.regular();
    if (window_->font_texture) glDeleteTextures(1, &window_->font_texture);
    window_->font_texture = upload_font_texture(*io.Fonts);
    if (!window_->font_texture) return IoResult::failure("cannot upload the font texture");
    apply_scaled_style();
    scale_changed_ = false;
    return IoResult::success();
}

void Runner::framebuffer_size(int& width, int& height) const {
    glfwGetFramebufferSize(window_->handle, &width, &height);
}

void Runner::resize_window(int width, int height) {
    glfwSetWindowSize(window_->handle, width, height);
    request_redraw();
}

IoResult Runner::draw_frame() {
    if (fonts_.needs_rebuild() || scale_changed_) {
        if (IoResult rebuilt = rebuild_fonts(); !rebuilt) return rebuilt;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (params_.fixed_time_step > 0) io.DeltaTime = (float)params_.fixed_time_step;
    if (params_.before_frame) params_.before_frame(*this);
    ImGui::NewFrame();
    if (params_.draw) params_.draw(*this);
    ImGui::Render();

    int width = 0, height = 0;
    framebuffer_size(width, height);
    if (params_.headless) {
        if (!window_->offscreen.bind(width, height))
            return IoResult::failure("cannot create an offscreen framebuffer of " + std::to_string(width) + "x" +
                                     std::to_string(height));
    } else {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }
    glViewport(0, 0, width, height);
    const float* c = params_.clear_color;
    glClearColor(c[0], c[1], c[2], c[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frame_index_;

    if (params_.after_render) params_.after_render(*this);
    const bool frames_done = params_.max_frames > 0 && frame_index_ >= params_.max_frames;
    if (!params_.screenshot_path.empty() &&
        (frames_done || (params_.max_frames == 0 && params_.screenshot_when_idle && ready_for_auto_screenshot()))) {
        if (IoResult saved = save_png(params_.screenshot_path, capture(), Durability::NoFsync); !saved) return saved;
        std::fprintf(stderr, "imgr: screenshot saved to %s\n", params_.screenshot_path.c_str());
        if (exit_code_ < 0) exit_code_ = 0;
    }
    if (frames_done && exit_code_ < 0) exit_code_ = 0;
    if (params_.headless) {
        window_->offscreen.end_frame();
        pace_headless_frame();
    } else {
        glfwSwapBuffers(window_->handle);
    }
    return IoResult::success();
}

// What a visible window's swap interval does: frames no closer than one
// interval apart. Continuous frames (recording, benchmarks) swap without vsync,
// so they are not paced either; end_frame() bounds their queue.
void Runner::pace_headless_frame() {
    if (params_.continuous || params_.headless_frame_interval <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now < headless_frame_due_) std::this_thread::sleep_until(headless_frame_due_);
    headless_frame_due_ = std::max(now, headless_frame_due_) +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(params_.headless_frame_interval));
}

// ImGui needs a few frames to lay out auto-sized windows, and the app may
// still be computing; a screenshot waits for both, but not for ever.
bool Runner::ready_for_auto_screenshot() const {
    constexpr int kSettleFrames = 3, kGiveUpFrames = 600;
    if (frame_index_ < kSettleFrames) return false;
    if (frame_index_ >= kGiveUpFrames) return true;
    return !(params_.wants_redraw && params_.wants_redraw());
}

void Runner::window_rect(int& x, int& y, int& width, int& height) const {
    glfwGetWindowPos(window_->handle, &x, &y);
    glfwGetWindowSize(window_->handle, &width, &height);
}

ImageBuffer Runner::capture() const {
    int width = 0, height = 0;
    framebuffer_size(width, height);
    return read_framebuffer(width, height);
}

void Runner::request_redraw() {
    wake_requests_.fetch_add(1, std::memory_order_release);
    glfwPostEmptyEvent();
}

void Runner::notify_input() {
    input_events_.fetch_add(1, std::memory_order_relaxed);
    glfwPostEmptyEvent();
}

void Runner::request_exit(int exit_code) { exit_code_ = exit_code; }

int Runner::run() {
    if (IoResult opened = open(); !opened) {
        std::fprintf(stderr, "imgr: %s\n", opened.error.c_str());
        close();
        return 1;
    }
    // Frames still to draw after something happened: ImGui settles hover
    // and layout one frame after the input that caused them. A wake-up with
    // no input (a result, a timer tick) changes no hover state, but what the
    // first frame measures (auto-fit table columns, equal-height rows) is
    // applied by the next: two frames.
    constexpr int kFramesAfterInput = 3, kFramesAfterWake = 2;
    constexpr double kCaretBlinkSeconds = 0.5, kLongestSleepSeconds = 30.0;
    int frames_to_draw = kFramesAfterInput;
    unsigned seen_input = 0, seen_wakes = 0;
    while (exit_code_ < 0 && !glfwWindowShouldClose(window_->handle)) {
        const bool busy = params_.continuous || params_.max_frames > 0 || !params_.screenshot_path.empty() ||
                          (params_.wants_redraw && params_.wants_redraw());
        if (busy || frames_to_draw > 0) {
            glfwPollEvents();
        } else {
            double timeout = ImGui::GetIO().WantTextInput ? kCaretBlinkSeconds : kLongestSleepSeconds;
            if (params_.seconds_until_wake) timeout = std::min(timeout, std::max(0.001, params_.seconds_until_wake()));
            glfwWaitEventsTimeout(timeout);
        }
        const unsigned input = input_events_.load(std::memory_order_relaxed);
        const unsigned wakes = wake_requests_.load(std::memory_order_acquire);
        if (input != seen_input) frames_to_draw = kFramesAfterInput;
        if (wakes != seen_wakes) frames_to_draw = std::max(frames_to_draw, kFramesAfterWake);
        seen_input = input;
        seen_wakes = wakes;
        if (IoResult drawn = draw_frame(); !drawn) {
            std::fprintf(stderr, "imgr: %s\n", drawn.error.c_str());
            close();
            return 1;
        }
        if (frames_to_draw > 0) --frames_to_draw;
    }
    close();
    return exit_code_ < 0 ? 0 : exit_code_.load();
}

}  // namespace imgr
