// Components and values as data: defaults, clamping, conversions.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>

#include <cmath>
#include <imgr/engine/app/blocks.h>
#include <imgr/model/decimal_step.h>

TEST_CASE("numbers are formatted in shortest round-trip form") {
    CHECK(imgr::format_number(12) == "12");
    CHECK(imgr::format_number(4.5) == "4.5");
    CHECK(imgr::format_number(-0.25) == "-0.25");
    CHECK(imgr::format_number(0.1 + 0.2) == "0.30000000000000004");
    CHECK(imgr::format_number(1e21) == "1e+21");
    CHECK(imgr::format_number(-0.0) == "0");
}

TEST_CASE("cells: strings verbatim, booleans as words, structures as compact JSON") {
    CHECK(imgr::to_cell(imgr::Value(std::string("a,b"))) == "a,b");
    CHECK(imgr::to_cell(imgr::Value(true)) == "true");
    CHECK(imgr::to_cell(imgr::Value(imgr::StringList{"a", "b"})) == R"(["a","b"])");
    CHECK(imgr::to_cell(imgr::Value(imgr::Color{1, 0, 0, 1})) == "#ff0000");
    imgr::LabelValue label({{"cat", 0.75}, {"dog", 0.25}});
    CHECK(imgr::to_cell(imgr::Value(label)) ==
          R"({"confidences":[{"confidence":0.75,"label":"cat"},{"confidence":0.25,"label":"dog"}],"label":"cat"})");
}

TEST_CASE("a Label's JSON names the top class it shows, as Gradio's does") {
    // Not listed first, so the test fails if the first class were taken instead of the highest.
    imgr::LabelValue scores({{"bright", 0.2}, {"dark", 0.5}, {"colorful", 0.3}});
    CHECK(imgr::top_class(scores) == "dark");
    CHECK(imgr::to_json(imgr::Value(scores))["label"] == "dark");
    scores.label = "overridden";  // an explicit label is what the window shows large
    CHECK(imgr::to_json(imgr::Value(scores))["label"] == "overridden");
    CHECK(imgr::top_class(imgr::LabelValue({{"a", std::nan("")}, {"b", 0.1}})) == "b");  // NaN is never the top
    CHECK(imgr::top_class(imgr::LabelValue({{"tie 1", 0.5}, {"tie 2", 0.5}})) == "tie 1");
    CHECK(imgr::top_class(imgr::LabelValue()) == "");
}

TEST_CASE("a Number clamps to its range and keeps its precision") {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n").minimum(0).maximum(10).precision(1));
    demo.engine().set_from_user(n.id(), 12.0);
    CHECK(n.value() == 10.0);
    demo.engine().set_from_user(n.id(), -3.0);
    CHECK(n.value() == 0.0);
    demo.engine().set_from_user(n.id(), 3.14159);
    CHECK(n.value() == doctest::Approx(3.1));
}

TEST_CASE("a Slider snaps to its step within its range") {
    imgr::Blocks demo;
    auto s = demo.add(imgr::Slider("s", 0, 1, 0.5).step(0.25));
    demo.engine().set_from_user(s.id(), 0.6);
    CHECK(s.value() == 0.5);
    demo.engine().set_from_user(s.id(), 7.0);
    CHECK(s.value() == 1.0);
}

TEST_CASE("snapping to a step is decimal: 3 steps of 0.1 are 0.3, not 0.30000000000000004") {
    CHECK(3 * 0.1 != 0.3);  // the binary arithmetic this replaces
    CHECK(imgr::snap_to_step(2.53, 0, 0.1) == 2.5);
    CHECK(imgr::format_number(imgr::snap_to_step(0.7, 0, 0.1)) == "0.7");
    CHECK(imgr::format_number(imgr::snap_to_step(0.3, 0, 0.1)) == "0.3");
    CHECK(imgr::format_number(imgr::snap_to_step(1.26, 0.05, 0.1)) == "1.25");  // from the origin, in its decimals
    CHECK(imgr::format_number(imgr::snap_to_step(-3.14159, -10, 0.01)) == "-3.14");
    CHECK(imgr::snap_to_step(7.4, 0, 5) == 5.0);
    CHECK(imgr::snap_to_step(1.0 / 3, 0, 0) == 1.0 / 3);  // no step: as it is
    CHECK(imgr::decimal_places(0.25) == 2);
    CHECK(imgr::decimal_places(1e-05) == 5);
    CHECK(imgr::decimal_places(1.5e-07) == 8);
    CHECK(imgr::decimal_places(1200) == 0);
    // Every value of a 0.1 slider over 0..10 reads as it is written.
    for (int k = 0; k <= 100; ++k) {
        const std::string shown = imgr::format_number(imgr::snap_to_step(k * 0.1 + 0.01, 0, 0.1));
        CAPTURE(k);
        CHECK(shown.size() <= 4);
    }
}

