#include <doctest/doctest.h>
#include <imgr/driver/expectation.h>
#include <imgr/model/kind_files.h>

#include <cmath>
#include <limits>

using namespace imgr;

namespace {

bool holds(const Value& actual, const Json& expected) { return !check_expected(actual, expected).has_value(); }

std::string message(const Value& actual, const Json& expected) {
    auto m = check_expected(actual, expected);
    REQUIRE(m.has_value());
    return *m;
}

}  // namespace

TEST_CASE("numbers match within 1e-9 relative") {
    CHECK(holds(12.0, 12));
    CHECK(holds(12.0, 12.0));
    CHECK(holds(-0.25, -0.25));
    // At 1e9 the tolerance is about 1: one off holds, two off does not.
    CHECK(holds(1e9 + 1, 1e9));
    CHECK(holds(1e9, 1e9 + 1));
    CHECK_FALSE(holds(1e9 + 2, 1e9));
    CHECK_FALSE(holds(1e9, 1e9 + 2));
    // At 1 the tolerance is 1e-9.
    CHECK(holds(1.0 + 0.9e-9, 1.0));
    CHECK_FALSE(holds(1.0 + 1.1e-9, 1.0));
    CHECK(holds(-1.0 - 0.9e-9, -1.0));
    CHECK_FALSE(holds(-1.0, 1.0));
    CHECK(holds(1e-300 * (1 + 0.5e-9), 1e-300));  // relative, not absolute: tiny numbers compare by their digits
    CHECK_FALSE(holds(2e-300, 1e-300));
}

TEST_CASE("zero is matched exactly") {
    CHECK(holds(0.0, 0));
    CHECK(holds(-0.0, 0));
    CHECK(holds(0.0, -0.0));
    CHECK_FALSE(holds(1e-300, 0));
    CHECK_FALSE(holds(0.0, 1e-300));
}

TEST_CASE("NaN and the infinities match only their names") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(holds(nan, "nan"));
    CHECK_FALSE(holds(nan, 0));
    CHECK_FALSE(holds(nan, "inf"));
    CHECK(holds(inf, "inf"));
    CHECK(holds(-inf, "-inf"));
    CHECK_FALSE(holds(inf, "-inf"));
    CHECK_FALSE(holds(inf, 1e308));
    CHECK_FALSE(holds(1.0, "nan"));
    CHECK(message(nan, 1) == "expected 1, got nan");
}

TEST_CASE("a number mismatch names both in shortest form") {
    CHECK(message(13.0, 12) == "expected 12, got 13");
    CHECK(message(4.5, 0.1) == "expected 0.1, got 4.5");
    CHECK(message(12.0, "12") == "expected \"12\", got 12 (a number is written without quotes; only \"nan\", \"inf\", \"-inf\" are quoted)");
    CHECK(message(1.0, true) == "expected true, got 1 (a number is written without quotes; only \"nan\", \"inf\", \"-inf\" are quoted)");
    CHECK(message(1.0, "inf") == "expected \"inf\", got 1");  // a name a number can have: no hint
}

TEST_CASE("booleans") {
    CHECK(holds(true, true));
    CHECK(holds(false, false));
    CHECK(message(false, true) == "expected true, got false");
    CHECK(message(true, 1) == "expected 1, got true (true or false, without quotes)");
    // A Checkbox expected with a quoted "false" can never match: the message says why.
    CHECK(message(false, "false") == "expected \"false\", got false (true or false, without quotes)");
}

TEST_CASE("strings match exactly and are quoted in messages") {
    CHECK(holds(std::string("add"), "add"));
    CHECK(holds(std::string("你好"), "你好"));
    CHECK(message(std::string("add"), "Add") == "expected \"Add\", got \"add\"");
    CHECK(message(std::string("add "), "add") == "expected \"add\", got \"add \"");
    CHECK(message(std::string("12"), 12) == "expected 12, got \"12\" (text is a JSON string, in double quotes)");
    CHECK(message(std::string("a\"b"), "") == "expected \"\", got \"a\\\"b\"");
}

TEST_CASE("string lists match element by element, in order") {
    const Value list = StringList{"a", "b"};
    CHECK(holds(list, Json({"a", "b"})));
    CHECK(holds(StringList{}, Json::array()));
    CHECK(message(list, Json({"b", "a"})) == R"(expected ["b","a"], got ["a","b"])");
    CHECK(message(list, Json({"a"})) == R"(expected ["a"], got ["a","b"])");
    CHECK_FALSE(holds(list, "a"));
    CHECK_FALSE(holds(StringList{"1"}, Json({1})));
    CHECK(message(list, "a") == R"(expected "a", got ["a","b"] (a list of choices is an array of strings: ["a", "b"]))");
}

