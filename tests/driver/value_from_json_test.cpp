#include <doctest/doctest.h>
#include <imgr/driver/value_from_json.h>

using namespace imgr;

namespace {

const ChoiceProps kOperations{{"add", "subtract", "multiply", "divide"}};

Value ok(ComponentKind kind, const KindProps& props, const Json& json) {
    auto r = value_for_set(kind, props, json);
    if (auto* error = std::get_if<std::string>(&r)) FAIL_CHECK(*error);
    REQUIRE(std::holds_alternative<Value>(r));
    return std::get<Value>(r);
}

std::string error(ComponentKind kind, const KindProps& props, const Json& json) {
    auto r = value_for_set(kind, props, json);
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}

}  // namespace

TEST_CASE("Number and Slider take numbers, unclamped") {
    CHECK(ok(ComponentKind::Number, NumberProps{}, 5) == Value(5.0));
    CHECK(ok(ComponentKind::Number, NumberProps{}, -0.25) == Value(-0.25));
    CHECK(ok(ComponentKind::Slider, SliderProps{0, 1}, 7) == Value(7.0));  // the engine clamps, not the script
    CHECK(error(ComponentKind::Number, NumberProps{}, "5") == "Number needs a number, got \"5\"");
    CHECK(error(ComponentKind::Slider, SliderProps{}, true) == "Slider needs a number, got true");
    CHECK(error(ComponentKind::Number, NumberProps{}, nullptr) == "Number needs a number, got null");
}

TEST_CASE("Radio and single Dropdown take one of the choices") {
    CHECK(ok(ComponentKind::Radio, kOperations, "add") == Value(std::string("add")));
    CHECK(ok(ComponentKind::Dropdown, kOperations, "divide") == Value(std::string("divide")));
    CHECK(ok(ComponentKind::Dropdown, kOperations, nullptr) == Value(std::string()));  // nothing chosen
    CHECK(error(ComponentKind::Radio, kOperations, "Add") ==
          "\"Add\" is not one of the choices: \"add\", \"subtract\", \"multiply\", \"divide\"");
    CHECK(error(ComponentKind::Dropdown, kOperations, 1) ==
          "Dropdown needs one of its choices as a string (\"add\", \"subtract\", \"multiply\", \"divide\"), got 1");
    CHECK(error(ComponentKind::Radio, ChoiceProps{}, "x") == "\"x\" is not one of the choices: (it has none)");
}

TEST_CASE("CheckboxGroup and multiselect Dropdown take arrays of choices") {
    ChoiceProps multi = kOperations;
    multi.multiselect = true;
    CHECK(ok(ComponentKind::Dropdown, multi, Json({"divide", "add"})) == Value(StringList{"divide", "add"}));
    CHECK(ok(ComponentKind::CheckboxGroup, kOperations, Json::array()) == Value(StringList{}));
    CHECK(ok(ComponentKind::CheckboxGroup, kOperations, Json({"add"})) == Value(StringList{"add"}));
    CHECK(error(ComponentKind::CheckboxGroup, kOperations, Json({"add", "mod"})) ==
          "\"mod\" is not one of the choices: \"add\", \"subtract\", \"multiply\", \"divide\"");
    CHECK(error(ComponentKind::CheckboxGroup, kOperations, Json({"add", "add"})) == "\"add\" is listed twice");
    CHECK(error(ComponentKind::CheckboxGroup, kOperations, "add") == "CheckboxGroup needs an array of strings, got \"add\"");
    CHECK(error(ComponentKind::Dropdown, multi, Json({"add", 2})) == "Dropdown needs an array of strings, got [\"add\",2]");
}

TEST_CASE("Checkbox takes true or false") {
    CHECK(ok(ComponentKind::Checkbox, {}, true) == Value(true));
    CHECK(ok(ComponentKind::Checkbox, {}, false) == Value(false));
    CHECK(error(ComponentKind::Checkbox, {}, 1) == "Checkbox needs true or false, got 1");
    CHECK(error(ComponentKind::Checkbox, {}, "true") == "Checkbox needs true or false, got \"true\"");
}

TEST_CASE("Textbox and Markdown take strings") {
    CHECK(ok(ComponentKind::Textbox, TextboxProps{}, "two\nlines 你好") == Value(std::string("two\nlines 你好")));
    CHECK(ok(ComponentKind::Markdown, {}, "# Title") == Value(std::string("# Title")));
    CHECK(error(ComponentKind::Textbox, TextboxProps{}, 12) == "Textbox needs a string, got 12");
    CHECK(error(ComponentKind::Markdown, {}, Json({"a"})) == "Markdown needs a string, got [\"a\"]");
}

TEST_CASE("ColorPicker takes #rrggbb") {
    CHECK(ok(ComponentKind::ColorPicker, {}, "#ff0000") == Value(Color{1, 0, 0, 1}));
    CHECK(ok(ComponentKind::ColorPicker, {}, "#00FF0080") == Value(Color{0, 1, 0, 128 / 255.0f}));
    CHECK(error(ComponentKind::ColorPicker, {}, "red") == "ColorPicker needs a colour \"#rrggbb\", got \"red\"");
    CHECK(error(ComponentKind::ColorPicker, {}, 0xff0000) == "ColorPicker needs a colour \"#rrggbb\", got 16711680");
}

TEST_CASE("a JSON component takes any JSON as it is") {
    const Json object = Json::parse(R"({"a": [1, "b", null]})");
    CHECK(ok(ComponentKind::Json, {}, object) == Value(std::in_place_type<Json>, object));
    CHECK(ok(ComponentKind::Json, {}, nullptr) == Value(std::in_place_type<Json>, nullptr));
    CHECK(std::holds_alternative<Json>(ok(ComponentKind::Json, {}, "text")));
}

TEST_CASE("images are uploaded, outputs and buttons are not settable") {
    CHECK(error(ComponentKind::Image, ImageProps{}, "cat.png") == "use upload for images");
    CHECK(error(ComponentKind::Button, ButtonProps{}, true) == "Button is not settable: use click");
    CHECK(error(ComponentKind::Label, LabelProps{}, "cat") == "Label is not settable: it shows what handlers return");
    CHECK(error(ComponentKind::Plot, PlotProps{}, Json::object()) == "Plot is not settable: it shows what handlers return");
    CHECK(error(ComponentKind::Dataframe, {}, Json::array()) ==
          "Dataframe is not settable: it shows what handlers return");
}
