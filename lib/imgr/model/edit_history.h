// Undo and redo of an editor's strokes, bounded: each step keeps only the
// 64x64 tiles a stroke changed (their pixels before and after), at most
// `max_steps` steps and `max_bytes` of pixels; past either bound the oldest
// steps are forgotten. A diagonal stroke across a 4096x4096 layer with a
// 24-pixel brush keeps about 4 MiB; clearing a whole layer of that size, 128 MiB.
#pragma once
#include "imgr/model/brush_stroke.h"
#include "imgr/model/image.h"

#include <cstddef>
#include <deque>
#include <vector>

namespace imgr {

class EditHistory {
public:
    explicit EditHistory(size_t max_steps = 50, size_t max_bytes = size_t(256) << 20)
        : max_steps_(max_steps), max_bytes_(max_bytes) {}

    // Before a stroke changes `layer`: keeps it as it is (a shared copy, so nothing is copied
    // until the stroke writes); once the stroke ended, commit() keeps `touched` of it before and
    // after as one step. An empty rectangle is no step. commit() drops the redo steps.
    void begin(const ImageBuffer& layer, size_t layer_index);
    void commit(const ImageBuffer& layer, const PixelRect& touched);
    // Undo: puts the last step's pixels back into layers; returns the rectangle changed (empty: nothing to undo).
    PixelRect undo(std::vector<ImageBuffer>& layers, size_t* layer_index = nullptr);
    PixelRect redo(std::vector<ImageBuffer>& layers, size_t* layer_index = nullptr);
    void forget();                       // a new background: nothing of the old one can come back

    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    size_t steps() const { return done_.size(); }
    size_t bytes() const { return bytes_; }   // pixels kept, for before and after of every step

private:
    struct Tile {
        PixelRect rect;
        std::vector<uint8_t> before, after;   // RGBA8 rows of rect
    };
    struct Step {
        size_t layer = 0;
        PixelRect rect;                       // around every tile
        std::vector<Tile> tiles;              // only those whose pixels changed
        size_t bytes = 0;
    };
    static std::vector<uint8_t> copy_rect(const ImageBuffer& layer, const PixelRect& rect);
    static void paste_rect(ImageBuffer& layer, const PixelRect& rect, const std::vector<uint8_t>& pixels);
    size_t step_bytes(const Step& step) const { return step.bytes; }
    void trim();
    PixelRect step_back(std::deque<Step>& from, std::deque<Step>& to, bool after, std::vector<ImageBuffer>& layers,
                        size_t* layer_index);

    size_t max_steps_, max_bytes_;
    std::deque<Step> done_, undone_;
    size_t bytes_ = 0;
    // The stroke being painted: its layer as it was when it began.
    bool open_ = false;
    ImageBuffer start_;
    size_t open_layer_ = 0;
};

}  // namespace imgr
