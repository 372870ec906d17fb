// launch_app: the command line, the window, the view and the engine joined
// up, with the demo-script player and the recorder when asked for.
#include "imgr/driver/launch.h"

#include "imgr/engine/app/blocks_access.h"

#include <imgui.h>

#include <atomic>
#include <cfloat>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <variant>

#include "imgr/driver/recorder.h"
#include "imgr/driver/remote_view.h"
#include "imgr/platform/app_source_dir.h"
#include "imgr/driver/replay_command.h"
#include "imgr/driver/script.h"
#include "imgr/driver/script_player.h"
#include "imgr/model/image_io.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/platform/texture_cache.h"
#include "imgr/driver/run_services.h"
#include "imgr/driver/build_on_save.h"
#include "imgr/driver/watch_reload.h"
#include "imgr/view/blocks_view.h"
#include "imgr/view/theme.h"

namespace imgr {

namespace {
std::string program_name(int argc, char** argv) {
    if (argc < 1 || !argv[0]) return "app";
    std::string path = argv[0];
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Ctrl+C while recording (or serving) ends the run properly (the video is finalised)
// instead of killing the process with a half-written file.
std::atomic<int> g_stop_requested{0};  // lock-free: safe in a signal handler and read by the serve watch thread
extern "C" void request_stop(int) { g_stop_requested = 1; }

struct StopOnSignal {
    using Handler = void (*)(int);
    Handler old_int = SIG_DFL, old_term = SIG_DFL;
    bool active = false;
    void install() {
        g_stop_requested = 0;
        old_int = std::signal(SIGINT, request_stop);
        old_term = std::signal(SIGTERM, request_stop);
        active = true;
    }
    ~StopOnSignal() {
        if (!active) return;
        std::signal(SIGINT, old_int);
        std::signal(SIGTERM, old_term);
    }
};

// Recording a script: handlers run on worker threads, so how many frames a
// run spans would depend on the machine. Waiting for them before each frame
// makes every run take zero recorded time, and the same script give the same frames.
// A stream (in lockstep while recording) shows one yielded value a frame.
void settle(Engine& engine) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!engine.settled() && std::chrono::steady_clock::now() < give_up) {
        engine.poll();
        if (engine.settled()) break;
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
}

// Every string a script sets, so the first font atlas can already show it.
std::string script_text(const ScriptParseResult& script) {
    std::string text;
    for (const ScriptCommand& command : script.commands) {
        if (const auto* set = std::get_if<SetCommand>(&command.action)) {
            if (set->value.is_string()) text += set->value.get<std::string>();
            if (set->value.is_array())
                for (const Json& item : set->value)
                    if (item.is_string()) text += item.get<std::string>();
        }
    }
    return text;
}

// What the command line asked for, checked before any window opens.
struct LaunchRequest {
    std::string name;  // the program's, for messages
    CommandLine options;
    std::optional<ScriptParseResult> script;
    std::unique_ptr<Recorder> recorder;
};

// The script and the recorder asked for; an exit code when either is impossible.
std::optional<int> prepare_script_and_recorder(LaunchRequest& request) {
    const CommandLine& options = request.options;
    if (!options.script.empty()) {
        ScriptParseResult parsed = load_script(options.script);
        if (!parsed.ok()) {
            std::fprintf(stderr, "%s\n", parsed.error.c_str());
            return 2;
        }
        request.script = std::move(parsed);
    }
    if (options.record.empty()) return std::nullopt;
    if (!request.script && options.headless && options.frames == 0 && options.screenshot.empty()) {
        std::fprintf(stderr, "%s: --record with --headless needs --script or --frames N: no window to close "
                             "ends the recording\n", request.name.c_str());
        return 2;
    }
    RecorderOpened opened = Recorder::create(options.record, options.fps);
    request.recorder = std::move(opened.recorder);
    if (!opened) {
        std::fprintf(stderr, "%s: %s\n", request.name.c_str(), opened.error.c_str());
        return 1;
    }
    return std::nullopt;
}

// The request, or the exit code when the run ends before a window opens
// (--help, a bad command line, script or recording path).
std::variant<LaunchRequest, int> read_request(int argc, char** argv) {
    LaunchRequest request;
    request.name = program_name(argc, argv);
    const CommandLineResult command_line = parse_command_line(argc, argv);
    if (!command_line.error.empty()) {
        std::fprintf(stderr, "%s: %s\n%s", request.name.c_str(), command_line.error.c_str(),
                     usage(request.name).c_str());
        return 2;
    }
    request.options = command_line.options;
    if (request.options.help) {
        std::fputs(usage(request.name).c_str(), stdout);
        return 0;
    }
    if (request.options.serve && !remote_view_factory()) {
        std::fprintf(stderr, "%s: --serve needs the imgr::serve module: link it to the app "
                             "(target_link_libraries(%s PRIVATE imgr::serve), docs/remote.md)\n",
                     request.name.c_str(), request.name.c_str());
        return 2;
    }
    if (std::optional<int> exit_code = prepare_script_and_recorder(request)) return *exit_code;
    return request;
}

// Every label known now is in the first font atlas, so the first frame shows them;
// and only the faces the components draw with are baked (the tree is fixed by now).
void add_glyphs_and_faces(const Engine& engine, RunnerParams& params) {
    params.font.faces = FontFaces::none();
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        params.font.faces |= faces_drawn_by(spec.kind);
        params.glyph_text += spec.common.label;
        params.glyph_text += spec.common.info;
        if (auto* text = std::get_if<std::string>(&spec.value)) params.glyph_text += *text;
        if (auto* choices = std::get_if<ChoiceProps>(&spec.props))
            for (const std::string& choice : choices->choices) params.glyph_text += choice;
    }
}

// The window's settings; the frame callbacks are WindowSession's.
RunnerParams runner_params(const Blocks& app, const LaunchRequest& request) {
    RunnerParams params;
    params.title = app.title();
    apply_command_line(request.options, params);
    const Theme theme = app.theme();
    params.apply_style = [theme] { apply_theme(theme); };
    if (theme == Theme::Dark) params.clear_color[0] = params.clear_color[1] = params.clear_color[2] = 0.07f;
    add_glyphs_and_faces(app.engine(), params);
    if (request.recorder) {
        // Time comes only from the frame count: the same input gives the same frames.
        params.fixed_time_step = 1.0 / request.options.fps;
        params.continuous = true;
    }
    if (request.script) {
        params.glyph_text += script_text(*request.script);
        params.screenshot_when_idle = false;  // taken when the script ends (WindowSession), not at the first idle frame
    }
    return params;
}

// One run of the window: the view, the script player and the recorder, and
// what each frame does with them.
class WindowSession {
public:
    WindowSession(Blocks& app, LaunchRequest& request, WatchReload* watch = nullptr, BuildOnSave* build = nullptr)
        : app_(app), engine_(app.engine()), request_(request), params_(runner_params(app, request)), view_(app),
          watch_(watch), build_(build) {
        if (watch_) restore_watched_state();
        if (request_.script) {
            final_screenshot_ = params_.screenshot_path;
            params_.screenshot_path.clear();
            player_ = std::make_unique<ScriptPlayer>(view_, std::move(*request_.script),
                                                     ScriptPlayerOptions{.fast = request_.options.pace_fast});
        }
        if (request_.recorder || request_.options.serve) stop_on_signal_.install();
        if (request_.recorder && player_) engine_.set_stream_lockstep(true);  // one yielded value a recorded frame
        params_.before_frame = [this](Runner&) { before_frame(); };
        params_.draw = [this](Runner& runner) { draw(runner); };
        params_.after_render = [this](Runner& runner) { after_render(runner); };
        params_.wants_redraw = [this] {
            if (view_.animating() || (player_ && !player_->finished())) return true;
            if (remote_ && remote_->wants_redraw()) return true;
            for (const RunService& service : services_)
                if (service.wants_redraw && service.wants_redraw()) return true;
            return false;
        };
        params_.seconds_until_wake = [this] { return view_.seconds_until_wake(); };
        params_.on_drop = [this](const std::vector<std::string>& paths) {
            view_.drop_files(paths, ImGui::GetIO().MousePos);
        };
        params_.before_close = [this](Runner&) {
            view_.set_textures(nullptr);
            textures_.reset();
            if (request_.recorder) request_.recorder->flush_gl();
        };
    }

