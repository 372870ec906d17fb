// How a Row shares its width, in the sense of Gradio: free width goes to the
// children by scale, none is narrower than its min_width, and children that
// do not fit wrap onto the next line.
#pragma once
#include <vector>

namespace imgr {

struct RowItem {
    float scale = 1.0f;      // 0: just its min_width, never more
    float min_width = 0.0f;  // pixels
};

struct RowPlacement {
    int line = 0;            // wrapped line, from 0
    float x = 0.0f;          // from the row's left edge
    float width = 0.0f;
};

std::vector<RowPlacement> place_row(const std::vector<RowItem>& items, float available_width, float spacing);
// The same into `out` (cleared first), reusing its memory: what the view calls every frame.
void place_row(const std::vector<RowItem>& items, float available_width, float spacing, std::vector<RowPlacement>& out);

}  // namespace imgr
