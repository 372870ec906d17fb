// Issue 14's Chatbot figure: the frame cost of a Chatbot holding 2,000 messages
// (about 400 KB of Markdown: paragraphs, a list, a code block) against one holding
// 20 of the same messages, in a window under Xvfb, shown at the newest message
// (where it auto-scrolls) and halfway up. Median frame time with rendering
// finished (glFinish), 150 frames after 20 of warm-up.
//   bench_chatbot
#include "bench_common.h"
#include "blocks_window.h"

#include <imgui_internal.h>

#include <string>

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
    bench::WindowOptions options{.width = 1200, .height = 900};
    if (halfway)
        options.after_draw = [](int frame) {
            if (frame != 10) return;  // once, in the warm-up
            for (ImGuiWindow* window : GImGui->Windows)  // the chat's scrolling child
                if (window->ScrollMax.y > 1000) ImGui::SetScrollY(window, window->ScrollMax.y / 2);
        };
    return bench::run_window(demo, options).median_ms;
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
