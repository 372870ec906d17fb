// AnnotatedImage's view: the base image on an image canvas (zoom, pan, probe,
// select on click), masks tinted in their label's colour, box outlines, a
// legend and an optional score threshold. What it shows and
// what the mouse is over is kept in AnnotatedImageViewState (the component's
// ComponentCache::widget_state), which tests read.
#pragma once
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/image_canvas.h"
#include "imgr/view/widgets/image_to_screen.h"

#include <string>
#include <vector>

namespace imgr {

struct AnnotatedImageViewState {
    bool built = false;
    uint64_t version = 0;                     // the engine version the fields below were made for
    std::vector<std::string> labels;          // legend order (annotation_labels)
    std::vector<int> box_label;               // each box's index in labels
    std::vector<int> mask_label;              // each mask's index in labels
    std::vector<ImageBuffer> mask_overlays;   // each mask as RGBA in its label's colour, made once per value
    double threshold = 0;                     // boxes scoring below it are hidden
    bool threshold_initialised = false;
    ImageViewport viewport;                   // zoom and pan (wheel, drag; double-click fits)
    std::string probe;                        // "x, y   values" of the pixel under the mouse

    // This frame:
    ImageToScreen transform;                  // image pixels -> screen (every overlay and hit-test uses it)
    ImVec2 clip_min{0, 0}, clip_max{0, 0};    // the canvas on screen: overlays are clipped to it
    std::vector<int> shown_boxes;             // the boxes drawn (score >= threshold)
    int hovered_box = -1;                     // the smallest shown box under the mouse
    int hovered_legend = -1;                  // the legend entry under the mouse (a label index)
    std::vector<ImVec2> legend_min, legend_max;  // each legend entry's rectangle
    ImVec2 slider_min{0, 0}, slider_max{0, 0};  // the threshold slider, when shown

    // The label whose boxes and masks stand out: the hovered legend entry's, else the hovered box's; -1 none.
    int highlighted_label() const {
        if (hovered_legend >= 0) return hovered_legend;
        return hovered_box >= 0 ? box_label[(size_t)hovered_box] : -1;
    }
};

// The state of an AnnotatedImage drawn at least once; null before.
const AnnotatedImageViewState* annotated_image_state(const ComponentCache& cache);

// The colour of the label at this index of the legend: a fixed palette of
// distinct hues, repeating after ten labels.
ImU32 annotation_color(size_t label_index, int alpha = 255);

}  // namespace imgr
