// ImageSlider's view: `before` left of a vertical divider, `after` right of
// it, both on one image canvas (wheel zoom, pan, probe of both images);
// dragging at the divider moves it, dragging elsewhere pans. Its state is the component's
// ComponentCache::widget_state, which tests read.
#pragma once
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/image_canvas.h"
#include "imgr/view/widgets/image_to_screen.h"

namespace imgr {

struct ImageSliderViewState {
    double position = 0.5;          // the divider, as a share of the image width: 0 all after, 1 all before
    bool position_initialised = false;
    ImageToScreen transform;        // image pixels -> screen, this frame
    float divider_x = 0;            // the divider's screen x, this frame
    bool dragging = false;
    bool drawn = false;             // drawn with images last frame: the divider's handle is where divider_x says
    ImageViewport viewport;         // zoom and pan
};

// The state of an ImageSlider drawn at least once; null before.
const ImageSliderViewState* image_slider_state(const ComponentCache& cache);

}  // namespace imgr
