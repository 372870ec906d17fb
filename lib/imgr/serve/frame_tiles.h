// Which parts of a frame changed: the frame is compared with the previous one
// in square tiles, and only the tiles that differ are copied into the VNC
// framebuffer and sent, so an idle demo sends nothing and a moving slider
// sends the few tiles around it.
#pragma once
#include "imgr/model/image.h"

#include <cstdint>
#include <vector>

namespace imgr::serve {

struct TileRect {
    int x = 0, y = 0, width = 0, height = 0;
};

class FrameTiles {
public:
    static constexpr int kTile = 32;  // pixels a side: small enough that a caret's blink sends little

    // Compares `frame` (RGB8, top row first) with the previous frame, writes the
    // tiles that differ into `framebuffer` (32 bits a pixel, R G B X, the same
    // size) and returns them. The first frame, and a frame of a new size, is one
    // tile: the whole frame.
    std::vector<TileRect> update(const ImageBuffer& frame, uint8_t* framebuffer);
    void forget() { previous_ = ImageBuffer(); }  // the next frame is sent whole

private:
    bool tile_differs(const ImageBuffer& frame, const TileRect& tile) const;
    ImageBuffer previous_;
};

}  // namespace imgr::serve
