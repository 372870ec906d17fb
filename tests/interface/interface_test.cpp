// Interface and flagging together, without a window: the seed's demos built
// as the samples build them, driven through the engine, files checked exactly.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/json_logger.h>
#include <imgr/model/image_io.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

double calculator(double num1, const std::string& operation, double num2) {
    if (operation == "add") return num1 + num2;
    if (operation == "subtract") return num1 - num2;
    if (operation == "multiply") return num1 * num2;
    if (operation == "divide") return num1 / num2;
    throw imgr::Error("Choose an operation first");
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_interface_test_" + name);
    fs::remove_all(dir);
    return dir;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void settle(imgr::Engine& engine) {
    for (int i = 0; i < 5000 && !engine.idle(); ++i) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    engine.poll();
    REQUIRE(engine.idle());
}

imgr::ComponentId by_label(imgr::Blocks& demo, const std::string& label) {
    auto found = demo.engine().find_by_label(label);
    REQUIRE_MESSAGE(found.size() == 1, label);
    return found[0];
}

const std::regex kTimestamp(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})");

}  // namespace

TEST_CASE("calculator: submit, then Flag writes the seed's row") {
    const fs::path dir = fresh_dir("calculator");
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}),
                          imgr::Number("num2")},
                         imgr::Number(), {.flagging_dir = dir.string()});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(by_label(demo, "num1"), 5.0);
    engine.set_from_user(by_label(demo, "operation"), std::string("add"));
    engine.set_from_user(by_label(demo, "num2"), 7.0);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<double>(engine.component(by_label(demo, "Output")).spec.value) == 12.0);
    CHECK_FALSE(engine.interactive(by_label(demo, "Output")));
    CHECK(engine.interactive(by_label(demo, "Flag")));

    const imgr::ComponentId flag = by_label(demo, "Flag");
    engine.fire(flag, imgr::Event::Click);
    settle(engine);
    CHECK(std::get<std::string>(engine.component(flag).spec.value) == "Saved (1)");
    const std::string csv = read(dir / "logs.csv");
    const auto rows = imgr::parse_csv(csv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == imgr::CsvRow{"num1", "operation", "num2", "Output", "timestamp"});
    CHECK(std::vector<std::string>(rows[1].begin(), rows[1].end() - 1) ==
          std::vector<std::string>{"5", "add", "7", "12"});
    CHECK(std::regex_match(rows[1].back(), kTimestamp));
}

TEST_CASE("calculator_options: one button per option and a flag column") {
    const fs::path dir = fresh_dir("options");
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}),
                          imgr::Number("num2")},
                         imgr::Number(),
                         {.flagging_options = {"wrong sign", "off by one", "other"}, .flagging_dir = dir.string()});
    imgr::Engine& engine = demo.engine();
    CHECK(engine.find_by_label("Flag").empty());
    engine.set_from_user(by_label(demo, "num1"), 5.0);
    engine.set_from_user(by_label(demo, "operation"), std::string("subtract"));
    engine.set_from_user(by_label(demo, "num2"), 7.0);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    engine.fire(by_label(demo, "Flag as wrong sign"), imgr::Event::Click);
    settle(engine);
    engine.fire(by_label(demo, "Flag as other"), imgr::Event::Click);
    settle(engine);
    const auto rows = imgr::parse_csv(read(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == imgr::CsvRow{"num1", "operation", "num2", "Output", "flag", "timestamp"});
    CHECK(rows[1][3] == "-2");
    CHECK(rows[1][4] == "wrong sign");
    CHECK(rows[2][4] == "other");
    // A (label, value) option: the button shows the label, the column the value.
    const fs::path dir2 = fresh_dir("pairs");
    imgr::Interface pairs(calculator,
                          {imgr::Number("num1"), imgr::Radio("operation", {"add"}), imgr::Number("num2")},
                          imgr::Number(), {.flagging_options = {{"Looks wrong", "wrong"}}, .flagging_dir = dir2.string()});
    pairs.engine().fire(by_label(pairs, "Flag as Looks wrong"), imgr::Event::Click);
    settle(pairs.engine());
    CHECK(imgr::parse_csv(read(dir2 / "logs.csv"))[1][4] == "wrong");
}

TEST_CASE("auto mode: every successful run is flagged, failures are not, and no button is shown") {
    const fs::path dir = fresh_dir("auto");
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}),
                          imgr::Number("num2")},
                         imgr::Number(), {.flagging_mode = imgr::FlaggingMode::Auto, .flagging_dir = dir.string()});
    imgr::Engine& engine = demo.engine();
    CHECK(engine.find_by_label("Flag").empty());
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);  // no operation chosen: fails
    settle(engine);
    CHECK_FALSE(fs::exists(dir / "logs.csv"));
    engine.set_from_user(by_label(demo, "operation"), std::string("add"));
    engine.set_from_user(by_label(demo, "num1"), 1.0);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    engine.set_from_user(by_label(demo, "num2"), 2.0);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    const auto rows = imgr::parse_csv(read(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][3] == "1");
    CHECK(rows[2][3] == "3");
}

