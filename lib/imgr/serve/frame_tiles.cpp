#include "imgr/serve/frame_tiles.h"

#include <algorithm>
#include <cstring>

namespace imgr::serve {
namespace {
void copy_tile(const ImageBuffer& frame, const TileRect& tile, uint8_t* framebuffer) {
    const uint8_t* pixels = frame.u8();
    for (int y = tile.y; y < tile.y + tile.height; ++y) {
        const uint8_t* from = pixels + ((size_t)y * frame.width() + tile.x) * 3;
        uint8_t* to = framebuffer + ((size_t)y * frame.width() + tile.x) * 4;
        for (int x = 0; x < tile.width; ++x, from += 3, to += 4) {
            to[0] = from[0];
            to[1] = from[1];
            to[2] = from[2];
            to[3] = 0;
        }
    }
}
}  // namespace

bool FrameTiles::tile_differs(const ImageBuffer& frame, const TileRect& tile) const {
    const size_t row = (size_t)frame.width() * 3, bytes = (size_t)tile.width * 3;
    const uint8_t* now = frame.u8() + (size_t)tile.x * 3;
    const uint8_t* before = previous_.u8() + (size_t)tile.x * 3;
    for (int y = tile.y; y < tile.y + tile.height; ++y)
        if (std::memcmp(now + y * row, before + y * row, bytes) != 0) return true;
    return false;
}

std::vector<TileRect> FrameTiles::update(const ImageBuffer& frame, uint8_t* framebuffer) {
    std::vector<TileRect> changed;
    if (frame.width() <= 0 || frame.height() <= 0 || frame.channels() != 3 || !frame.u8()) return changed;
    const bool whole = previous_.width() != frame.width() || previous_.height() != frame.height() ||
                       previous_.channels() != 3 || !previous_.u8();
    if (whole) {
        changed.push_back({0, 0, frame.width(), frame.height()});
    } else {
        for (int y = 0; y < frame.height(); y += kTile)
            for (int x = 0; x < frame.width(); x += kTile) {
                const TileRect tile{x, y, std::min(kTile, frame.width() - x), std::min(kTile, frame.height() - y)};
                if (tile_differs(frame, tile)) changed.push_back(tile);
            }
    }
    for (const TileRect& tile : changed) copy_tile(frame, tile, framebuffer);
    previous_ = frame;  // shares the pixels: the runner makes a new buffer each capture
    return changed;
}

}  // namespace imgr::serve
