// The app --watch's end-to-end test rebuilds while it runs (watch_reload_test.cpp).
// Its one string that changes between builds is in version.cpp, which the test
// rewrites; every change of an input prints what the handler saw, so the test
// reads both the build (the version) and the values the person had.
#include <imgr/imgr.h>

#include <cstdio>
#include <string>

extern const char* watch_app_version;

int main(int argc, char** argv) {
    imgr::Blocks demo("watch test app");
    demo.add(imgr::Markdown(std::string("# Build ") + watch_app_version));
    imgr::Handle<double> strength;
    imgr::Handle<std::string> name, report;
    imgr::Handle<imgr::ImageBuffer> photo;
    demo.tabs([&] {
        demo.tab("Inputs", [&] {
            strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
            name = demo.add(imgr::Textbox("name"));
            photo = demo.add(imgr::Image("photo"));
        });
        demo.tab("Report", [&] { report = demo.add(imgr::Textbox("report")); });
    });
    auto describe = [](double s, const std::string& who, const imgr::ImageBuffer& image) {
        const std::string text = std::string("version=") + watch_app_version + " strength=" + imgr::format_number(s) +
                                 " name=" + who + " photo=" + std::to_string(image.width()) + "x" +
                                 std::to_string(image.height());
        std::printf("report: %s\n", text.c_str());
        std::fflush(stdout);
        return text;
    };
    strength.change(describe, {strength, name, photo}, report);
    name.change(describe, {strength, name, photo}, report);
    photo.change(describe, {strength, name, photo}, report);
    return demo.launch(argc, argv);
}