    // Runs the window until it closes; then the flags still waiting are written. Returns the exit code.
    int run() {
        services_ = start_run_services(engine_);
        Runner runner(params_);
        Runner* running = &runner;
        view_.set_text_observer([running](std::string_view text) { running->cover_text(text); });
        engine_.set_wake([running] { running->request_redraw(); });
        if (request_.options.serve && !start_remote_view(runner)) {
            engine_.set_wake(nullptr);
            services_.clear();
            BlocksAccess::finish_run(app_);
            return 1;
        }
        if (watch_) watch_->watch().set_wake([running] { running->request_redraw(); });
        if (build_) build_->set_wake([running] { running->request_redraw(); });
        int exit_code = runner.run();
        if (build_) build_->set_wake(nullptr);
        if (watch_) watch_->watch().set_wake(nullptr);
        stop_signal_watch();
        remote_.reset();  // viewers are disconnected before the flags still waiting are written
        engine_.set_wake(nullptr);
        services_.clear();
        const size_t lost = BlocksAccess::finish_run(app_);  // flags still waiting are written; e.g. an Interface's on_close
        exit_code = report(exit_code);
        // A flag the person was told is waiting and that never reached the disk is a failure, not a note.
        if (lost > 0 && exit_code == 0) exit_code = 1;
        return exit_code;
    }

