// Blocks::launch: the command line, the window, the view and the engine
// joined up, with the demo-script player and the recorder when asked for.
// It lives in the driver layer because it uses all the others.
#include <imgui.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

#include "imgr/driver/recorder.h"
#include "imgr/driver/script.h"
#include "imgr/driver/script_player.h"
#include "imgr/engine/blocks.h"
#include "imgr/engine/flagging_dir.h"
#include "imgr/model/image_io.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/platform/texture_cache.h"
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

// Ctrl+C while recording ends the recording properly (the video is finalised)
// instead of killing the process with a half-written file.
volatile std::sig_atomic_t g_stop_requested = 0;
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
void settle(Engine& engine) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!engine.idle() && std::chrono::steady_clock::now() < give_up) {
        engine.poll();
        if (engine.idle()) break;
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
}  // namespace

int Blocks::launch(int argc, char** argv) {
    const std::string name = program_name(argc, argv);
    const CommandLineResult command_line = parse_command_line(argc, argv);
    if (!command_line.error.empty()) {
        std::fprintf(stderr, "%s: %s\n%s", name.c_str(), command_line.error.c_str(), usage(name).c_str());
        return 2;
    }
    const CommandLine& options = command_line.options;
    if (options.help) {
        std::fputs(usage(name).c_str(), stdout);
        return 0;
    }

    // A bad script or an impossible recording fails before any window opens.
    std::optional<ScriptParseResult> script;
    if (!options.script.empty()) {
        ScriptParseResult parsed = load_script(options.script);
        if (!parsed.ok()) {
            std::fprintf(stderr, "%s\n", parsed.error.c_str());
            return 2;
        }
        script = std::move(parsed);
    }
    std::unique_ptr<Recorder> recorder;
    if (!options.record.empty()) {
        if (!script && options.headless && options.frames == 0 && options.screenshot.empty()) {
            std::fprintf(stderr, "%s: --record with --headless needs --script or --frames N: no window to close "
                                 "ends the recording\n", name.c_str());
            return 2;
        }
        std::string error;
        recorder = Recorder::create(options.record, options.fps, error);
        if (!recorder) {
            std::fprintf(stderr, "%s: %s\n", name.c_str(), error.c_str());
            return 1;
        }
    }

    if (!options.flagging_dir.empty()) set_flagging_dir_override(options.flagging_dir);
    on_launch();  // e.g. an Interface lists the rows already flagged in the (overridden) folder

    RunnerParams params;
    params.title = title_;
    apply_command_line(options, params);
    const Theme theme = theme_;
    params.apply_style = [theme] { apply_theme(theme); };
    if (theme == Theme::Dark) {
        params.clear_color[0] = params.clear_color[1] = params.clear_color[2] = 0.07f;
    }
    // Every label known now is in the first font atlas, so the first frame shows them;
    // and only the faces the components draw with are baked (the tree is fixed by now).
    params.font.faces = FontFaces::none();
    for (size_t i = 0; i < engine_.component_count(); ++i) {
        const ComponentSpec& spec = engine_.component((ComponentId)i).spec;
        params.font.faces |= faces_drawn_by(spec.kind);
        params.glyph_text += spec.common.label;
        params.glyph_text += spec.common.info;
        if (auto* text = std::get_if<std::string>(&spec.value)) params.glyph_text += *text;
        if (auto* choices = std::get_if<ChoiceProps>(&spec.props))
            for (const std::string& choice : choices->choices) params.glyph_text += choice;
    }
    if (recorder) {
        // Time comes only from the frame count: the same input gives the same frames.
        params.fixed_time_step = 1.0 / options.fps;
        params.continuous = true;
    }
    // With a script, --screenshot is taken when the script ends, not at the first idle frame.
    std::string final_screenshot;
    if (script) {
        params.glyph_text += script_text(*script);
        params.screenshot_when_idle = false;
        final_screenshot = params.screenshot_path;
        params.screenshot_path.clear();
    }

    BlocksView view(*this);
    std::unique_ptr<ScriptPlayer> player;
    if (script) player = std::make_unique<ScriptPlayer>(view, std::move(*script), ScriptPlayerOptions{.fast = options.pace_fast});
    StopOnSignal stop_on_signal;
    if (recorder) stop_on_signal.install();

    std::unique_ptr<GlTextureCache> textures;
    bool ended = false, interrupted = false;
    std::chrono::steady_clock::time_point recording_start;
    params.before_frame = [&](Runner&) {
        if (!player) return;
        if (recorder && !player->finished()) settle(engine_);
        player->before_frame(ImGui::GetIO());
    };
    params.draw = [&](Runner& runner) {
        if (!textures) {
            textures = std::make_unique<GlTextureCache>();
            view.set_textures(textures.get());
        }
        const FontSet& fonts = runner.fonts();
        view.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
        view.draw();
        if (player) player->after_draw();
    };
    params.after_render = [&](Runner& runner) {
        if (ended) return;
        if (recorder) {
            int width = 0, height = 0;
            runner.framebuffer_size(width, height);
            recorder->capture_gl(width, height);
            if (!recorder->error().empty()) {
                ended = true;
                runner.request_exit(1);  // the message comes with finish()
                return;
            }
        }
        if (g_stop_requested) {
            ended = interrupted = true;
            runner.request_exit(player ? 130 : 0);
            return;
        }
        if (player) {
            player->after_render([&runner] { return runner.capture(); });
            if (player->finished()) {
                ended = true;
                int exit_code = player->exit_code();
                if (!final_screenshot.empty()) {
                    if (IoResult saved = save_png(final_screenshot, runner.capture(), Durability::NoFsync); !saved) {
                        std::fprintf(stderr, "imgr: %s\n", saved.error.c_str());
                        if (exit_code == 0) exit_code = 1;
                    } else {
                        std::fprintf(stderr, "imgr: screenshot saved to %s\n", final_screenshot.c_str());
                    }
                }
                runner.request_exit(exit_code);
            } else if (params.max_frames > 0 && runner.frame_index() >= params.max_frames) {
                ended = true;
                std::fprintf(stderr, "%s: the script had not ended after --frames %d frames\n",
                             player->file_name().c_str(), params.max_frames);
                runner.request_exit(1);
            }
        } else if (recorder) {
            // Recording a person: at most real time, so the video plays at the speed it was made.
            const auto now = std::chrono::steady_clock::now();
            if (recorder->frames() == 1) recording_start = now;
            std::this_thread::sleep_until(recording_start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                                std::chrono::duration<double>(recorder->frames() * params.fixed_time_step)));
        }
    };
    params.wants_redraw = [&] { return view.animating() || (player && !player->finished()); };
    params.seconds_until_wake = [&] { return view.seconds_until_wake(); };
    params.on_drop = [&](const std::vector<std::string>& paths) { view.drop_files(paths, ImGui::GetIO().MousePos); };
    params.before_close = [&](Runner&) {
        view.set_textures(nullptr);
        textures.reset();
        if (recorder) recorder->flush_gl();
    };
    Runner runner(params);
    Runner* running = &runner;
    view.set_text_observer([running](std::string_view text) { running->cover_text(text); });
    engine_.set_wake([running] { running->request_redraw(); });
    int exit_code = runner.run();
    engine_.set_wake(nullptr);
    on_close();  // e.g. an Interface writes the flags still waiting

    if (recorder) {
        const std::string error = recorder->finish();
        if (!error.empty()) {
            std::fprintf(stderr, "%s: recording failed: %s\n", name.c_str(), error.c_str());
            if (exit_code == 0 || exit_code == 130) exit_code = 1;
        } else {
            std::fprintf(stderr, "imgr: recorded %d frames (%d fps) to %s\n", recorder->frames(), options.fps,
                         recorder->path().c_str());
        }
    }
    if (interrupted && player) std::fprintf(stderr, "%s: interrupted\n", player->file_name().c_str());
    if (player && !player->finished() && !interrupted && exit_code == 0) {
        std::fprintf(stderr, "%s: the window was closed before the script ended\n", player->file_name().c_str());
        exit_code = 1;
    }
    return exit_code;
}

}  // namespace imgr
