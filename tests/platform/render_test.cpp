// Real rendering: a hidden window under Xvfb draws known widgets, and the
// pixels read back show them where ImGui laid them out.
#include <doctest/doctest.h>
#include <imgr/platform/runner.h>
#include <imgui.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace {

struct Rgb {
    int r, g, b;
};

Rgb pixel(const imgr::ImageBuffer& image, float x, float y) {
    return {image.sample((int)x, (int)y, 0), image.sample((int)x, (int)y, 1), image.sample((int)x, (int)y, 2)};
}

bool near(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// What a run printed on stderr, and its exit code.
std::string stderr_of(imgr::RunnerParams params, int& exit_code) {
    std::fflush(stderr);
    const std::string path = "/tmp/imgr_render_test_stderr_" + std::to_string(getpid());
    const int saved = dup(2);
    std::FILE* capture = std::fopen(path.c_str(), "w");
    dup2(fileno(capture), 2);
    imgr::Runner runner(std::move(params));
    exit_code = runner.run();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::fclose(capture);
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    std::remove(path.c_str());
    return text.str();
}

}  // namespace

TEST_CASE("a button is drawn in its colour where ImGui laid it out") {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 320;
    params.height = 200;
    params.max_frames = 10;
    ImVec2 button_min, button_max, checkbox_min;
    bool checked = false, verified = false;
    params.draw = [&](imgr::Runner&) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 255, 255));
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 0, 0, 255));
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorPos(ImVec2(40, 50));
        ImGui::Button("Flag", ImVec2(120, 40));
        button_min = ImGui::GetItemRectMin();
        button_max = ImGui::GetItemRectMax();
        ImGui::Checkbox("box", &checked);
        checkbox_min = ImGui::GetItemRectMin();
        ImGui::End();
        ImGui::PopStyleColor(2);
    };
    params.after_render = [&](imgr::Runner& runner) {
        if (runner.frame_index() < 3) return;  // ImGui settles in two frames
        imgr::ImageBuffer image = runner.capture();
        REQUIRE(image.width() == 320);
        REQUIRE(image.height() == 200);
        CHECK(button_min.x == doctest::Approx(40));
        CHECK(button_min.y == doctest::Approx(50));
        // Inside the button, away from its label and its rounded corners: red.
        CHECK(near(pixel(image, button_min.x + 6, button_min.y + 20), {255, 0, 0}));
        CHECK(near(pixel(image, button_max.x - 6, button_min.y + 20), {255, 0, 0}));
        // Just outside it: the window's blue.
        CHECK(near(pixel(image, button_max.x + 4, button_min.y + 20), {0, 0, 255}));
        CHECK(near(pixel(image, button_min.x + 6, button_min.y - 4), {0, 0, 255}));
        // The label's white text sits in the middle: some pixel there is not red.
        bool text_found = false;
        for (float x = button_min.x + 30; x < button_max.x - 30; ++x)
            for (float y = button_min.y + 10; y < button_max.y - 10; ++y)
                text_found = text_found || !near(pixel(image, x, y), {255, 0, 0}, 40);
        CHECK(text_found);
        // The checkbox is laid out below the button.
        CHECK(checkbox_min.y >= button_max.y);
        CHECK_FALSE(near(pixel(image, checkbox_min.x + 8, checkbox_min.y + 8), {0, 0, 255}));
        verified = true;
        runner.request_exit(0);
    };
    imgr::Runner runner(params);
    CHECK(runner.run() == 0);
    CHECK(verified);
}

TEST_CASE("the idle loop sleeps: a still window draws only a handful of frames") {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 120;
    std::atomic<int> frames{0};
    std::thread worker;
    params.draw = [&](imgr::Runner& runner) {
        ImGui::Begin("idle");
        ImGui::Button("nothing happens");
        ImGui::End();
        // A worker asks for one redraw after 300 ms and for exit after 600 ms,
        // counted from the first frame: opening the window may take longer
        // than that on a loaded machine or under a sanitizer.
        if (++frames == 1)
            worker = std::thread([&r = runner] {
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                r.request_redraw();
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                r.request_exit(0);
                r.request_redraw();
            });
    };
    imgr::Runner runner(params);
    CHECK(runner.run() == 0);
    if (worker.joinable()) worker.join();
    // A loop without idle throttling would draw hundreds of frames in 600 ms.
    CHECK(frames.load() <= 12);
    CHECK(frames.load() >= 3);
}

TEST_CASE("a wake-up without input draws two frames (show, settle), not the three an input needs") {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 120;
    std::atomic<int> frames{0};
    std::atomic<int> settled_frames{-1}, frames_after_wake{-1};
    std::thread worker;
    params.draw = [&](imgr::Runner& runner) {
        ImGui::Begin("wake");
        ImGui::Text("a result");
        ImGui::End();
        if (++frames == 1)
            worker = std::thread([&, &r = runner] {
                // The loop is asleep once no frame came for a while (the start-up frames are done).
                int seen = -1;
                while (seen != frames.load()) {
                    seen = frames.load();
                    std::this_thread::sleep_for(std::chrono::milliseconds(500));
                }
                settled_frames = seen;
                r.request_redraw();  // as a worker does when a run finishes
                while (frames.load() == seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
                std::this_thread::sleep_for(std::chrono::milliseconds(500));  // room for any extra frames
                frames_after_wake = frames.load();
                r.request_exit(0);
                r.request_redraw();
            });
    };
    imgr::Runner runner(params);
    CHECK(runner.run() == 0);
    if (worker.joinable()) worker.join();
    CHECK(frames_after_wake.load() - settled_frames.load() == 2);
}

TEST_CASE("a font or a screenshot that cannot be made ends the run with exit 1 and one line saying why") {
    imgr::RunnerParams params;
    params.headless = true;
    params.width = 200;
    params.height = 120;
    params.font.regular_path = "/nonexistent/font.ttf";
    int code = 0;
    std::string said = stderr_of(params, code);
    CHECK(code == 1);
    CHECK_MESSAGE(said.find("imgr: cannot read font file '/nonexistent/font.ttf'") != std::string::npos, said);

    params.font.regular_path.clear();
    params.max_frames = 1;
    params.screenshot_path = "/nonexistent/folder/shot.png";
    said = stderr_of(params, code);
    CHECK(code == 1);
    CHECK_MESSAGE(said.find("imgr: cannot ") != std::string::npos, said);
    CHECK_MESSAGE(said.find("/nonexistent/folder/shot.png") != std::string::npos, said);
    CHECK_MESSAGE(said.find("screenshot saved") == std::string::npos, said);
}
