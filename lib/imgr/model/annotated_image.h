// The value of an AnnotatedImage: a base image with boxes and masks over it,
// each named by a label (a class, or for OCR the word read). Coordinates are
// image pixels, (0, 0) the top-left corner of the top-left pixel.
#pragma once
#include "imgr/model/image.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace imgr {

struct AnnotationBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // left, top, right, bottom in image pixels
    std::string label;
    double score = 1.0;                      // a confidence, as the model reports it (any scale)
    bool operator==(const AnnotationBox&) const = default;
};

struct AnnotationMask {
    std::string label;
    ImageBuffer mask;                        // one channel, the base image's size: non-zero pixels are in the mask
    bool operator==(const AnnotationMask&) const = default;
};

struct AnnotatedImageValue {
    ImageBuffer image;
    std::vector<AnnotationBox> boxes;
    std::vector<AnnotationMask> masks;
    bool operator==(const AnnotatedImageValue&) const = default;
};

// The distinct labels, boxes' first then masks', in order of first appearance:
// the legend's order, and the index that picks a label's colour.
std::vector<std::string> annotation_labels(const AnnotatedImageValue& value);

// One mask per label from a label map (a one-channel image whose pixel value v
// means names[v - 1]; 0 and values beyond the names are background).
std::vector<AnnotationMask> masks_from_label_map(const ImageBuffer& label_map, const std::vector<std::string>& names);

// The annotations as the flagged N.json and `expect` write them:
// {"boxes":[{"x0":..,"y0":..,"x1":..,"y1":..,"label":..,"score":..}],"masks":[{"label":..,"path":..}]}.
// mask_paths gives each mask's "path"; without it masks carry only their label.
nlohmann::json annotations_to_json(const AnnotatedImageValue& value, const std::vector<std::string>& mask_paths = {});
// The boxes of that JSON; throws std::invalid_argument naming what is wrong.
std::vector<AnnotationBox> boxes_from_json(const nlohmann::json& json);

}  // namespace imgr
