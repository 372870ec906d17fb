#include "imgr/model/annotated_image.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace imgr {

std::vector<std::string> annotation_labels(const AnnotatedImageValue& value) {
    std::vector<std::string> labels;
    auto add = [&](const std::string& label) {
        if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    };
    for (const AnnotationBox& box : value.boxes) add(box.label);
    for (const AnnotationMask& mask : value.masks) add(mask.label);
    return labels;
}

std::vector<AnnotationMask> masks_from_label_map(const ImageBuffer& label_map, const std::vector<std::string>& names) {
    std::vector<AnnotationMask> masks;
    if (label_map.empty()) return masks;
    const int w = label_map.width(), h = label_map.height();
    std::vector<std::vector<uint8_t>> planes(names.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t v = label_map.sample(x, y, 0);
            if (v == 0 || v > names.size()) continue;
            std::vector<uint8_t>& plane = planes[v - 1];
            if (plane.empty()) plane.assign((size_t)w * h, 0);
            plane[(size_t)y * w + x] = 255;
        }
    for (size_t i = 0; i < names.size(); ++i)
        if (!planes[i].empty()) masks.push_back({names[i], ImageBuffer(w, h, 1, std::move(planes[i]))});
    return masks;
}

namespace {
// JSON has no NaN or infinity: a string keeps the information, as for other values.
nlohmann::json number(double v) {
    if (std::isfinite(v)) return v;
    return std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
}

double number_from(const nlohmann::json& box, const char* key, size_t index) {
    auto it = box.find(key);
    if (it == box.end() || !it->is_number())
        throw std::invalid_argument("box " + std::to_string(index) + " has no number \"" + key + "\"");
    return it->get<double>();
}
}  // namespace

nlohmann::json annotations_to_json(const AnnotatedImageValue& value, const std::vector<std::string>& mask_paths) {
    nlohmann::json boxes = nlohmann::json::array(), masks = nlohmann::json::array();
    for (const AnnotationBox& b : value.boxes)
        boxes.push_back({{"x0", number(b.x0)}, {"y0", number(b.y0)}, {"x1", number(b.x1)}, {"y1", number(b.y1)},
                         {"label", b.label}, {"score", number(b.score)}});
    for (size_t k = 0; k < value.masks.size(); ++k) {
        nlohmann::json mask = {{"label", value.masks[k].label}};
        if (k < mask_paths.size()) mask["path"] = mask_paths[k];
        masks.push_back(std::move(mask));
    }
    return {{"boxes", boxes}, {"masks", masks}};
}

std::vector<AnnotationBox> boxes_from_json(const nlohmann::json& json) {
    if (!json.is_array()) throw std::invalid_argument("\"boxes\" is not an array");
    std::vector<AnnotationBox> boxes;
    for (size_t i = 0; i < json.size(); ++i) {
        const nlohmann::json& item = json[i];
        if (!item.is_object()) throw std::invalid_argument("box " + std::to_string(i) + " is not an object");
        AnnotationBox box;
        box.x0 = number_from(item, "x0", i);
        box.y0 = number_from(item, "y0", i);
        box.x1 = number_from(item, "x1", i);
        box.y1 = number_from(item, "y1", i);
        if (auto label = item.find("label"); label != item.end() && label->is_string()) box.label = *label;
        if (auto score = item.find("score"); score != item.end() && score->is_number()) box.score = *score;
        boxes.push_back(std::move(box));
    }
    return boxes;
}

}  // namespace imgr
