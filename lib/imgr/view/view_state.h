// What a person arranged in the view apart from values: the tab each tab bar
// shows, which accordions are open, how far the page is scrolled. A --watch
// reload hands it to the new process (docs/watch.md), which may have other
// tabs: each is named by its path of tab and accordion titles, so a title
// that is gone is simply not restored.
#pragma once
#include <string>
#include <vector>

namespace imgr {

struct ViewState {
    struct Header {
        std::string path;   // titles from the root, "Settings/Advanced" (a '/' in a title is kept as it is)
        bool open = false;  // a tab: selected; an accordion: open
    };
    std::vector<Header> tabs;        // every tab drawn so far, selected or not
    std::vector<Header> accordions;  // every accordion drawn so far
    float scroll_y = 0;              // the page's scroll, in pixels
    struct ImageZoom {               // an Image's zoom and pan, by its label (the n-th Image with it)
        std::string label;
        int occurrence = 0;
        bool fit = true;
        float zoom = 1, center_x = 0.5f, center_y = 0.5f;  // as ImageViewport (widgets/image_canvas.h)
    };
    std::vector<ImageZoom> images;
};

}  // namespace imgr
