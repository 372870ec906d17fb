// Gradio's Label output: the top class in large text, then a bar per class
// with its confidence as a percentage, highest first.
//
// Sorting and formatting happen in summarize_label (once per value); drawing a
// LabelSummary allocates nothing. LabelBarsCache does the bookkeeping.
#pragma once
#include "imgr/model/value.h"
#include "imgr/view/font_roles.h"

#include <string>
#include <vector>

namespace imgr::widgets {

struct LabelBar {
    std::string name;
    double confidence = 0;
    std::string percent;  // "73%": rounded to a whole percent, as Gradio shows it; "-" for NaN
    bool operator==(const LabelBar&) const = default;
};

struct LabelSummary {
    std::string top;             // value.label, or the most confident class when it is empty
    std::vector<LabelBar> bars;  // by confidence, highest first (ties keep their order, NaN last)
    bool operator==(const LabelSummary&) const = default;
};

// num_top_classes < 0: every class; 0: none (the top label only); n: the n most confident.
LabelSummary summarize_label(const LabelValue& value, int num_top_classes = -1);

// Draws at the cursor, `width` wide (<= 0: the available width). The top
// label uses fonts.heading (null: the current font, drawn larger), the bars
// fonts.regular.
// Returns the index in summary.bars of the bar a click landed on this frame, -1 when none.
int draw_label_summary(const LabelSummary& summary, const FontRoles& fonts = {}, float width = 0.0f);

// Keeps the summary of the last value shown; recomputes it only when the
// value or the limit changes (a comparison, no allocation, when they don't).
class LabelBarsCache {
public:
    const LabelSummary& get(const LabelValue& value, int num_top_classes);

private:
    LabelValue source_;
    int limit_ = -1;
    bool valid_ = false;
    LabelSummary summary_;
};

}  // namespace imgr::widgets
