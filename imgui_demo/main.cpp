// imgui_demo: the showcase of imgr. For now it shows that the runner works:
// fonts (Latin, Greek, Chinese), the light theme and a few ImGui widgets.
#include <imgr/platform/runner.h>

#include <imgui.h>

#include <cstdio>

int main(int argc, char** argv) {
    auto command_line = imgr::parse_command_line(argc, argv);
    if (!command_line.error.empty() || command_line.options.help) {
        if (!command_line.error.empty()) std::fprintf(stderr, "imgui_demo: %s\n", command_line.error.c_str());
        std::fputs(imgr::usage("imgui_demo").c_str(), command_line.error.empty() ? stdout : stderr);
        return command_line.error.empty() ? 0 : 2;
    }
    imgr::RunnerParams params;
    params.title = "imgr demo";
    imgr::apply_command_line(command_line.options, params);

    float strength = 0.5f;
    int operation = 0;
    bool sharpen = true;
    char note[128] = "你好, imgr";
    params.glyph_text = "标记 困难样本 你好";
    params.draw = [&](imgr::Runner& runner) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("imgr demo", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::PushFont(runner.fonts().large());
        ImGui::TextUnformatted("imgr");
        ImGui::PopFont();
        ImGui::TextWrapped("Machine-learning demos in C++, drawn each frame by Dear ImGui. "
                           "Greek αβγ, Cyrillic ЖЯ, and Chinese: 标记困难样本");
        ImGui::Separator();
        ImGui::SliderFloat("strength", &strength, 0.0f, 1.0f);
        const char* operations[] = {"add", "subtract", "multiply", "divide"};
        for (int i = 0; i < 4; ++i) {
            if (i) ImGui::SameLine();
            ImGui::RadioButton(operations[i], &operation, i);
        }
        ImGui::Checkbox("sharpen", &sharpen);
        if (ImGui::InputText("note", note, sizeof note)) runner.cover_text(note);
        ImGui::Button("Flag");
        ImGui::SameLine();
        ImGui::TextDisabled("(%d frames drawn)", runner.frame_index());
        ImGui::End();
    };
    imgr::Runner runner(params);
    return runner.run();
}
