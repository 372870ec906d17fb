// Issue 14's Chatbot figure: the frame cost of a Chatbot holding 2,000 messages
// (about 400 KB of Markdown: paragraphs, a list, a code block) against one holding
// 20 of the same messages, in a window under Xvfb, shown at the newest message
// (where it auto-scrolls) and halfway up. Median frame time with rendering
// finished (glFinish), 150 frames after 20 of warm-up.
//   bench_chatbot
#include "bench_common.h"

#include <imgr/engine/blocks.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <glad/gl.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace {

imgr::Conversation conversation(int messages) {
    imgr::Conversation c;
    for (int i = 0; i < messages / 2; ++i) {
        c.user("Question " + std::to_string(i) + ": how do I flag a sample whose **output** is wrong?");
        c.assistant("Answer " + std::to_string(i) +
                    ": click *Flag*, and the row goes to `logs.csv` with its images beside it.\n\n"
                    "- the inputs, as the person set them\n- the outputs, as the model gave them\n"
                    "- the option and a timestamp\n\n```cpp\ndemo.flag_button(flag, callback, {image, label});\n```\n"
                    "Then replay the folder with `--replay` to see which rows a new model changes.");
    }
    return c;
}

// halfway: scroll the chat's list to its middle instead of its end.
double frame_ms(int messages, bool halfway) {
    imgr::Blocks demo("bench");
    demo.add(imgr::Chatbot("chat").height(40).value(conversation(messages)));
    imgr::BlocksView view(demo);
    imgr::GlTextureCache* textures = nullptr;
    std::vector<double> times;
    bench::Clock::time_point last{};
    const int warmup = 20, frames = 150;
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 1200;
    params.height = 900;
    params.continuous = true;
    params.headless_frame_interval = 0;
    params.max_frames = warmup + frames;
    params.apply_style = [] { imgr::apply_theme(imgr::Theme::Light); };
    params.draw = [&](imgr::Runner& runner) {
        if (!textures) view.set_textures(textures = new imgr::GlTextureCache());
        const imgr::FontSet& fonts = runner.fonts();
        view.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
        view.draw();
        if (halfway && runner.frame_index() == warmup / 2)
            for (ImGuiWindow* window : GImGui->Windows)  // the chat's scrolling child
                if (window->ScrollMax.y > 1000) ImGui::SetScrollY(window, window->ScrollMax.y / 2);
    };
    params.after_render = [&](imgr::Runner& runner) {
        glFinish();
        const auto now = bench::Clock::now();
        if (runner.frame_index() > warmup) times.push_back(bench::ms_between(last, now));
        last = now;
    };
    params.before_close = [&](imgr::Runner&) {
        view.set_textures(nullptr);
        delete textures;
    };
    imgr::Runner runner(params);
    runner.run();
    return bench::percentile(times, 0.5);
}

}  // namespace

int main() {
    const size_t bytes = [] {
        size_t n = 0;
        for (const auto& m : conversation(2000).messages) n += m.content.size();
        return n;
    }();
    const double few = frame_ms(20, false), many = frame_ms(2000, false), many_middle = frame_ms(2000, true);
    bench::row("14 chatbot", "20 messages, at the newest", "median frame ms", bench::fmt("%.2f", few));
    bench::row("14 chatbot", "2,000 messages (" + std::to_string(bytes / 1024) + " KB), at the newest", "median frame ms",
               bench::fmt("%.2f", many));
    bench::row("14 chatbot", "2,000 messages, scrolled halfway", "median frame ms", bench::fmt("%.2f", many_middle));
    bench::row("14 chatbot", "2,000 / 20 at the newest", "ratio", bench::fmt("%.2f", many / few));
    bench::row("14 chatbot", "2,000 halfway / 20", "ratio", bench::fmt("%.2f", many_middle / few));
    return 0;
}