TEST_CASE("images match by size") {
    const Value image = ImageBuffer(64, 48, 3);
    CHECK(holds(image, Json({64, 48})));
    CHECK(holds(image, Json({64, 48, 3})));
    CHECK(holds(image, Json({64.0, 48.0})));
    CHECK(message(image, Json({48, 64})) == "expected [48,64], got image 64x48x3");
    CHECK(message(image, Json({64, 48, 4})) == "expected [64,48,4], got image 64x48x3");
    CHECK(holds(ImageBuffer(), nullptr));
    CHECK(message(image, nullptr) == "expected null, got image 64x48x3");
    CHECK(message(ImageBuffer(), Json({64, 48})) == "expected [64,48], got no image");
    CHECK(message(image, "cat.png") ==
          "expected \"cat.png\", got image 64x48x3 (an image is compared by its size: [width, height] or [width, "
          "height, channels])");
    CHECK_FALSE(holds(image, Json({64})));
    CHECK_FALSE(holds(image, Json({64.5, 48})));
    CHECK_FALSE(holds(image, Json({64, 48, 3, 1})));
}

TEST_CASE("a label matches its class name, or the top class when it has none") {
    CHECK(holds(LabelValue("cat"), "cat"));
    CHECK(message(LabelValue("cat"), "dog") == "expected \"dog\", got \"cat\"");
    const LabelValue scores(std::vector<std::pair<std::string, double>>{{"dog", 0.2}, {"cat", 0.7}, {"cow", 0.1}});
    CHECK(holds(scores, "cat"));
    CHECK(message(scores, "dog") == "expected \"dog\", got \"cat\"");
    LabelValue named = scores;
    named.label = "a cat";  // an explicit label wins over the scores
    CHECK(holds(named, "a cat"));
    CHECK_FALSE(holds(named, "cat"));
    CHECK(holds(LabelValue(), nullptr));
}

TEST_CASE("a label matches an object of confidences") {
    const LabelValue scores(std::vector<std::pair<std::string, double>>{{"cat", 0.7}, {"dog", 0.3}});
    CHECK(holds(scores, Json::parse(R"({"dog": 0.3, "cat": 0.7})")));
    CHECK(holds(scores, Json::parse(R"({"dog": 0.30000000000000004, "cat": 0.7})")));
    CHECK(message(scores, Json::parse(R"({"cat": 0.7})")) == R"(expected {"cat":0.7}, got {"cat":0.7,"dog":0.3})");
    CHECK_FALSE(holds(scores, Json::parse(R"({"cat": 0.7, "dog": 0.31})")));
    CHECK_FALSE(holds(scores, Json::parse(R"({"cat": 0.7, "cow": 0.3})")));
    CHECK_FALSE(holds(scores, Json::parse(R"({"cat": 0.7, "dog": "0.3"})")));
    CHECK(message(scores, 5).ends_with("(a Label is compared with a class name or with {\"class\": confidence, ...})"));
}

TEST_CASE("colours match as #rrggbb at 8 bits, in any case") {
    const Color red{1, 0, 0, 1};
    CHECK(holds(red, "#ff0000"));
    CHECK(holds(red, "#FF0000"));
    CHECK(holds(red, "#ff0000ff"));
    CHECK(holds(Color{1, 0.5f, 0, 1}, "#ff8000"));  // 127.5 rounds to 128
    CHECK(message(red, "#fe0000") == "expected \"#fe0000\", got \"#ff0000\"");
    CHECK(message(Color{1, 0, 0, 0.5f}, "#ff0000") == "expected \"#ff0000\", got \"#ff000080\"");
    CHECK(message(red, "red") == "expected \"red\", got \"#ff0000\" (a colour is compared with \"#rrggbb\")");
    CHECK_FALSE(holds(red, 0xff0000));
}

TEST_CASE("JSON values match structurally, numbers within the tolerance") {
    const Value json = Value(std::in_place_type<Json>, Json::parse(R"({"a": [1, 2.5, "x"], "b": {"c": null}})"));
    CHECK(holds(json, Json::parse(R"({"b": {"c": null}, "a": [1.0, 2.5000000001, "x"]})")));
    CHECK_FALSE(holds(json, Json::parse(R"({"a": [1, 2.5, "x"]})")));
    CHECK_FALSE(holds(json, Json::parse(R"({"a": [1, 2.5, "x"], "b": {"c": null}, "d": 1})")));
    CHECK_FALSE(holds(json, Json::parse(R"({"a": [1, 2.5, "y"], "b": {"c": null}})")));
    CHECK_FALSE(holds(json, Json::parse(R"({"a": [2.5, 1, "x"], "b": {"c": null}})")));
    CHECK(message(json, 1) == R"(expected 1, got {"a":[1,2.5,"x"],"b":{"c":null}})");
    CHECK(holds(Value(std::in_place_type<Json>, Json(7)), 7.0));
    CHECK(holds(Value(std::in_place_type<Json>, Json(nullptr)), nullptr));
    CHECK_FALSE(holds(Value(std::in_place_type<Json>, Json("7")), 7));
}

