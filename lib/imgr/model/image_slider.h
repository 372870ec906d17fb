// The value of an ImageSlider: two images of one size shown one over the
// other, split by a divider a person drags (before | after).
#pragma once
#include "imgr/model/image.h"

namespace imgr {

struct ImageSliderValue {
    ImageBuffer before;  // left of the divider; flagged as <label>/N_a.png
    ImageBuffer after;   // right of the divider; flagged as <label>/N_b.png
    bool operator==(const ImageSliderValue&) const = default;
    bool empty() const { return before.empty() && after.empty(); }
};

}  // namespace imgr
