// Each kind of value compared as replay compares a flagged output with a new one.
#include <doctest/doctest.h>
#include <imgr/model/kinds/compare.h>

#include <cmath>
#include <limits>

using namespace imgr;

TEST_CASE("numbers are the same within the relative tolerance, and the detail shows both") {
    CHECK(compare_values(12.0, 12.0).same);
    CHECK(compare_values(1e9, 1e9 + 0.5).same);            // 5e-10 relative: within 1e-9
    CHECK_FALSE(compare_values(1.0, 1.0 + 1e-8).same);
    CHECK(compare_values(1.0, 1.0 + 1e-8, {.tolerance = 1e-6}).same);
    const Comparison sign = compare_values(12.0, -2.0);
    CHECK_FALSE(sign.same);
    CHECK(sign.detail == "12 -> -2");
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    CHECK(compare_values(nan, nan).same);
    CHECK(compare_values(inf, inf).same);
    CHECK_FALSE(compare_values(inf, -inf).same);
    CHECK_FALSE(compare_values(0.0, nan).same);
}

TEST_CASE("text is compared exactly, with a short character diff") {
    CHECK(compare_values(std::string("hello"), std::string("hello")).same);
    const Comparison c = compare_values(std::string("hello wrld"), std::string("hello world"));
    CHECK_FALSE(c.same);
    CHECK(c.detail == "\"hello wrld\" -> \"hello world\" (at 8: +\"o\")");
    CHECK(text_diff("abcXdef", "abcYdef") == "\"abcXdef\" -> \"abcYdef\" (at 4: -\"X\" +\"Y\")");
    CHECK(text_diff("cat", "") == "\"cat\" -> \"\" (at 1: -\"cat\")");
    // Accented letters are not cut in half: the diff starts at a character.
    CHECK(text_diff("caf\xC3\xA9", "caf\xC3\xA8") == "\"caf\xC3\xA9\" -> \"caf\xC3\xA8\" (at 4: -\"\xC3\xA9\" +\"\xC3\xA8\")");
    // A long text is shortened in the detail.
    const std::string long_text(200, 'a');
    CHECK(compare_values(long_text, long_text + "b").detail.size() < 150);
    // Case matters: exactly means exactly.
    CHECK_FALSE(compare_values(std::string("Cat"), std::string("cat")).same);
}

TEST_CASE("labels compare by top class, then by confidences within tolerance") {
    const LabelValue cat(std::vector<std::pair<std::string, double>>{{"cat", 0.8}, {"dog", 0.2}});
    const LabelValue dog(std::vector<std::pair<std::string, double>>{{"cat", 0.3}, {"dog", 0.7}});
    const LabelValue cat_less(std::vector<std::pair<std::string, double>>{{"cat", 0.75}, {"dog", 0.25}});
    CHECK(compare_values(cat, cat).same);
    const Comparison top = compare_values(cat, dog);
    CHECK_FALSE(top.same);
    CHECK(top.detail == "\"cat\" -> \"dog\"");
    const Comparison confidence = compare_values(cat, cat_less);
    CHECK_FALSE(confidence.same);
    CHECK(confidence.detail == "confidence of \"cat\" 0.8 -> 0.75");
    CHECK(compare_values(cat, cat_less, {.tolerance = 0.25}).same);
    // A flag of a plain class name compares the top class only.
    CHECK(compare_values(LabelValue("cat"), cat).same);
}

TEST_CASE("images compare by size, largest difference and PSNR") {
    ImageBuffer a(8, 8, 3);
    for (size_t i = 0; i < 8 * 8 * 3; ++i) a.mutable_u8()[i] = (uint8_t)(i * 3);
    ImageBuffer same(8, 8, 3, std::vector<uint8_t>(a.u8(), a.u8() + 8 * 8 * 3));
    CHECK(compare_values(a, same).same);
    CHECK(std::isinf(image_difference(a, same).psnr));

    ImageBuffer one_off = same;
    one_off.mutable_u8()[5] += 1;  // a single level in one channel: PSNR far above 40 dB
    const ImageDifference small = image_difference(a, one_off);
    CHECK(small.max_difference == 1);
    CHECK(small.psnr > 60);
    CHECK(compare_values(a, one_off).same);
    CHECK_FALSE(compare_values(a, one_off, {.min_psnr = 1000}).same);

    ImageBuffer inverted = same;
    for (size_t i = 0; i < 8 * 8 * 3; ++i) inverted.mutable_u8()[i] = (uint8_t)(255 - inverted.u8()[i]);
    const Comparison changed = compare_values(a, inverted);
    CHECK_FALSE(changed.same);
    CHECK(changed.detail.find("max difference") != std::string::npos);
    CHECK(changed.detail.find("PSNR") != std::string::npos);

    const Comparison size = compare_values(a, ImageBuffer(4, 8, 3));
    CHECK_FALSE(size.same);
    CHECK(size.detail == "8x8 -> 4x8");
    CHECK_FALSE(compare_values(a, ImageBuffer()).same);

    // A float result against its 8-bit PNG: compared as 0..255 levels.
    std::vector<float> floats(8 * 8 * 3);
    for (size_t i = 0; i < floats.size(); ++i) floats[i] = a.u8()[i] / 255.0f;
    CHECK(image_difference(a, ImageBuffer(8, 8, 3, floats)).max_difference == 0);
}

