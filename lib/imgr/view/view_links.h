// ViewLinks: the zoom and pan that linked image views share (Image's
// zoom_link: an Interface links its input and output images by default), so
// input and output are compared at the same spot. Views of one link share a
// viewport only when their images have the same size; other sizes keep their own.
// Owned by the BlocksView; lives as long as it.
#pragma once
#include "imgr/view/widgets/image_canvas.h"

#include <map>
#include <string>
#include <tuple>

namespace imgr {

class ViewLinks {
public:
    // The viewport of `link` for images of this size (made, fitted, on first use). Stable reference.
    ImageViewport& viewport(const std::string& link, int width, int height) {
        return viewports_[std::make_tuple(link, width, height)];
    }
    size_t size() const { return viewports_.size(); }

private:
    std::map<std::tuple<std::string, int, int>, ImageViewport> viewports_;
};

}  // namespace imgr
