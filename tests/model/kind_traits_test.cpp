// The per-kind units (model/kinds/): every core kind is registered once with
// every answer; a media kind without its module answers with the message that
// names the module; and a script's `expect` gives the verdict replay's
// comparison gives on the same two values (one comparison, two callers).
#include <doctest/doctest.h>
#include <imgr/model/kind_files.h>
#include <imgr/model/kinds/compare.h>

#include <cmath>
#include <limits>

using namespace imgr;

namespace {

bool is_module_kind(ComponentKind kind) { return module_kind_name(kind) != nullptr; }

std::optional<std::string> expect(const Value& actual, const Json& expected) {
    const KindTraits* traits = value_traits(actual);
    REQUIRE(traits != nullptr);
    return traits->expect(actual, expected, CompareOptions{});
}

}  // namespace

TEST_CASE("every core ComponentKind has its traits registered, and each value type leads back to a kind") {
    for (size_t i = 0; i < kComponentKindCount; ++i) {
        const auto kind = (ComponentKind)i;
        CAPTURE(i);
        if (is_module_kind(kind)) continue;
        REQUIRE(has_kind_traits(kind));
        const KindTraits& traits = kind_traits(kind);
        CAPTURE(traits.name);
        REQUIRE(traits.name != nullptr);
        CHECK(std::string(kind_name(kind)) == traits.name);
        const bool answers_all = traits.default_value && traits.from_script && traits.compare && traits.expect;
        CHECK(answers_all);
        // A kind is flagged either as a cell (read back by from_cell) or as files.
        const bool read_as_cell = traits.from_cell != nullptr;
        CHECK(read_as_cell != is_file_kind(kind));
        const Value empty = default_value(kind, KindProps{});
        CHECK_FALSE(std::holds_alternative<std::monostate>(empty));
        CHECK(value_traits(empty) != nullptr);
        CHECK(compare_values(kind, empty, empty).same);
    }
    CHECK(std::string(kind_name(ComponentKind::Json)) == "JSON");
    CHECK(std::string(flag_file_extension(ComponentKind::ImageSlider)) == "_a.png");
    CHECK(std::string(flag_file_extension(ComponentKind::Gallery)).empty());
    CHECK(std::holds_alternative<StringList>(default_value(ComponentKind::Dropdown, ChoiceProps{{"a"}, true})));
    CHECK(std::get<double>(default_value(ComponentKind::Slider, SliderProps{2, 5, 1})) == 2);
}

TEST_CASE("without the media module its kinds answer with the message naming the module, never a crash") {
    // This program links the model only: the media module's registration is not in it.
    for (ComponentKind kind : {ComponentKind::Audio, ComponentKind::Video}) {
        CHECK_FALSE(has_kind_traits(kind));
        const std::string message = missing_module_message(kind);
        CHECK(message.find("imgr::media") != std::string::npos);
        CHECK(message.find(kind_name(kind)) == 0);
        const KindTraits& traits = kind_traits(kind);
        CHECK(std::get<std::string>(traits.from_script(kind, KindProps{}, Json("a.wav"))) == message);
        CHECK(std::get<std::string>(traits.from_cell(kind, KindProps{}, "a.wav")) == message);
        CHECK(compare_values(kind, Value(), Value()).detail == message);
        CHECK(traits.expect(Value(), Json(nullptr), CompareOptions{}) == message);
        CHECK_FALSE(is_file_kind(kind));  // nothing to write its files with
        CHECK(std::holds_alternative<std::monostate>(default_value(kind, KindProps{})));
    }
    CHECK(std::string(kind_name(ComponentKind::Audio)) == "Audio");
    CHECK(value_traits(Value(AudioBuffer{})) == nullptr);
    CHECK(compare_values(Value(AudioBuffer{}), Value(AudioBuffer{})).same);  // equal values, no kind to ask
}

TEST_CASE("a script's expect and replay give the same verdict on the same values") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    struct Case {
        Value flagged;   // what a script's JSON reads as
        Json json;       // the same, as a script writes it
        Value actual;
    };
    const std::vector<Case> cases = {
        {1.0, 1.0, 1.0 + 1e-12},
        {1.0, 1.0, 1.0 + 1e-8},
        {0.0, 0.0, -0.0},
        {nan, "nan", nan},
        {12.0, 12.0, nan},
        {std::string("cat"), "cat", std::string("cat")},
        {std::string("cat"), "cat", std::string("Cat")},
        {true, true, false},
        {StringList{"a", "b"}, Json{"a", "b"}, StringList{"a", "b"}},
        {StringList{"a", "b"}, Json{"a", "b"}, StringList{"b", "a"}},
        {Color{1, 0, 0, 1}, "#ff0000", Color{1, 0, 0, 1}},
        {Color{128 / 255.0f, 0, 0, 1}, "#800000", Color{0.502f, 0, 0, 1}},
        {Color{1, 0, 0, 1}, "#ff0000", Color{0, 0, 1, 1}},
        {Value(std::in_place_type<Json>, Json::parse(R"({"a":[1,2]})")), Json::parse(R"({"a":[1,2]})"),
         Value(std::in_place_type<Json>, Json::parse(R"({"a":[1,2.0000000000001]})"))},
        {Value(std::in_place_type<Json>, Json::parse(R"({"a":[1,2]})")), Json::parse(R"({"a":[1,2]})"),
         Value(std::in_place_type<Json>, Json::parse(R"({"a":[1,2],"b":0})"))},
        {TableValue{{"x"}, {{1}, {2}}}, Json::parse(R"({"headers":["x"],"data":[[1],[2]]})"), TableValue{{"x"}, {{1}, {2}}}},
        {TableValue{{"x"}, {{1}, {2}}}, Json::parse(R"({"headers":["x"],"data":[[1],[2]]})"), TableValue{{"x"}, {{1}, {3}}}},
        {LabelValue("cat"), "cat", LabelValue({{"cat", 0.9}, {"dog", 0.1}})},
        {LabelValue("cat"), "cat", LabelValue({{"dog", 0.9}, {"cat", 0.1}})},
    };
    for (const Case& c : cases) {
        CAPTURE(describe(c.flagged));
        CAPTURE(describe(c.actual));
        const bool replay_same = compare_values(c.flagged, c.actual).same;
        const bool expect_holds = !expect(c.actual, c.json).has_value();
        CHECK(replay_same == expect_holds);
    }
    // Each with its own tolerance: replay's options reach the same numbers expect checks.
    CHECK(compare_values(1.0, 1.0 + 1e-8, {.tolerance = 1e-6}).same);
    CHECK_FALSE(value_traits(Value(1.0))->expect(1.0 + 1e-8, 1.0, CompareOptions{}) == std::nullopt);
    CHECK(value_traits(Value(1.0))->expect(1.0 + 1e-8, 1.0, {.tolerance = 1e-6}) == std::nullopt);
}

