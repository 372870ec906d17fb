// The floor for benchmark 4: a minimal GLFW + Dear ImGui program with ImGui's
// own backends and default font, and nothing of imgr. It opens a window (a
// hidden one with --headless), draws a calculator-like screen and exits after
// --frames N frames, so that its start-up and peak memory compare with an imgr
// sample run the same way.
#include <GLFW/glfw3.h>  // with <GL/gl.h>: the few GL 1.0 calls below
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    bool headless = false;
    int frames = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--headless")) headless = true;
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) frames = std::atoi(argv[++i]);
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "raw_glfw_imgui: cannot initialise GLFW (no display?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, headless ? GLFW_FALSE : GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1100, 760, "raw", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "raw_glfw_imgui: cannot create an OpenGL 3.3 core context\n");
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    double num1 = 0, num2 = 0, output = 0;
    int operation = 0;
    for (int frame = 0; !glfwWindowShouldClose(window) && (frames == 0 || frame < frames); ++frame) {
        if (frames == 0) glfwWaitEvents();
        else glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("raw", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::InputDouble("num1", &num1, 1.0);
        const char* operations[] = {"add", "subtract", "multiply", "divide"};
        for (int i = 0; i < 4; ++i) {
            if (i) ImGui::SameLine();
            ImGui::RadioButton(operations[i], &operation, i);
        }
        ImGui::InputDouble("num2", &num2, 1.0);
        if (ImGui::Button("Submit")) output = num1 + num2;
        ImGui::InputDouble("output", &output);
        ImGui::Button("Flag");
        ImGui::End();
        ImGui::Render();
        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(0.96f, 0.96f, 0.97f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (!headless) glfwSwapBuffers(window);  // a hidden window shows nothing, as imgr's runner
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
