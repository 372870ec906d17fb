// The value of a Gallery: images with captions, shown as a grid.
#pragma once
#include "imgr/model/image.h"

#include <string>
#include <vector>

namespace imgr {

struct GalleryItem {
    ImageBuffer image;
    std::string caption;  // "" for none
    bool operator==(const GalleryItem&) const = default;
};

struct GalleryValue {
    std::vector<GalleryItem> items;  // flagged as <label>/N/0.png, 1.png, ... and captions.json
    bool operator==(const GalleryValue&) const = default;
};

}  // namespace imgr
