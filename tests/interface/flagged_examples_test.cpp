// A flagging folder as examples (issue 12 §2): folders written by the real
// loggers, read back as example rows, shown with thumbnails and the flag
// option, loaded into the inputs by a click, for an Interface and for Blocks.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flagged_examples.h>
#include <imgr/engine/flagging/json_logger.h>

#include "support/settle.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using imgr::ComponentKind;
using imgr_test::settle;

namespace {

double calculator(double num1, const std::string& operation, double num2) {
    return operation == "add" ? num1 + num2 : num1 - num2;
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_flagged_examples_test_" + name);
    fs::remove_all(dir);
    return dir;
}

const std::vector<imgr::FlagField> kCalculator = {{"num1", ComponentKind::Number},
                                                  {"operation", ComponentKind::Radio},
                                                  {"num2", ComponentKind::Number},
                                                  {"Output", ComponentKind::Number}};

imgr::ImageBuffer gradient(int width, int height, uint8_t blue) {
    imgr::ImageBuffer image(width, height, 3);
    uint8_t* p = image.mutable_u8();
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            p[((size_t)y * width + x) * 3 + 0] = (uint8_t)(x * 255 / width);
            p[((size_t)y * width + x) * 3 + 1] = (uint8_t)(y * 255 / height);
            p[((size_t)y * width + x) * 3 + 2] = blue;
        }
    return image;
}

imgr::ComponentId by_label(imgr::Blocks& demo, const std::string& label) {
    auto found = demo.engine().find_by_label(label);
    REQUIRE_MESSAGE(found.size() == 1, label);
    return found[0];
}

// The Markdown texts after the examples' heading: the flag cells, in order.
std::vector<std::string> markdown_texts(imgr::Blocks& demo) {
    std::vector<std::string> texts;
    for (size_t i = 0; i < demo.engine().component_count(); ++i) {
        const imgr::ComponentSpec& spec = demo.engine().component((imgr::ComponentId)i).spec;
        if (spec.kind != ComponentKind::Markdown) continue;
        const std::string& text = std::get<std::string>(spec.value);
        if (!text.starts_with("**Examples**")) texts.push_back(text);
    }
    return texts;
}

}  // namespace

TEST_CASE("flagged examples: rows of every log file, with or without the optional columns, bad rows skipped and named") {
    const fs::path dir = fresh_dir("reader");
    {
        imgr::CSVLogger rich;  // notes, corrections and options: the new columns sit between the inputs and the flag
        rich.setup(kCalculator, dir.string(), {.flag_column = true, .note_column = true, .corrected_fields = {3}});
        rich.flag_row({{5.0, std::string("subtract"), 7.0, -2.0}, "wrong sign", "a note", {}});
        imgr::CSVLogger plain;  // the seed's columns, in logs_1.csv
        plain.setup(kCalculator, dir.string());
        plain.flag({1.0, std::string("add"), 2.0, 3.0});
        imgr::JSONLogger json;
        json.setup(kCalculator, dir.string(), {.flag_column = true});
        json.flag({4.0, std::string("add"), 0.5, 4.5}, "other");
    }
    std::ofstream(dir / "logs_2.csv") << "x,y,timestamp\n1,2,2026-01-01 00:00:00.000000\n";  // other columns
    std::ofstream(dir / "logs_1.csv", std::ios::app) << "oops,add,2,3,2026-01-01 00:00:00.000000\n";  // not a number
    const std::vector<imgr::ExampleInput> inputs = {{"num1", ComponentKind::Number, imgr::NumberProps{}},
                                                    {"operation", ComponentKind::Radio, imgr::ChoiceProps{{"add", "subtract"}}},
                                                    {"num2", ComponentKind::Number, imgr::NumberProps{}}};
    const imgr::FlaggedExamples examples = imgr::read_flagged_examples(dir, inputs);
    REQUIRE(examples.rows.size() == 3);
    CHECK(examples.has_flag_column);
    CHECK(examples.rows[0].values == std::vector<imgr::Value>{5.0, std::string("subtract"), 7.0});
    CHECK(examples.rows[0].flag == "wrong sign");
    CHECK(examples.rows[0].source == "logs.csv:2");
    CHECK(examples.rows[1].values == std::vector<imgr::Value>{1.0, std::string("add"), 2.0});
    CHECK(examples.rows[1].flag.empty());
    CHECK(examples.rows[2].values == std::vector<imgr::Value>{4.0, std::string("add"), 0.5});
    CHECK(examples.rows[2].flag == "other");
    REQUIRE(examples.problems.size() == 2);
    CHECK(examples.problems[0].starts_with("logs_1.csv:3: "));
    CHECK(examples.problems[1] == "logs_2.csv: no column 'num1'; its rows are skipped");

    const imgr::FlaggedExamples none = imgr::read_flagged_examples(dir / "absent", inputs);
    CHECK(none.rows.empty());
    REQUIRE(none.problems.size() == 1);
    CHECK(none.problems[0].find("no flagged data") != std::string::npos);
}