TEST_CASE("never mode: no button and nothing written") {
    const fs::path dir = fresh_dir("never");
    imgr::Interface demo(calculator, {imgr::Number("a"), imgr::Radio("operation", {"add"}), imgr::Number("b")},
                         imgr::Number(), {.flagging_mode = imgr::FlaggingMode::Never, .flagging_dir = dir.string()});
    CHECK(demo.engine().find_by_label("Flag").empty());
    demo.engine().fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(demo.engine());
    CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("live: no Submit, every input change runs the function") {
    imgr::Interface demo([](double x) { return x * x; }, {imgr::Number("x")}, imgr::Number(),
                         {.live = true, .flagging_mode = imgr::FlaggingMode::Never});
    CHECK(demo.engine().find_by_label("Submit").empty());
    demo.engine().set_from_user(by_label(demo, "x"), 3.0);
    settle(demo.engine());
    CHECK(std::get<double>(demo.engine().component(by_label(demo, "Output")).spec.value) == 9.0);
}

TEST_CASE("several outputs are named Output 1, Output 2 - Clear resets inputs and outputs") {
    imgr::Interface demo([](double x) { return std::tuple{x + 1, x + 2}; }, {imgr::Number("x", 1)},
                         {imgr::Number(), imgr::Number()}, {.flagging_mode = imgr::FlaggingMode::Never});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(by_label(demo, "x"), 5.0);
    engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<double>(engine.component(by_label(demo, "Output 1")).spec.value) == 6.0);
    CHECK(std::get<double>(engine.component(by_label(demo, "Output 2")).spec.value) == 7.0);
    engine.fire(by_label(demo, "Clear"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<double>(engine.component(by_label(demo, "x")).spec.value) == 1.0);
    CHECK(std::get<double>(engine.component(by_label(demo, "Output 1")).spec.value) == 0.0);
}

TEST_CASE("an example fills the inputs") {
    imgr::Interface demo(calculator, {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract"}), imgr::Number("num2")},
                         imgr::Number(), {.examples = {{5, "add", 7}}, .flagging_mode = imgr::FlaggingMode::Never});
    demo.engine().fire(by_label(demo, "5, add, 7"), imgr::Event::Click);
    settle(demo.engine());
    CHECK(std::get<double>(demo.engine().component(by_label(demo, "num1")).spec.value) == 5.0);
    CHECK(std::get<std::string>(demo.engine().component(by_label(demo, "operation")).spec.value) == "add");
}

TEST_CASE("JSONLogger: one JSON object per line, numbers as numbers") {
    const fs::path dir = fresh_dir("jsonl");
    imgr::Interface demo([](const std::string& s) { return (double)s.size(); }, {imgr::Textbox("text")}, imgr::Number("length"),
                         {.flagging_options = {"wrong"}, .flagging_dir = dir.string(),
                          .flagging_callback = std::make_shared<imgr::JSONLogger>()});
    demo.engine().set_from_user(by_label(demo, "text"), std::string("a \"quoted\", line\nbreak"));
    demo.engine().fire(by_label(demo, "Submit"), imgr::Event::Click);
    settle(demo.engine());
    demo.engine().fire(by_label(demo, "Flag as wrong"), imgr::Event::Click);
    settle(demo.engine());
    const std::string text = read(dir / "logs.jsonl");
    const auto record = imgr::Json::parse(text.substr(0, text.find('\n')));
    CHECK(record["text"] == "a \"quoted\", line\nbreak");
    CHECK(record["length"] == 22);
    CHECK(record["flag"] == "wrong");
    CHECK(record["timestamp"].is_string());
}

TEST_CASE("Blocks use it as the seed shows: setup with handles, flag with raw values from a click") {
    const fs::path dir = fresh_dir("blocks");
    imgr::Blocks demo;
    imgr::CSVLogger callback;
    auto image = demo.add(imgr::Image("Input image"));
    auto strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
    auto button = demo.add(imgr::Button("Flag"));
    callback.setup({image, strength}, dir.string());
    button.click([&](const imgr::Values& values) { callback.flag(values); }, {image, strength});
    std::vector<uint8_t> pixels = {255, 0, 0, 0, 255, 0};
    demo.engine().set_from_user(image.id(), imgr::ImageBuffer(2, 1, 3, pixels));
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    const auto rows = imgr::parse_csv(read(dir / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == imgr::CsvRow{"Input image", "strength", "timestamp"});
    CHECK(rows[1][0] == "Input image/0.png");
    CHECK(rows[2][0] == "Input image/1.png");
    CHECK(rows[1][1] == "0.5");
    CHECK(fs::file_size(dir / "Input image" / "0.png") > 0);
}

TEST_CASE("an unwritable flagging folder is a visible error on the button, and the app goes on") {
    const fs::path blocker = fresh_dir("unwritable");
    fs::create_directories(blocker.parent_path());
    std::ofstream(blocker.string()) << "a file where the folder should be";
    imgr::Interface demo([](double x) { return x; }, {imgr::Number("x")}, imgr::Number(),
                         {.flagging_dir = (blocker / "flags").string()});
    const imgr::ComponentId flag = by_label(demo, "Flag");
    demo.engine().fire(flag, imgr::Event::Click);
    settle(demo.engine());
    CHECK(std::get<std::string>(demo.engine().component(flag).spec.value) == "Not saved");
    auto messages = demo.engine().take_messages();
    REQUIRE_FALSE(messages.empty());
    CHECK(messages.back().text.find("not flagged") == 0);
    // Once the folder can be made, the kept row is written first.
    fs::remove(blocker);
    demo.engine().fire(flag, imgr::Event::Click);
    settle(demo.engine());
    CHECK(imgr::parse_csv(read(blocker / "flags" / "logs.csv")).size() == 3);
    fs::remove_all(blocker);
}

TEST_CASE("the Flagged panel lists flagged rows and loads one back into the inputs") {
    const fs::path dir = fresh_dir("flagged_panel");
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}),
                          imgr::Number("num2")},
                         imgr::Number(), {.flagging_dir = dir.string(), .show_flagged = true});
    imgr::Engine& engine = demo.engine();
    auto run_and_flag = [&](double a, const char* op, double b) {
        engine.set_from_user(by_label(demo, "num1"), a);
        engine.set_from_user(by_label(demo, "operation"), std::string(op));
        engine.set_from_user(by_label(demo, "num2"), b);
        engine.fire(by_label(demo, "Submit"), imgr::Event::Click);
        settle(engine);
        engine.fire(by_label(demo, "Flag"), imgr::Event::Click);
        settle(engine);
    };
    run_and_flag(5, "add", 7);
    run_and_flag(6, "subtract", 1.5);
    const auto& table = std::get<imgr::TableValue>(engine.component(by_label(demo, "Flagged samples")).spec.value);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.headers[0] == "num1");
    CHECK(table.rows[1][3] == "4.5");
    const imgr::ComponentId choice = by_label(demo, "Flagged sample");
    const auto& choices = std::get<imgr::ChoiceProps>(engine.component(choice).spec.props).choices;
    REQUIRE(choices.size() == 2);
    CHECK(choices[0] == "#1: 5, add, 7, 12");
    // The hard case reproduced in one click.
    engine.set_from_user(choice, choices[0]);
    engine.fire(by_label(demo, "Load into the demo"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<double>(engine.component(by_label(demo, "num1")).spec.value) == 5.0);
    CHECK(std::get<std::string>(engine.component(by_label(demo, "operation")).spec.value) == "add");
    CHECK(std::get<double>(engine.component(by_label(demo, "num2")).spec.value) == 7.0);
}

