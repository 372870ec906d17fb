#include "imgr/view/row_layout.h"

#include <algorithm>

namespace imgr {
namespace {

// Widths for one line: shares of the free width by scale, with items that
// would fall below their minimum pinned at it and the rest shared again.
void share_line(const std::vector<RowItem>& items, size_t begin, size_t end, float available, float spacing,
                int line, std::vector<RowPlacement>& out) {
    const size_t n = end - begin;
    // Scratch kept between calls: rows are placed every frame (share_line does not recurse).
    static thread_local std::vector<float> width;
    static thread_local std::vector<char> pinned;
    width.assign(n, 0.0f);
    pinned.assign(n, 0);
    float free = std::max(0.0f, available - spacing * (float)(n - 1));
    for (size_t i = 0; i < n; ++i)
        if (items[begin + i].scale <= 0) {
            width[i] = std::min(items[begin + i].min_width, free);
            pinned[i] = 1;
        }
    for (bool again = true; again;) {
        again = false;
        float pool = free, scale_sum = 0;
        for (size_t i = 0; i < n; ++i) {
            if (pinned[i]) pool -= width[i];
            else scale_sum += items[begin + i].scale;
        }
        if (scale_sum <= 0) break;
        for (size_t i = 0; i < n; ++i) {
            if (pinned[i]) continue;
            width[i] = std::max(0.0f, pool) * items[begin + i].scale / scale_sum;
            if (width[i] < items[begin + i].min_width) {
                width[i] = std::min(items[begin + i].min_width, free);
                pinned[i] = 1;
                again = true;
            }
        }
    }
    float x = 0;
    for (size_t i = 0; i < n; ++i) {
        out.push_back({line, x, width[i]});
        x += width[i] + spacing;
    }
}

}  // namespace

std::vector<RowPlacement> place_row(const std::vector<RowItem>& items, float available, float spacing) {
    std::vector<RowPlacement> out;
    place_row(items, available, spacing, out);
    return out;
}

void place_row(const std::vector<RowItem>& items, float available, float spacing, std::vector<RowPlacement>& out) {
    out.clear();
    out.reserve(items.size());
    size_t begin = 0;
    int line = 0;
    while (begin < items.size()) {
        // As many items as fit at their minimum widths; at least one.
        size_t end = begin + 1;
        float used = items[begin].min_width;
        while (end < items.size() && used + spacing + items[end].min_width <= available) {
            used += spacing + items[end].min_width;
            ++end;
        }
        share_line(items, begin, end, available, spacing, line++, out);
        begin = end;
    }
}

}  // namespace imgr
