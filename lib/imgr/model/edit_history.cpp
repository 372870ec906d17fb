#include "imgr/model/edit_history.h"

#include <algorithm>

namespace imgr {

std::vector<uint8_t> EditHistory::copy_rect(const ImageBuffer& layer, const PixelRect& rect) {
    std::vector<uint8_t> pixels(rect.pixel_count() * 4);
    const size_t row = (size_t)(rect.x1 - rect.x0) * 4;
    for (int y = rect.y0; y < rect.y1; ++y)
        std::copy_n(layer.u8() + ((size_t)y * layer.width() + rect.x0) * 4, row, pixels.data() + (size_t)(y - rect.y0) * row);
    return pixels;
}

void EditHistory::paste_rect(ImageBuffer& layer, const PixelRect& rect, const std::vector<uint8_t>& pixels) {
    const size_t row = (size_t)(rect.x1 - rect.x0) * 4;
    uint8_t* out = layer.mutable_u8();
    for (int y = rect.y0; y < rect.y1; ++y)
        std::copy_n(pixels.data() + (size_t)(y - rect.y0) * row, row, out + ((size_t)y * layer.width() + rect.x0) * 4);
}

void EditHistory::begin(const ImageBuffer& layer, size_t layer_index) {
    open_ = true;
    start_ = layer;
    open_layer_ = layer_index;
}

void EditHistory::commit(const ImageBuffer& layer, const PixelRect& touched) {
    if (!open_) return;
    open_ = false;
    const ImageBuffer before = std::move(start_);
    start_ = ImageBuffer();
    if (touched.empty() || before.width() != layer.width() || before.height() != layer.height()) return;
    for (const Step& step : undone_) bytes_ -= step_bytes(step);
    undone_.clear();
    // The stroke's rectangle in tiles, each kept only when the stroke changed it: a diagonal stroke's
    // rectangle is the whole layer, its tiles a thin band.
    constexpr int kTile = 64;
    Step step{open_layer_, {}, {}, 0};
    for (int y = touched.y0; y < touched.y1; y = (y / kTile + 1) * kTile)
        for (int x = touched.x0; x < touched.x1; x = (x / kTile + 1) * kTile) {
            const PixelRect tile{x, y, std::min(touched.x1, (x / kTile + 1) * kTile), std::min(touched.y1, (y / kTile + 1) * kTile)};
            std::vector<uint8_t> was = copy_rect(before, tile), is = copy_rect(layer, tile);
            if (was == is) continue;
            step.rect.add(tile);
            step.bytes += was.size() + is.size();
            step.tiles.push_back({tile, std::move(was), std::move(is)});
        }
    if (step.tiles.empty()) return;
    bytes_ += step_bytes(step);
    done_.push_back(std::move(step));
    trim();
}

void EditHistory::trim() {
    while (!done_.empty() && (done_.size() > max_steps_ || bytes_ > max_bytes_)) {
        bytes_ -= step_bytes(done_.front());
        done_.pop_front();
    }
}

// Moves the last step of `from` to `to`, putting back its pixels before (undo) or after (redo).
PixelRect EditHistory::step_back(std::deque<Step>& from, std::deque<Step>& to, bool after, std::vector<ImageBuffer>& layers,
                                 size_t* layer_index) {
    if (from.empty()) return {};
    Step step = std::move(from.back());
    from.pop_back();
    if (step.layer >= layers.size()) {  // the value has fewer layers now: the step cannot apply
        bytes_ -= step_bytes(step);
        return {};
    }
    for (const Tile& tile : step.tiles) paste_rect(layers[step.layer], tile.rect, after ? tile.after : tile.before);
    if (layer_index) *layer_index = step.layer;
    const PixelRect rect = step.rect;
    to.push_back(std::move(step));
    return rect;
}

PixelRect EditHistory::undo(std::vector<ImageBuffer>& layers, size_t* layer_index) {
    return step_back(done_, undone_, false, layers, layer_index);
}

PixelRect EditHistory::redo(std::vector<ImageBuffer>& layers, size_t* layer_index) {
    return step_back(undone_, done_, true, layers, layer_index);
}

void EditHistory::forget() {
    done_.clear();
    undone_.clear();
    bytes_ = 0;
    open_ = false;
    start_ = ImageBuffer();
}

}  // namespace imgr