TEST_CASE("the Flagged panel shows the chosen row's image as a thumbnail") {
    const fs::path dir = fresh_dir("flagged_thumbnail");
    imgr::Interface demo([](const imgr::ImageBuffer& image) { return (double)image.width(); }, {imgr::Image("picture")},
                         imgr::Number("width"), {.flagging_dir = dir.string(), .show_flagged = true});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(by_label(demo, "picture"), imgr::ImageBuffer(3, 2, 3, std::vector<uint8_t>(18, 200)));
    engine.fire(by_label(demo, "Flag"), imgr::Event::Click);
    settle(engine);
    const imgr::ComponentId choice = by_label(demo, "Flagged sample");
    const auto choices = std::get<imgr::ChoiceProps>(engine.component(choice).spec.props).choices;
    REQUIRE(choices.size() == 1);
    engine.set_from_user(choice, choices[0]);
    settle(engine);
    const auto& thumbnail = std::get<imgr::ImageBuffer>(engine.component(by_label(demo, "Flagged image")).spec.value);
    CHECK(thumbnail.width() == 3);
    CHECK(thumbnail.height() == 2);
    CHECK(thumbnail.sample(1, 1, 0) == 200);
}

TEST_CASE("a burst of flags of large images is written off the UI thread while frames keep coming") {
    const fs::path dir = fresh_dir("burst");
    imgr::Interface demo([](const imgr::ImageBuffer& image) { return (double)image.width(); }, {imgr::Image("picture")},
                         imgr::Number("width"), {.flagging_dir = dir.string()});
    imgr::Engine& engine = demo.engine();
    imgr::ImageBuffer large(1920, 1080, 3);
    uint8_t* pixels = large.mutable_u8();
    for (size_t i = 0; i < large.pixel_count() * 3; ++i) pixels[i] = (uint8_t)(i * 31);
    const imgr::ComponentId flag = by_label(demo, "Flag");
    constexpr int kFlags = 12;
    for (int i = 0; i < kFlags; ++i) {
        large.mutable_u8()[0] = (uint8_t)i;  // a new sample each time: a repeated one is not saved twice
        engine.set_from_user(by_label(demo, "picture"), large);
        engine.fire(flag, imgr::Event::Click);  // queued: none dropped
    }
    // The "UI thread": polls as a frame would, never blocked by the writes.
    int frames = 0;
    while (!engine.idle() && frames < 200000) {
        engine.poll();  // applies finished rows; the writing itself happens on workers
        ++frames;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(engine.idle());
    CHECK(frames > kFlags);  // frames kept coming while rows were written
    const auto rows = imgr::parse_csv(read(dir / "logs.csv"));
    CHECK(rows.size() == kFlags + 1);
    for (int i = 0; i < kFlags; ++i) CHECK(fs::exists(dir / "picture" / (std::to_string(i) + ".png")));
    CHECK(std::get<std::string>(engine.component(flag).spec.value) == "Saved (" + std::to_string(kFlags) + ")");
}

TEST_CASE("Blocks flag_button: Saving… then Saved (N) on the button, rows in the app's --flagging-dir") {
    const fs::path dir = fresh_dir("flag_button");
    imgr::Blocks demo;
    imgr::CSVLogger callback;
    auto text = demo.add(imgr::Textbox("text"));
    auto button = demo.add(imgr::Button("Flag"));
    callback.setup({text}, (dir / "requested").string());
    demo.flag_button(button, callback, {text});
    imgr::BlocksAccess::flagging_dir_override(demo)->set((dir / "given").string());  // as launch() does with --flagging-dir
    for (const char* value : {"one", "two"}) {
        demo.engine().set_from_user(text.id(), std::string(value));
        demo.engine().fire(button.id(), imgr::Event::Click);
        CHECK(demo.engine().busy(button.id()));  // the button shows its busy text, "Saving…"
        settle(demo.engine());
    }
    CHECK(std::get<std::string>(demo.engine().component(button.id()).spec.value) == "Saved (2)");
    const auto rows = imgr::parse_csv(read(dir / "given" / "logs.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "one");
    CHECK(rows[2][0] == "two");
    CHECK_FALSE(fs::exists(dir / "requested"));
}

TEST_CASE("image examples: paths relative to examples_dir, shown as a thumbnail and the file name, loaded on click") {
    const fs::path dir = fresh_dir("examples");
    fs::create_directories(dir);
    const imgr::ImageBuffer card(2, 1, 3, std::vector<uint8_t>{255, 0, 0, 0, 255, 0});
    REQUIRE(imgr::save_png((dir / "card.png").string(), card).ok());
    auto size_of = [](const imgr::ImageBuffer& image) { return (double)image.width(); };
    imgr::Interface demo(size_of, {imgr::Image("image")}, imgr::Number("width"),
                         {.examples = {{"card.png"}, {"missing.png"}}, .examples_dir = dir.string(),
                          .flagging_mode = imgr::FlaggingMode::Never});
    imgr::Engine& engine = demo.engine();
    // The button says which file, not where it is; the thumbnail shows the picture.
    const imgr::ComponentId thumbnail = by_label(demo, "Example 1");
    CHECK(std::get<imgr::ImageBuffer>(engine.component(thumbnail).spec.value) == card);
    CHECK_FALSE(engine.interactive(thumbnail));
    CHECK(engine.find_by_label("Example 2").empty());  // a file that cannot be read has no thumbnail
    engine.fire(by_label(demo, "card.png"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<imgr::ImageBuffer>(engine.component(demo.inputs()[0]).spec.value) == card);
    // Loading is relative to examples_dir, whatever the working directory is.
    engine.fire(by_label(demo, "missing.png"), imgr::Event::Click);
    settle(engine);
    const auto messages = engine.take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text.find("cannot load the example image: cannot open '" + (dir / "missing.png").string() + "'") ==
          0);
    fs::remove_all(dir);
}

TEST_CASE("image examples without examples_dir are relative to the executable's folder, not the working directory") {
    const fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
    auto size_of = [](const imgr::ImageBuffer& image) { return (double)image.width(); };
    imgr::Interface demo(size_of, {imgr::Image("image")}, imgr::Number("width"),
                         {.examples = {{"no_such_example.png"}}, .flagging_mode = imgr::FlaggingMode::Never});
    demo.engine().fire(by_label(demo, "no_such_example.png"), imgr::Event::Click);
    settle(demo.engine());
    const auto messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text.find((exe_dir / "no_such_example.png").string()) != std::string::npos);
}
