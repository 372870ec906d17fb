// The state a --watch reload hands to the next build (driver/watch_state.h):
// written as flagging writes a row, read back as a folder someone else wrote.
// Engines only: no view, no window.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "imgr/driver/watch_state.h"
#include "imgr/engine/engine.h"

namespace fs = std::filesystem;
using imgr::ComponentKind;

namespace {

fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_watch_state_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

imgr::ComponentSpec spec(ComponentKind kind, const std::string& label, imgr::Value value, imgr::KindProps props = {}) {
    imgr::ComponentSpec s;
    s.kind = kind;
    s.common.label = label;
    s.props = std::move(props);
    s.value = std::move(value);
    return s;
}

std::vector<imgr::Value> values_of(const imgr::Engine& engine) {
    std::vector<imgr::Value> values;
    for (size_t i = 0; i < engine.component_count(); ++i) values.push_back(engine.component((int)i).spec.value);
    return values;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// An app's first build: a slider, a textbox, an image, two Numbers sharing a label, a button.
struct OldApp {
    imgr::Engine engine;
    std::vector<imgr::Value> initial;
    OldApp() {
        engine.add_component(spec(ComponentKind::Slider, "strength", 0.5, imgr::SliderProps{0, 1, 0}));
        engine.add_component(spec(ComponentKind::Textbox, "name", std::string("start")));
        engine.add_component(spec(ComponentKind::Image, "photo", std::monostate{}));
        engine.add_component(spec(ComponentKind::Number, "twin", 1.0));
        engine.add_component(spec(ComponentKind::Number, "twin", 2.0));
        engine.add_component(spec(ComponentKind::Button, "Go", std::string("Go")));
        engine.add_component(spec(ComponentKind::Number, "untouched", 7.0));
        initial = values_of(engine);
        engine.set_from_user(0, 0.25);
        engine.set_from_user(1, std::string("Ada, \"the\" first\nline two"));
        engine.set_from_user(2, imgr::ImageBuffer(8, 6, 3));
        engine.set_from_user(4, 20.0);
    }
};

}  // namespace

TEST_CASE("changed values come back by label, and a gone label, another kind and a new label are named in the notice") {
    const fs::path dir = temp_folder("round_trip");
    OldApp old;
    imgr::WatchState state;
    state.pid = 42;
    state.view.tabs = {{"Inputs", true}};
    state.view.images = {{"photo", 0, false, 3.0f, 0.25f, 0.75f}, {"bad", 0, false, 1e30f, 0.5f, 0.5f}};
    REQUIRE(imgr::save_watch_state(old.engine, old.initial, state, dir).ok());
    CHECK(fs::exists(dir / "values" / "logs.jsonl"));

    imgr::WatchStateRead read = imgr::read_watch_state(dir);
    REQUIRE(read.ok());
    REQUIRE(read.found);
    CHECK(read.state.pid == 42);
    CHECK(read.state.values.size() == 4);  // strength, name, photo, the second twin: not the untouched ones
    CHECK(read.state.labels.size() == 6);  // every component but the button
    REQUIRE(read.state.view.tabs.size() == 1);
    CHECK(read.state.view.tabs[0].path == "Inputs");
    REQUIRE(read.state.view.images.size() == 1);  // a zoom of 1e30 is no zoom: that image is fitted
    CHECK(read.state.view.images[0].label == "photo");
    CHECK(read.state.view.images[0].zoom == 3.0f);
    CHECK(read.state.view.images[0].center_y == 0.75f);

    // The next build: "name" became a Number, "photo" stays, "strength" is gone, "gamma" is new.
    imgr::Engine next;
    next.add_component(spec(ComponentKind::Number, "name", 0.0));
    next.add_component(spec(ComponentKind::Image, "photo", std::monostate{}));
    next.add_component(spec(ComponentKind::Number, "twin", 1.0));
    next.add_component(spec(ComponentKind::Number, "twin", 2.0));
    next.add_component(spec(ComponentKind::Slider, "gamma", 1.0, imgr::SliderProps{0, 2, 0}));
    const imgr::WatchRestore restored = imgr::restore_watch_values(next, read.state, dir);
    CHECK(restored.restored == 2);
    CHECK(restored.dropped == 2);
    const auto* photo = std::get_if<imgr::ImageBuffer>(&next.component(1).spec.value);
    REQUIRE(photo);
    CHECK(photo->width() == 8);
    CHECK(photo->height() == 6);
    CHECK(std::get<double>(next.component(2).spec.value) == 1.0);   // the first twin was never changed
    CHECK(std::get<double>(next.component(3).spec.value) == 20.0);  // the second keeps its own
    CHECK(restored.notice.find("\"strength\" (gone)") != std::string::npos);
    CHECK(restored.notice.find("\"name\" (now a Number)") != std::string::npos);
    CHECK(restored.notice.find("New: \"gamma\"") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("text with commas, quotes and line breaks comes back as it was") {
    const fs::path dir = temp_folder("text");
    OldApp old;
    REQUIRE(imgr::save_watch_state(old.engine, old.initial, {}, dir).ok());
    OldApp again;  // same build: every value goes back where it was
    imgr::Engine& next = again.engine;
    for (size_t i = 0; i < next.component_count(); ++i)
        if (i != 5) next.set_from_program((int)i, again.initial[i]);
    const imgr::WatchStateRead read = imgr::read_watch_state(dir);
    REQUIRE(read.ok());
    const imgr::WatchRestore restored = imgr::restore_watch_values(next, read.state, dir);
    CHECK(restored.restored == 4);
    CHECK(restored.dropped == 0);
    CHECK(restored.notice.empty());
    CHECK(std::get<std::string>(next.component(1).spec.value) == "Ada, \"the\" first\nline two");
    CHECK(std::get<double>(next.component(0).spec.value) == 0.25);
    fs::remove_all(dir);
}

TEST_CASE("no state is no state, and a broken or hostile state.json is refused with why, never a crash") {
    const fs::path dir = temp_folder("hostile");
    imgr::WatchStateRead none = imgr::read_watch_state(dir);
    CHECK(none.ok());
    CHECK_FALSE(none.found);

    for (const std::string& text : {std::string("not json"), std::string("{\"version\":1}"),
                                    std::string("{\"version\":2,\"pid\":1}"), std::string(100000, '['),
                                    std::string(R"({"version":1,"pid":"x","started_ns":0,"labels":[],"view":{},"values":[]})")}) {
        write(dir / "state.json", text);
        imgr::WatchStateRead read = imgr::read_watch_state(dir);
        CHECK(read.found);
        CHECK_FALSE(read.ok());
        CHECK(read.error.rfind("the saved state is unreadable: ", 0) == 0);
        CHECK(read.error.size() < 300);  // says why, never repeats the file
    }
    // Larger than a state can be: refused before it is read.
    write(dir / "state.json", std::string((4 << 20) + 1, ' '));
    CHECK_FALSE(imgr::read_watch_state(dir).ok());
    // A symlink leading out of the folder.
    fs::remove(dir / "state.json");
    fs::create_symlink("/etc/passwd", dir / "state.json");
    imgr::WatchStateRead linked = imgr::read_watch_state(dir);
    CHECK(linked.found);
    CHECK_FALSE(linked.ok());
    fs::remove_all(dir);
}

TEST_CASE("a saved row that names a file outside the folder loses that value only, said in the notice") {
    const fs::path dir = temp_folder("outside");
    OldApp old;
    REQUIRE(imgr::save_watch_state(old.engine, old.initial, {}, dir).ok());
    // Point the image cell outside the folder.
    const fs::path log = dir / "values" / "logs.jsonl";
    std::ifstream in(log);
    std::string row((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = row.find("photo/0.png");
    REQUIRE(at != std::string::npos);
    row.replace(at, 11, "../../../../etc/passwd");
    write(log, row);
    OldApp next;
    next.engine.set_from_program(2, imgr::ImageBuffer());  // the new build's photo: none yet
    const imgr::WatchStateRead read = imgr::read_watch_state(dir);
    REQUIRE(read.ok());
    const imgr::WatchRestore restored = imgr::restore_watch_values(next.engine, read.state, dir);
    CHECK(restored.restored == 3);
    CHECK(restored.dropped == 1);
    CHECK(restored.notice.find("\"photo\" (") != std::string::npos);
    const auto* photo = std::get_if<imgr::ImageBuffer>(&next.engine.component(2).spec.value);
    CHECK((!photo || photo->empty()));  // still none
    fs::remove_all(dir);
}
