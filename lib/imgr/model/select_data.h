// imgr::SelectData: what a `select` event hands its handler (as Gradio's
// gr.SelectData): which item was chosen, or which pixel was clicked. Handlers
// take it as a typed parameter; the compile-time signature check knows it.
#pragma once
#include "imgr/model/value.h"

namespace imgr {

struct SelectData {
    // Image-like components (Image, AnnotatedImage, ImageSlider): the clicked
    // pixel in image coordinates (not screen), whatever the zoom and pan.
    int x = -1, y = -1;
    // Lists (Gallery, Radio, Dropdown, Label's classes): the item's position;
    // Dataframe: the row, with `column` the column.
    int index = -1;
    int column = -1;
    Json value;             // the chosen item's value: a class name, a caption, a cell; the pixel's values for images
    bool selected = true;   // false when a click deselected the item (Gallery)
    bool operator==(const SelectData&) const = default;
};

}  // namespace imgr
