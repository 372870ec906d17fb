#include <imgr/imgr.h>
#include <imgui.h>

int main(int argc, char** argv) {
    auto command_line = imgr::parse_command_line(argc, argv);
    if (!command_line.error.empty()) return 2;
    imgr::RunnerParams params;
    imgr::apply_command_line(command_line.options, params);
    params.draw = [](imgr::Runner&) { ImGui::Text("built against the installed imgr"); };
    return imgr::Runner(params).run();
}