TEST_CASE("JSON, plots and tables compare structurally, numbers within tolerance") {
    const Json before = Json::parse(R"({"a":[1,2,{"b":"x"}],"c":1.0})");
    CHECK(compare_values(before, Json::parse(R"({"c":1,"a":[1,2,{"b":"x"}]})")).same);  // key order, 1.0 vs 1
    const Comparison inner = compare_values(before, Json::parse(R"({"a":[1,2,{"b":"y"}],"c":1})"));
    CHECK_FALSE(inner.same);
    CHECK(inner.detail == "at /a/2/b: \"x\" -> \"y\"");
    CHECK(compare_values(before, Json::parse(R"({"a":[1,2],"c":1})")).detail == "at /a: 3 items -> 2");
    CHECK(compare_values(before, Json::parse(R"({"a":[1,2,{"b":"x"}]})")).detail == "at /: key \"c\" is gone");
    CHECK(compare_values(Json(1.0), Json(1.0 + 1e-12)).same);

    TableValue t{{"name", "score"}, {{"a", 1.0}, {"b", 2.0}}};
    TableValue u = t;
    CHECK(compare_values(t, u).same);
    u.rows[1][1] = 2.5;
    CHECK(compare_values(t, u).detail == "row 2 at /1: 2 -> 2.5");
    u = t;
    u.headers[1] = "points";
    CHECK_FALSE(compare_values(t, u).same);

    PlotValue p;
    p.series.push_back({"loss", {0, 1, 2}, {3, 2, 1}});
    PlotValue q = p;
    CHECK(compare_values(p, q).same);
    q.series[0].y[2] = 0.5;
    CHECK(compare_values(p, q).detail == "at /series/0/y/2: 1 -> 0.5");
}

TEST_CASE("choices, checkboxes and colours compare exactly, a missing output is a change") {
    CHECK(compare_values(StringList{"a", "b"}, StringList{"a", "b"}).same);
    CHECK_FALSE(compare_values(StringList{"a", "b"}, StringList{"b", "a"}).same);
    CHECK_FALSE(compare_values(true, false).same);
    // A colour is flagged as #rrggbb: the same 8-bit colour is the same.
    CHECK(compare_values(Color{128 / 255.0f, 0, 0, 1}, Color{0.502f, 0, 0, 1}).same);
    CHECK(compare_values(Color{1, 0, 0, 1}, Color{0, 0, 1, 1}).detail == "#ff0000 -> #0000ff");
    CHECK(compare_values(12.0, Value{}).detail == "12 -> no value");
    CHECK_FALSE(compare_values(12.0, std::string("12")).same);
}

TEST_CASE("the image and annotation kinds compare by what they show: boxes, both slider images, a gallery, a chat") {
    ImageBuffer black(8, 8, 3);
    ImageBuffer white(8, 8, 3, std::vector<uint8_t>(8 * 8 * 3, 255));

    AnnotatedImageValue boxes{black, {{1, 1, 4, 4, "cat", 0.9}}, {}};
    AnnotatedImageValue moved = boxes;
    moved.boxes[0].x1 = 5;
    CHECK(compare_values(boxes, boxes).same);
    const Comparison box = compare_values(boxes, moved);
    CHECK_FALSE(box.same);
    CHECK(box.detail.find("annotations") == 0);
    AnnotatedImageValue other_image = boxes;
    other_image.image = white;
    CHECK(compare_values(boxes, other_image).detail.find("image: ") == 0);

    ImageSliderValue pair{black, black};
    CHECK(compare_values(pair, pair).same);
    CHECK(compare_values(pair, ImageSliderValue{black, white}).detail.find("after: ") == 0);

    GalleryValue gallery{{{black, "a"}, {black, "b"}}};
    CHECK(compare_values(gallery, gallery).same);
    CHECK(compare_values(gallery, GalleryValue{{{black, "a"}}}).detail == "2 images -> 1");
    CHECK(compare_values(gallery, GalleryValue{{{black, "a"}, {black, "c"}}}).detail.find("image 1 caption") == 0);

    Conversation chat;
    chat.user("hi").assistant("hello");
    Conversation changed;
    changed.user("hi").assistant("hullo");
    CHECK(compare_values(chat, chat).same);
    CHECK_FALSE(compare_values(chat, changed).same);
}
