// The value of an ImageEditor (and a Sketchpad, an editor whose background is
// blank): a background image, transparent layers painted over it, and the
// composite a person sees. Plain data; the view paints into the layers
// (brush_stroke.h), handlers read them (a scribble's colour is its meaning:
// "object" green, "background" red in a segmenter).
#pragma once
#include "imgr/model/image.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace imgr {

struct ImageEditorValue {
    ImageBuffer background;            // RGB(A) or grey; flagged as <label>/N.png
    std::vector<ImageBuffer> layers;   // RGBA8, the background's size, over it in order; <label>/N_layer_K.png
    ImageBuffer composite;             // RGBA8: the background with every layer over it; <label>/N_composite.png
    bool operator==(const ImageEditorValue&) const = default;
    bool empty() const { return background.empty(); }
};

// A value for a new background: `layer_count` transparent layers of its size and the composite.
ImageEditorValue editor_value(ImageBuffer background, int layer_count = 1);
// A blank white background of that size (a Sketchpad), with `layer_count` layers.
ImageEditorValue blank_editor_value(int width, int height, int layer_count = 1);

// The layers over the background, "over" compositing, RGBA8 of the background's size.
ImageBuffer composite_of(const ImageBuffer& background, const std::vector<ImageBuffer>& layers);
// Recomputes only `x0..x1, y0..y1` (exclusive ends) of `composite`, which is composite_of()'s size.
void update_composite(ImageBuffer& composite, const ImageBuffer& background, const std::vector<ImageBuffer>& layers,
                      int x0, int y0, int x1, int y1);

// A layer's painted pixels as a one-channel mask (255 painted, 0 not): alpha > 0,
// and when `rgb` is given (0xRRGGBB) only pixels of that colour (a brush of a palette).
ImageBuffer painted_mask(const ImageBuffer& layer, std::optional<uint32_t> rgb = std::nullopt);
// Intersection over union of two masks of one size (non-zero pixels, or alpha > 0 for RGBA);
// 1 when both are empty. Different sizes: 0.
double mask_iou(const ImageBuffer& a, const ImageBuffer& b);

}  // namespace imgr