TEST_CASE("tables match their headers and rows") {
    TableValue table;
    table.headers = {"name", "score"};
    table.rows = {{"a", 1}, {"b", 2.5}};
    CHECK(holds(table, Json::parse(R"({"headers": ["name", "score"], "data": [["a", 1], ["b", 2.5]]})")));
    CHECK(holds(table, Json::parse(R"({"data": [["a", 1.0], ["b", 2.5]]})")));
    CHECK(holds(table, Json::parse(R"({"headers": ["name", "score"]})")));
    CHECK(holds(table, Json::parse(R"([["a", 1], ["b", 2.5]])")));
    CHECK(message(table, Json::parse(R"([["a", 1]])")) ==
          R"(expected [["a",1]], got {"data":[["a",1],["b",2.5]],"headers":["name","score"]})");
    CHECK_FALSE(holds(table, Json::parse(R"({"headers": ["name"], "data": [["a", 1], ["b", 2.5]]})")));
    CHECK(message(table, Json::parse(R"({"rows": []})")).ends_with(
        "(a table is compared with {\"headers\": [...], \"data\": [[...], ...]})"));
}

TEST_CASE("plots match their JSON form") {
    PlotValue plot;
    plot.title = "loss";
    PlotSeries train;
    train.name = "train";
    train.x = {0, 1};
    train.y = {1.0, 0.5};
    plot.series.push_back(train);
    Json expected = to_json(Value(plot));
    CHECK(holds(plot, expected));
    expected["series"][0]["y"][1] = 0.25;
    CHECK_FALSE(holds(plot, expected));
}

TEST_CASE("no value matches null only") {
    CHECK(holds(Value(), nullptr));
    CHECK(message(Value(), 0) == "expected 0, got no value");
}

TEST_CASE("an AnnotatedImage is compared by its boxes, its box labels, its masks or its size") {
    AnnotatedImageValue value;
    value.image = ImageBuffer(8, 6, 3);
    value.boxes = {{0, 1, 4, 5, "Hello", 91.5}, {4, 1, 8, 5, "world", 88}};
    value.masks = {{"sky", ImageBuffer(8, 6, 1)}};
    CHECK(holds(value, Json::parse(R"([{"x0":0,"y0":1,"x1":4,"y1":5,"label":"Hello","score":91.5},
                                       {"x0":4,"y0":1,"x1":8,"y1":5,"label":"world","score":88}])")));
    CHECK(!holds(value, Json::parse(R"([{"x0":0,"y0":1,"x1":4,"y1":5,"label":"Hello","score":91.5}])")));
    CHECK(holds(value, Json::parse(R"({"labels":["Hello","world"]})")));
    CHECK(message(value, Json::parse(R"({"labels":["Hello","World"]})")) ==
          R"(expected {"labels":["Hello","World"]}, got {"labels":["Hello","world"]})");
    CHECK(holds(value, Json::parse(R"({"labels":["Hello","world"],"masks":[{"label":"sky"}],"size":[8,6]})")));
    CHECK(!holds(value, Json::parse(R"({"size":[6,8]})")));
    CHECK(message(value, Json::parse(R"({"count":2})")).find("an AnnotatedImage is compared with") != std::string::npos);
    CHECK(holds(AnnotatedImageValue{}, nullptr));
    CHECK(!holds(value, nullptr));
}

TEST_CASE("an ImageSlider is compared by the size both its images have") {
    const ImageSliderValue pair{ImageBuffer(8, 6, 3), ImageBuffer(8, 6, 3)};
    CHECK(holds(pair, Json::parse("[8, 6]")));
    CHECK(holds(pair, Json::parse("[8, 6, 3]")));
    CHECK(!holds(pair, Json::parse("[6, 8]")));
    CHECK(!holds(ImageSliderValue{ImageBuffer(8, 6, 3), ImageBuffer(4, 6, 3)}, Json::parse("[8, 6]")));
    CHECK(holds(ImageSliderValue{}, nullptr));
    CHECK(!holds(pair, nullptr));
}

TEST_CASE("a Gallery is compared by its number of images or its captions") {
    GalleryValue gallery;
    gallery.items = {{ImageBuffer(2, 2, 3), "a"}, {ImageBuffer(2, 2, 3), ""}};
    CHECK(holds(gallery, 2));
    CHECK(!holds(gallery, 3));
    CHECK(holds(gallery, Json::parse(R"(["a", ""])")));
    CHECK(!holds(gallery, Json::parse(R"(["a"])")));
    CHECK(message(gallery, "two").find("a Gallery is compared with") != std::string::npos);
}

TEST_CASE("expect on a media component whose module is not linked names the module") {
    // This program does not link imgr::media: an Audio component holds no value and has no traits.
    const auto failed = check_expected(ComponentKind::Audio, Value(), Json{{"duration", 1}});
    REQUIRE(failed);
    CHECK(*failed == missing_module_message(ComponentKind::Audio));
    CHECK_FALSE(check_expected(ComponentKind::Number, 2.0, Json(2)));
}
