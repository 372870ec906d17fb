// ImageEditor's view: a tool bar (one button per palette brush, the eraser,
// undo, redo, clear, the brush size) over the image canvas in paint mode: the
// left button paints into the first layer in image pixels at any zoom, the
// wheel zooms, the middle or right button pans. Strokes are painted into the
// view's own copy of the layers; `input` fires while painting (at most every
// kEditorInputSeconds) and `change` when the stroke ends. Only the rectangle
// a frame painted goes up to the GPU (TextureSource::texture_for_painting).
//
// Shortcuts, while the pointer is over the canvas (each button's tooltip says
// its own): 1..9 a palette brush, B the brush again, E the eraser, [ and ] the
// size, Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo.
#pragma once
#include "imgr/model/edit_history.h"
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/image_canvas.h"

namespace imgr {

inline constexpr double kEditorInputSeconds = 0.1;

// The tool bar's buttons after the palette's brushes, in ComponentTargets::choices:
// choice editor_button_choice(brushes, b) is button b (brush k is choice k).
enum class EditorButton { Eraser, Undo, Redo, Clear };
inline size_t editor_button_choice(size_t brushes, EditorButton button) { return brushes + (size_t)button; }

struct ImageEditorViewState {
    bool started = false;
    ImageViewport own;                 // zoom and pan when not linked
    size_t brush = 0;                  // the palette brush in use
    bool eraser = false;               // the eraser is the tool (the brush is kept for B)
    float size = 12;                   // brush diameter in image pixels
    EditHistory history;
    ImageEditorValue working;          // the layers and composite being painted
    uint64_t seen_version = 0;         // the component's engine version `working` reflects
    bool painting = false;
    ImVec2 last{0, 0};                 // the stroke's last point, image coordinates
    PixelRect stroke;                  // what the stroke has covered
    PixelRect dirty;                   // changed since the layers' textures were last sent
    bool unsent = false;               // painted since the last `input`
    double last_input = 0;             // ImGui time of the last `input`
};

// The state of an editor drawn at least once; null before. Mutable: the script player
// sets the brush size as a person sets the size field.
ImageEditorViewState* image_editor_state(const ComponentCache& cache);

}  // namespace imgr