    // The window closed because a new build is ready (--watch): what to hand it.
    bool reload_requested() const { return reload_requested_; }
    const ViewState& view_state() const { return saved_view_; }
    const WindowPlace& window_place() const { return saved_window_; }

private:
    // The serve module's view of this run, and a watch that wakes the (possibly
    // sleeping) loop when Ctrl+C asks a served app to stop.
    bool start_remote_view(Runner& runner) {
        RemoteViewOptions options{.host = request_.options.serve_host, .port = request_.options.serve_port,
                                  .password_file = request_.options.serve_password,
                                  .view_only = request_.options.serve_view_only, .title = params_.title,
                                  .width = params_.width, .height = params_.height};
        Runner* running = &runner;
        RemoteViewStart started = remote_view_factory()(options, [running] { running->notify_input(); });
        if (!started.view) {
            std::fprintf(stderr, "%s: cannot serve: %s\n", request_.name.c_str(), started.error.c_str());
            return false;
        }
        remote_ = std::move(started.view);
        signal_watch_ = std::thread([this, running] {
            while (!watch_done_.load()) {
                if (g_stop_requested) running->request_redraw();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        return true;
    }

    void stop_signal_watch() {
        watch_done_ = true;
        if (signal_watch_.joinable()) signal_watch_.join();
    }

    // What the previous build (or a run that crashed) left: the window's place and the view's tabs and scroll.
    void restore_watched_state() {
        const WindowPlace& window = watch_->restored_window();
        if (window.known) {
            params_.place = true;
            params_.x = window.x;
            params_.y = window.y;
            params_.width = window.width;
            params_.height = window.height;
        }
        if (watch_->restored_view()) view_.restore_view_state(*watch_->restored_view());
    }

    // --watch: the first frame says how the reload went; a new build that is ready ends the window.
    void watch_after_render(Runner& runner) {
        if (runner.frame_index() == 1) watch_->first_frame_drawn();
        // An error toast, which stderr also gets ("imgr: error: ...").
        if (std::string failure = watch_->watch().take_failure(); !failure.empty()) engine_.post(MessageLevel::Error, failure);
        if (!watch_->watch().ready()) return;
        // The build that made it may still be writing (other targets): its output pipe dies with this process.
        if (build_ && build_->status().running) return;
        WatchReload::stop_handlers(engine_);
        saved_view_ = view_.view_state();
        int x = 0, y = 0, width = 0, height = 0;
        runner.window_rect(x, y, width, height);
        // GLFW scales a requested size by the content scale: hand over the unscaled one.
        const float scale = runner.content_scale() > 0 ? runner.content_scale() : 1.0f;
        saved_window_ = {true, x, y, (int)(width / scale + 0.5f), (int)(height / scale + 0.5f)};
        reload_requested_ = ended_ = true;
        runner.request_exit(0);
    }

    void before_frame() {
        if (remote_) remote_->before_frame(ImGui::GetIO());
        if (!player_) return;
        if (request_.recorder && !player_->finished()) settle(engine_);
        player_->before_frame(ImGui::GetIO());
    }

    void draw(Runner& runner) {
        if (!textures_) {
            textures_ = std::make_unique<GlTextureCache>();
            view_.set_textures(textures_.get());
        }
        const FontSet& fonts = runner.fonts();
        view_.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
        view_.draw();
        if (build_) draw_build_banner(build_->status());
        if (player_) player_->after_draw();
    }

    // --watch-build: over the running app, the build in progress (its last line) or the
    // first error of the one that failed; the app below stays usable.
    static void draw_build_banner(const BuildOnSave::Status& status) {
        if (!status.running && status.error.empty()) return;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + 4),
                                ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(viewport->WorkSize.x * 0.9f, FLT_MAX));
        const bool failed = !status.running;
        ImGui::PushStyleColor(ImGuiCol_WindowBg, failed ? ImVec4(0.55f, 0.08f, 0.08f, 0.95f) : ImVec4(0.15f, 0.2f, 0.3f, 0.92f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::Begin("##imgr_build", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
        if (failed) {
            ImGui::TextUnformatted("Build failed; this is still the last build that worked.");
            ImGui::PushTextWrapPos(viewport->WorkSize.x * 0.85f);
            ImGui::TextUnformatted(status.error.c_str());
            ImGui::PopTextWrapPos();
        } else {
            ImGui::Text("Building%s %s", status.last_line.empty() ? "..." : ":", status.last_line.c_str());
        }
        ImGui::End();
        ImGui::PopStyleColor(2);
    }

    void after_render(Runner& runner) {
        if (remote_) remote_->after_render(runner);
        if (ended_) return;
        if (watch_) watch_after_render(runner);
        if (ended_) return;
        if (request_.recorder && !capture_frame(runner)) return;
        if (g_stop_requested) {
            ended_ = interrupted_ = true;
            runner.request_exit(player_ ? 130 : 0);
            return;
        }
        if (player_)
            step_script(runner);
        else if (request_.recorder)
            pace_recording();
    }

    // Records the frame just rendered; false (and the run ends) when the recorder failed.
    bool capture_frame(Runner& runner) {
        int width = 0, height = 0;
        runner.framebuffer_size(width, height);
        request_.recorder->capture_gl(width, height);
        if (request_.recorder->status()) return true;
        ended_ = true;
        runner.request_exit(1);  // the message comes with finish()
        return false;
    }

    void step_script(Runner& runner) {
        player_->after_render([&runner] { return runner.capture(); });
        if (player_->finished()) {
            ended_ = true;
            runner.request_exit(take_final_screenshot(runner, player_->exit_code()));
        } else if (params_.max_frames > 0 && runner.frame_index() >= params_.max_frames) {
            ended_ = true;
            std::fprintf(stderr, "%s: the script had not ended after --frames %d frames\n",
                         player_->file_name().c_str(), params_.max_frames);
            runner.request_exit(1);
        }
    }

    // With a script, --screenshot is taken when it ends; a failure to save makes a passing run fail.
    int take_final_screenshot(Runner& runner, int exit_code) {
        if (final_screenshot_.empty()) return exit_code;
        const IoResult saved = save_png(final_screenshot_, runner.capture(), Durability::NoFsync);
        if (saved) {
            std::fprintf(stderr, "imgr: screenshot saved to %s\n", final_screenshot_.c_str());
            return exit_code;
        }
        std::fprintf(stderr, "imgr: %s\n", saved.error.c_str());
        return exit_code == 0 ? 1 : exit_code;
    }

    // Recording a person: at most real time, so the video plays at the speed it was made.
    void pace_recording() {
        const auto now = std::chrono::steady_clock::now();
        if (request_.recorder->frames() == 1) recording_start_ = now;
        std::this_thread::sleep_until(recording_start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                             std::chrono::duration<double>(request_.recorder->frames() *
                                                                                           params_.fixed_time_step)));
    }

    // After the window closed: the recording finished, and how the script ended.
    int report(int exit_code) {
        if (request_.recorder) {
            if (IoResult finished = request_.recorder->finish(); !finished) {
                std::fprintf(stderr, "%s: recording failed: %s\n", request_.name.c_str(), finished.error.c_str());
                if (exit_code == 0 || exit_code == 130) exit_code = 1;
            } else {
                std::fprintf(stderr, "imgr: recorded %d frames (%d fps) to %s\n", request_.recorder->frames(),
                             request_.options.fps, request_.recorder->path().c_str());
            }
        }
        if (interrupted_ && player_) std::fprintf(stderr, "%s: interrupted\n", player_->file_name().c_str());
        if (player_ && !player_->finished() && !interrupted_ && exit_code == 0) {
            std::fprintf(stderr, "%s: the window was closed before the script ended\n", player_->file_name().c_str());
            exit_code = 1;
        }
        return exit_code;
    }

    Blocks& app_;
    Engine& engine_;
    LaunchRequest& request_;
    RunnerParams params_;
    BlocksView view_;
    std::unique_ptr<ScriptPlayer> player_;
    std::vector<RunService> services_;  // the modules' parts of this run (the sound device)
    std::string final_screenshot_;
    StopOnSignal stop_on_signal_;
    std::unique_ptr<GlTextureCache> textures_;
    std::unique_ptr<RemoteView> remote_;  // --serve: the viewers
    std::thread signal_watch_;
    std::atomic<bool> watch_done_{false};
    bool ended_ = false, interrupted_ = false;
    std::chrono::steady_clock::time_point recording_start_;
    WatchReload* watch_ = nullptr;
    BuildOnSave* build_ = nullptr;      // --watch-build: the build run on a save, shown in a banner
    bool reload_requested_ = false;
    ViewState saved_view_;
    WindowPlace saved_window_;
};

}  // namespace

int launch_app(Blocks& app, int argc, char** argv) {
    std::variant<LaunchRequest, int> read = read_request(argc, argv);
    if (const int* exit_code = std::get_if<int>(&read)) return *exit_code;
    LaunchRequest& request = std::get<LaunchRequest>(read);
    // This app's flagging callbacks follow its --flagging-dir (another app in the process keeps its own).
    if (!request.options.flagging_dir.empty()) BlocksAccess::flagging_dir_override(app)->set(request.options.flagging_dir);
    if (!request.options.replay.empty() && request.options.headless)
        return run_replay_command(app, request.options, request.name);  // no window needed
    BlocksAccess::prepare_to_run(app);  // e.g. an Interface lists the rows already flagged in the (overridden) folder
    const CommandLine& options = request.options;
    if (const std::string refusal = replay_report_refusal(options.replay, options.replay_report); !refusal.empty()) {
        std::fprintf(stderr, "%s: %s\n", request.name.c_str(), refusal.c_str());
        return 2;
    }
    if (std::string why; !options.replay.empty() && !BlocksAccess::replay_spec(app, why)) {
        std::fprintf(stderr, "%s: cannot replay: %s\n", request.name.c_str(), why.c_str());
        return 2;
    }
    // The window's Replay panel; with --replay DIR it runs at once, and its result is the exit code.
    BlocksAccess::start_replay_panel(app, options.replay, !options.replay.empty(), options.replay_tolerance, options.replay_report);
    std::unique_ptr<WatchReload> watch;
    if (options.watch) {
        std::string why;
        watch = WatchReload::start(app, why);
        if (!watch) {
            std::fprintf(stderr, "%s: --watch: %s\n", request.name.c_str(), why.c_str());
            return 1;
        }
    }
    std::unique_ptr<BuildOnSave> build;
    if (!options.watch_build.empty()) {
        std::string why;
        // Default: the app's own source folder, as its build recorded it; else where it was started.
        const std::string recorded = app_source_dir();
        const std::filesystem::path sources = !options.watch_sources.empty() ? std::filesystem::path(options.watch_sources)
                                              : !recorded.empty()             ? std::filesystem::path(recorded)
                                                                              : std::filesystem::path(".");
        build = BuildOnSave::start(options.watch_build, sources, why);
        if (!build) {
            std::fprintf(stderr, "%s: --watch-build: %s\n", request.name.c_str(), why.c_str());
            return 1;
        }
    }
    int exit_code = 0;
    for (;;) {
        ViewState view;
        WindowPlace place;
        {
            WindowSession session(app, request, watch.get(), build.get());
            exit_code = session.run();
            if (!session.reload_requested()) break;
            view = session.view_state();
            place = session.window_place();
        }  // the window and --serve's server end here, not across the exec: viewers are told to go
           // (noVNC reconnects to the new build), threads joined, the page's folder removed
        watch->reload(argv, std::move(view), place);
        // Still here: the new build could not take over (said on stderr); the old one runs again as it was.
    }
    if (options.replay.empty() || exit_code != 0) return exit_code;
    const int replayed = BlocksAccess::replay_panel_exit_code(app);
    if (replayed >= 0) return replayed;
    std::fprintf(stderr, "%s: the window was closed before the replay ended\n", request.name.c_str());
    return 1;
}

}  // namespace imgr