TEST_CASE("a flagged cell and a script's set are read back by the kind, a choice no longer offered refused by both") {
    const ChoiceProps choices{{"add", "subtract"}};
    const KindTraits& radio = kind_traits(ComponentKind::Radio);
    // A flagged choice the app no longer offers is unreadable (issue 21: replay calls it so, not "failed")...
    CHECK(std::holds_alternative<std::string>(radio.from_cell(ComponentKind::Radio, choices, "divide")));
    CHECK(std::get<Value>(radio.from_cell(ComponentKind::Radio, choices, "add")) == Value(std::string("add")));
    // ...and a script may only choose one of the choices.
    CHECK(std::get<std::string>(radio.from_script(ComponentKind::Radio, choices, Json("divide"))).find("not one of the choices") !=
          std::string::npos);
    const KindTraits& number = kind_traits(ComponentKind::Number);
    CHECK(std::get<Value>(number.from_cell(ComponentKind::Number, KindProps{}, "-inf")) == Value(-INFINITY));
    CHECK(std::get<std::string>(number.from_cell(ComponentKind::Slider, KindProps{}, "12x")) ==
          "'12x' is not a value a Slider can take");
    CHECK(std::get<Value>(kind_traits(ComponentKind::Dropdown).from_cell(ComponentKind::Dropdown, ChoiceProps{{}, true},
                                                                          R"(["a","b"])")) == Value(StringList{"a", "b"}));
}

TEST_CASE("a flagged Label whose label is not its top confidence reads back as flagged, so replay sees no change") {
    // Drift between flagging's cell and its read-back: the cell kept "label", the reader dropped it
    // when confidences were there, so an unchanged function replayed as "\"cat\" -> \"dog\"".
    const LabelValue explicit_label = [] {
        LabelValue v(std::vector<std::pair<std::string, double>>{{"cat", 0.9}, {"dog", 0.1}});
        v.label = "dog";
        return v;
    }();
    const KindTraits& label = kind_traits(ComponentKind::Label);
    const Value read = std::get<Value>(label.from_cell(ComponentKind::Label, LabelProps{}, to_cell(explicit_label)));
    CHECK(read == Value(explicit_label));
    CHECK(compare_values(read, explicit_label).same);
    // The usual Label (no explicit label) reads back exactly as before.
    const LabelValue scores(std::vector<std::pair<std::string, double>>{{"cat", 0.75}, {"dog", 0.25}});
    CHECK(std::get<Value>(label.from_cell(ComponentKind::Label, LabelProps{}, to_cell(scores))) == Value(scores));
}

TEST_CASE("the kind coerces what it stores and says whether an Interface's person may correct it") {
    // The engine and replay store a value as its kind coerces it (coerce_value.h asks the kind).
    CHECK(std::get<double>(kind_traits(ComponentKind::Slider).coerce(SliderProps{0, 1, 0.1}, 0.26)) == 0.3);
    CHECK(std::get<double>(kind_traits(ComponentKind::Number).coerce(NumberProps{.maximum = 5.0}, 7.0)) == 5.0);
    const bool text_coerced = kind_traits(ComponentKind::Textbox).coerce != nullptr;
    CHECK_FALSE(text_coerced);
    auto correctable = [](ComponentKind kind, const KindProps& props) {
        const KindTraits& traits = kind_traits(kind);
        return traits.correctable && traits.correctable(props);
    };
    CHECK(correctable(ComponentKind::Number, NumberProps{}));
    CHECK(correctable(ComponentKind::Textbox, TextboxProps{}));
    CHECK(correctable(ComponentKind::Label, LabelProps{}));
    CHECK(correctable(ComponentKind::Dropdown, ChoiceProps{{"a"}}));
    CHECK_FALSE(correctable(ComponentKind::Dropdown, ChoiceProps{{"a"}, true}));
    CHECK_FALSE(correctable(ComponentKind::Slider, SliderProps{}));
    CHECK_FALSE(correctable(ComponentKind::Image, ImageProps{}));
    CHECK_FALSE(correctable(ComponentKind::Markdown, KindProps{}));
}
