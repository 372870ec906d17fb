// An app that reaches a module's kind without linking the module (this test
// links the core view only, not imgr::media): the component is drawn as a
// message naming the module, a file for it is refused with that message, and
// nothing crashes.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/model/kind_files.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/kind_views.h>

#include "support/headless_imgui.h"

namespace {

imgr::ComponentSpec audio_spec(const std::string& label) {
    imgr::ComponentSpec spec;
    spec.kind = imgr::ComponentKind::Audio;
    spec.common.label = label;
    spec.common.interactive = true;
    spec.props = imgr::AudioProps{};
    spec.value = imgr::default_value(spec.kind, spec.props);
    return spec;
}

}  // namespace

TEST_CASE("without imgr::media an Audio component says which module it needs, and its files are refused") {
    REQUIRE(imgr::kind_file_codec(imgr::ComponentKind::Audio) == nullptr);  // the module is not in this program
    imgr::test::HeadlessImGui ui(ImVec2(600, 400));
    imgr::Blocks demo;
    const imgr::ComponentId audio = demo.add_spec(audio_spec("Speech"));
    imgr::BlocksView view(demo);
    ui.bare_frame([&] { view.draw(); });
    ui.bare_frame([&] { view.draw(); });
    CHECK(view.targets().component(audio).card.max.y > view.targets().component(audio).card.min.y);  // drawn, as a card

    const imgr::IoResult uploaded = imgr::upload_file(demo.engine(), audio, "/nonexistent/a.wav");
    CHECK_FALSE(uploaded);
    CHECK(uploaded.error.find("imgr::media") != std::string::npos);
    const std::vector<imgr::Message> messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text == uploaded.error);

    const imgr::ValueLoadResult loaded = imgr::load_value_file(imgr::ComponentKind::Video, "/nonexistent/a.mp4");
    CHECK(loaded.error == imgr::missing_module_message(imgr::ComponentKind::Video));
    CHECK(imgr::load_value_file(imgr::ComponentKind::Number, "/tmp/x").error == "a Number takes no file");
    CHECK_FALSE(imgr::accepts_files(imgr::ComponentKind::Audio));
    CHECK(imgr::accepts_files(imgr::ComponentKind::Image));
    const bool no_camera_source = imgr::camera_source() == nullptr;
    CHECK(no_camera_source);
}
