// image_canvas: an image a person can inspect, for every image-like component
// (Image, AnnotatedImage, Gallery's enlarged view, ImageSlider...).
//
//   mouse wheel    zooms at the cursor (the pixel under it stays under it)
//   drag           pans
//   double-click   fits the whole image again
//   click          reported as ImageCanvasResult::clicked (the component fires `select`)
//   (paint mode: the left button is the caller's; the middle or right button drags to pan)
//
// Pixels are sampled nearest-neighbour once one is larger than a screen pixel
// (the texture's magnification filter, platform/texture_cache.h); from 6 screen
// pixels a pixel a grid is drawn, and when a pixel is large enough for text its
// values are written in it.
//
// Using it from a component (one call a frame, then overlays in image coordinates):
//
//   ImageCanvasImage shown{texture.id, image.width(), image.height(), &image};
//   ImageCanvasResult r = image_canvas("##canvas", viewport, shown, ImVec2(w, h));
//   c.target_image(r.transform);                  // scripts click pixels through it
//   {
//       ImageOverlay overlay(r.transform);         // clipped to the canvas
//       overlay.rect({box.x0, box.y0}, {box.x1, box.y1}, IM_COL32(255, 0, 0, 255));
//   }
//   if (r.clicked) c.select_pixel(r.clicked->x, r.clicked->y, pixel_values(image, ...));
//
// The viewport (zoom and pan) is the caller's: keep it across frames (in the
// component's cache), or share one between linked views (view_links.h).
#pragma once
#include "imgr/model/image.h"
#include "imgr/view/image_transform.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace imgr {

struct ImageViewport {
    bool fit = true;                  // the whole image, centred, as large as the canvas allows
    float zoom = 1;                   // when !fit: screen pixels per image pixel
    ImVec2 center{0.5f, 0.5f};        // when !fit: the image point at the canvas centre, as a fraction of its size
};

struct ImageCanvasImage {
    ImTextureID texture = nullptr;    // null: an empty canvas (no GL, headless tests) with the same mapping
    int width = 0, height = 0;        // the image's size in pixels (a texture may be smaller, scaled down)
    const ImageBuffer* values = nullptr;  // raw pixels for the values drawn at high zoom; null: none drawn
    bool checkerboard = false;        // a checkerboard under the image, so transparency shows
    // The left button is the caller's (an ImageEditor paints with it): the middle or right button
    // pans instead, and there is no click or double-click fit. The wheel zooms as always.
    bool paint = false;
};

struct ImageCanvasResult {
    ImageTransform transform;                // where the image was drawn this frame
    std::optional<ImagePixel> hovered;       // the pixel under the mouse
    std::optional<ImagePixel> clicked;       // pressed and released on this pixel without dragging
};

// Draws the canvas at the cursor, `size` screen pixels, and handles the mouse on it.
// Advances the cursor like an ImGui item of that size.
ImageCanvasResult image_canvas(const char* id, ImageViewport& viewport, const ImageCanvasImage& image, ImVec2 size);

// The mapping a canvas of `size` at `canvas_min` uses for `viewport` (fit resolved), without drawing.
ImageTransform canvas_transform(const ImageViewport& viewport, int width, int height, ImVec2 canvas_min, ImVec2 size);

// Zoom changes, as the buttons and the wheel make them.
void zoom_at(ImageViewport& viewport, const ImageTransform& current, ImVec2 screen_point, float factor);
void zoom_actual_size(ImageViewport& viewport, const ImageTransform& current);  // 1:1, keeping the centre
inline void zoom_fit(ImageViewport& viewport) { viewport.fit = true; }

// Draws in image coordinates over a canvas, clipped to it (RAII: the clip ends with the object).
class ImageOverlay {
public:
    explicit ImageOverlay(const ImageTransform& transform);
    ~ImageOverlay();
    ImageOverlay(const ImageOverlay&) = delete;
    ImageOverlay& operator=(const ImageOverlay&) = delete;

    ImDrawList* draw_list() const { return draw_; }
    const ImageTransform& transform() const { return transform_; }
    ImVec2 to_screen(ImVec2 image) const { return transform_.to_screen(image); }
    void rect(ImVec2 image_min, ImVec2 image_max, ImU32 color, float thickness = 2.0f) const;
    void rect_filled(ImVec2 image_min, ImVec2 image_max, ImU32 color) const;
    void line(ImVec2 image_a, ImVec2 image_b, ImU32 color, float thickness = 2.0f) const;
    void text(ImVec2 image_at, ImU32 color, const char* text) const;
    // A whole texture laid over the image (a mask), same size as the image.
    void image(ImTextureID texture, ImU32 tint = IM_COL32_WHITE) const;

private:
    ImageTransform transform_;
    ImDrawList* draw_;
};

}  // namespace imgr