TEST_CASE("a Slider with step 0.1 hands handlers and flags the value a person reads") {
    imgr::Blocks demo;
    auto s = demo.add(imgr::Slider("s", 0, 5, 0).step(0.1));
    demo.engine().set_from_user(s.id(), 0.3);  // 3 steps: 3 * 0.1 in binary is 0.30000000000000004
    CHECK(imgr::to_cell(imgr::Value(s.value())) == "0.3");
    demo.engine().set_from_user(s.id(), 0.7000000000000001);  // 7 * 0.1 in binary
    CHECK(imgr::to_json(imgr::Value(s.value())).dump() == "0.7");
    demo.engine().set_from_user(s.id(), 2.5000000000000004);
    CHECK(imgr::to_cell(imgr::Value(s.value())) == "2.5");
}

TEST_CASE("a value of the wrong type is refused with a message") {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n", 2));
    CHECK_FALSE(demo.engine().set_from_user(n.id(), std::string("two")));
    CHECK(n.value() == 2.0);
    auto messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text == "a Number 'n' cannot take the value \"two\"");
}

TEST_CASE("components are found by label, buttons by their text") {
    imgr::Blocks demo;
    demo.add(imgr::Number("num1"));
    auto submit = demo.add(imgr::Button("Submit"));
    demo.add(imgr::Number("twin"));
    demo.add(imgr::Textbox("twin"));
    CHECK(demo.engine().find_by_label("Submit") == std::vector<imgr::ComponentId>{submit.id()});
    CHECK(demo.engine().find_by_label("twin").size() == 2);
    CHECK(demo.engine().find_by_label("nothing").empty());
}

TEST_CASE("interactive by default when an input, or when no event writes it") {
    imgr::Blocks demo;
    auto in = demo.add(imgr::Number("in"));
    auto out = demo.add(imgr::Number("out"));
    auto lone = demo.add(imgr::Number("lone"));
    auto forced = demo.add(imgr::Number("forced").interactive(true));
    in.change([](double x) { return x; }, {in}, out);
    in.change([](double x) { return x; }, {in}, forced);
    CHECK(demo.engine().interactive(in.id()));
    CHECK_FALSE(demo.engine().interactive(out.id()));
    CHECK(demo.engine().interactive(lone.id()));
    CHECK(demo.engine().interactive(forced.id()));
}

TEST_CASE("the layout records rows, columns, tabs and accordions in order") {
    imgr::Blocks demo;
    demo.row({.equal_height = true}, [&] {
        demo.column({.scale = 2}, [&] { demo.add(imgr::Number("a")); });
        demo.add(imgr::Number("b"));
    });
    demo.tabs([&] { demo.tab("first", [&] { demo.accordion("more", [&] { demo.add(imgr::Number("c")); }, false); }); });
    const imgr::Layout& layout = imgr::BlocksAccess::layout(demo);
    const auto& root = layout.node(layout.root());
    REQUIRE(root.children.size() == 2);
    const auto& row = layout.node(root.children[0]);
    CHECK(row.type == imgr::NodeType::Row);
    CHECK(row.equal_height);
    REQUIRE(row.children.size() == 2);
    CHECK(layout.node(row.children[0]).type == imgr::NodeType::Column);
    CHECK(layout.node(row.children[0]).scale == 2);
    CHECK(layout.node(row.children[1]).type == imgr::NodeType::Component);
    const auto& tab = layout.node(layout.node(root.children[1]).children[0]);
    CHECK(tab.label == "first");
    const auto& accordion = layout.node(tab.children[0]);
    CHECK(accordion.type == imgr::NodeType::Accordion);
    CHECK_FALSE(accordion.open);
}

TEST_CASE("images share their pixels until written") {
    imgr::ImageBuffer a(2, 2, 3);
    imgr::ImageBuffer b = a;
    CHECK(a.same_pixels(b));
    b.mutable_u8()[0] = 9;
    CHECK_FALSE(a.same_pixels(b));
    CHECK(a.u8()[0] == 0);
    CHECK(a.version() != b.version());
}
