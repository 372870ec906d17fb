// Gallery's view: a grid of thumbnails with captions; clicking one selects it
// (the select event: its index and caption) and shows it enlarged above the grid
// on an image canvas (wheel zoom, drag pan, probe); a click on it, or "Close",
// goes back. The selected index is kept here too (gallery_selected_index).
#pragma once
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/image_canvas.h"
#include "imgr/view/widgets/image_to_screen.h"

#include <vector>

namespace imgr {

struct GalleryViewState {
    int selected = -1;                   // the image last clicked; -1 none
    bool enlarged = false;               // the selected image is shown large
    int clicks = 0;                      // thumbnail clicks so far: a select event fires once per new one
    std::vector<ImVec2> cell_min, cell_max;  // each thumbnail's rectangle, this frame
    ImageToScreen enlarged_transform;    // the enlarged image's mapping, when shown
    ImageViewport viewport;              // the enlarged image's zoom and pan
    std::string probe;                   // the pixel under the mouse on the enlarged image
};

// The state of a Gallery drawn at least once; null before.
const GalleryViewState* gallery_state(const ComponentCache& cache);
// The index a person selected by clicking, or -1: what the Gallery's select event hands on.
int gallery_selected_index(const ComponentCache& cache);

}  // namespace imgr
