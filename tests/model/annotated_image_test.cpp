// AnnotatedImageValue: label order, label maps, and the annotation JSON both ways.
#include <doctest/doctest.h>
#include <imgr/model/value.h>

#include <stdexcept>

TEST_CASE("annotation labels: boxes' first, then masks', each once, in order of appearance") {
    imgr::AnnotatedImageValue value;
    value.boxes = {{0, 0, 1, 1, "dog", 1}, {0, 0, 1, 1, "cat", 1}, {0, 0, 1, 1, "dog", 1}};
    value.masks = {{"sky", {}}, {"cat", {}}};
    CHECK(imgr::annotation_labels(value) == std::vector<std::string>{"dog", "cat", "sky"});
}

TEST_CASE("a label map splits into one mask per label present, 0 and unknown values being background") {
    const imgr::ImageBuffer map(3, 2, 1, std::vector<uint8_t>{0, 1, 2, 2, 9, 1});
    const auto masks = imgr::masks_from_label_map(map, {"road", "car", "tree"});
    REQUIRE(masks.size() == 2);
    CHECK(masks[0].label == "road");
    CHECK(masks[0].mask == imgr::ImageBuffer(3, 2, 1, std::vector<uint8_t>{0, 255, 0, 0, 0, 255}));
    CHECK(masks[1].label == "car");
    CHECK(masks[1].mask == imgr::ImageBuffer(3, 2, 1, std::vector<uint8_t>{0, 0, 255, 255, 0, 0}));
}

TEST_CASE("annotation JSON round trip: boxes out and back are equal — masks carry their paths") {
    imgr::AnnotatedImageValue value;
    value.boxes = {{1.5, 2, 30, 40.25, "Fläche", 0.125}, {0, 0, 5, 5, "", 99}};
    value.masks = {{"road", {}}};
    const imgr::Json json = imgr::annotations_to_json(value, {"seg/0_mask_0.png"});
    CHECK(json.dump() == R"({"boxes":[{"label":"Fläche","score":0.125,"x0":1.5,"x1":30.0,"y0":2.0,"y1":40.25},)"
                         R"({"label":"","score":99.0,"x0":0.0,"x1":5.0,"y0":0.0,"y1":5.0}],)"
                         R"("masks":[{"label":"road","path":"seg/0_mask_0.png"}]})");
    CHECK(imgr::boxes_from_json(imgr::Json::parse(json.dump())["boxes"]) == value.boxes);
    CHECK(imgr::to_json(imgr::Value(value))["masks"] == imgr::Json::parse(R"([{"label":"road"}])"));
}

TEST_CASE("annotation JSON: a box without a coordinate is refused, naming it") {
    CHECK_THROWS_WITH_AS(imgr::boxes_from_json(imgr::Json::parse(R"([{"x0":1,"y0":2,"x1":3}])")),
                         "box 0 has no number \"y1\"", std::invalid_argument);
    CHECK_THROWS_AS(imgr::boxes_from_json(imgr::Json::parse(R"({"x0":1})")), std::invalid_argument);
}
