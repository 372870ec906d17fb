// Capture: reads the rendered frame back from OpenGL as an image. Screenshots
// are written as every PNG of imgr is: save_png (model/image_io.h), without
// fsync (Durability::NoFsync).
#pragma once
#include "imgr/model/image.h"

namespace imgr {

// The bound read framebuffer (call after rendering, before the swap) as RGB8, top row first.
ImageBuffer read_framebuffer(int width, int height);

}  // namespace imgr