TEST_CASE("flagged examples: an Interface's examples_from_flagged lists the rows with their flag and loads one on click") {
    const fs::path dir = fresh_dir("interface");
    imgr::CSVLogger logger;
    logger.setup(kCalculator, dir.string(), {.flag_column = true});
    logger.flag({5.0, std::string("subtract"), 7.0, -2.0}, "wrong sign");
    logger.flag({6.0, std::string("add"), 1.5, 7.5}, "off by one");
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract"}), imgr::Number("num2")},
                         imgr::Number(), {.flagging_mode = imgr::FlaggingMode::Never, .examples_from_flagged = dir.string()});
    imgr::Engine& engine = demo.engine();
    CHECK(markdown_texts(demo) == std::vector<std::string>{"*wrong sign*", "*off by one*"});  // the flag column
    engine.fire(by_label(demo, "6, add, 1.5"), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<double>(engine.component(by_label(demo, "num1")).spec.value) == 6.0);
    CHECK(std::get<std::string>(engine.component(by_label(demo, "operation")).spec.value) == "add");
    CHECK(std::get<double>(engine.component(by_label(demo, "num2")).spec.value) == 1.5);
}

TEST_CASE("flagged examples: Blocks show images as small thumbnails and load the full image on click") {
    const fs::path dir = fresh_dir("blocks");
    const imgr::ImageBuffer large = gradient(640, 480, 40);
    {
        imgr::JSONLogger logger;
        logger.setup({{"Input image", ComponentKind::Image}, {"strength", ComponentKind::Slider},
                      {"Output image", ComponentKind::Image}},
                     dir.string());
        logger.flag({large, 0.25, gradient(8, 8, 0)});
    }
    imgr::Blocks demo("Sepia");
    auto image = demo.add(imgr::Image("Input image"));
    auto strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
    demo.flagged_examples(dir.string(), {image, strength});
    const imgr::ComponentId thumbnail = by_label(demo, "Example from logs.jsonl:1");
    const auto& small = std::get<imgr::ImageBuffer>(demo.engine().component(thumbnail).spec.value);
    CHECK(small.width() == 96);  // the long side, scaled down with the aspect kept
    CHECK(small.height() == 72);
    CHECK(small.sample(95, 0, 0) > 200);  // the gradient's right edge is red
    demo.engine().fire(by_label(demo, "0.png, 0.25"), imgr::Event::Click);
    settle(demo.engine());
    CHECK(image.value() == large);
    CHECK(strength.value() == 0.25);
}

TEST_CASE("flagged examples: an ImageEditor's row shows its composite and loads its strokes back on click") {
    const fs::path dir = fresh_dir("editor");
    imgr::ImageEditorValue painted = imgr::editor_value(gradient(200, 100, 40));
    uint8_t* layer = painted.layers[0].mutable_u8();
    for (int x = 0; x < 200; ++x) layer[(50 * 200 + x) * 4 + 1] = 255, layer[(50 * 200 + x) * 4 + 3] = 255;  // a green line
    painted.composite = imgr::composite_of(painted.background, painted.layers);
    {
        imgr::CSVLogger logger;
        logger.setup({{"Scribbles", ComponentKind::ImageEditor}}, dir.string());
        logger.flag({painted});
    }
    imgr::Blocks demo("Editor");
    auto editor = demo.add(imgr::ImageEditor("Scribbles"));
    demo.flagged_examples(dir.string(), {editor});
    const imgr::ComponentId thumbnail = by_label(demo, "Example from logs.csv:2");
    const auto& small = std::get<imgr::ImageBuffer>(demo.engine().component(thumbnail).spec.value);
    CHECK(small.width() == 96);
    CHECK(small.sample(40, 24, 1) == 255);  // the line, from the composite
    demo.engine().fire(by_label(demo, "0.png"), imgr::Event::Click);
    settle(demo.engine());
    CHECK(editor.value().background == painted.background);
    CHECK(editor.value().layers == painted.layers);
}

TEST_CASE("flagged examples: a huge log is not parsed to show its first rows, and a hostile one is refused per row") {
    const fs::path dir = fresh_dir("huge");
    fs::create_directories(dir);
    {
        std::ofstream csv(dir / "logs.csv");
        csv << "\xEF\xBB\xBFnum1,operation,num2,Output,timestamp\n";  // a BOM, as a spreadsheet saves it
        csv << "1,multiply,2,3,t\n";                                  // not one of the Radio's choices
        for (int i = 0; i < 5000; ++i) csv << i << ",add,1," << i + 1 << ",t\n";
    }
    const std::vector<imgr::ExampleInput> inputs = {{"num1", ComponentKind::Number, imgr::NumberProps{}},
                                                    {"operation", ComponentKind::Radio, imgr::ChoiceProps{{"add", "subtract"}}},
                                                    {"num2", ComponentKind::Number, imgr::NumberProps{}}};
    const imgr::FlaggedExamples examples = imgr::read_flagged_examples(dir, inputs, 10);
    REQUIRE(examples.rows.size() == 10);
    CHECK(examples.rows[0].values == std::vector<imgr::Value>{0.0, std::string("add"), 1.0});
    CHECK(examples.rows[0].source == "logs.csv:3");
    REQUIRE(examples.problems.size() == 2);
    CHECK(examples.problems[0].starts_with("logs.csv:2: "));
    CHECK(examples.problems[0].find("'multiply' is not a value a Radio can take") != std::string::npos);
    CHECK(examples.problems[1] == "only the first 10 flagged rows are shown");
}
