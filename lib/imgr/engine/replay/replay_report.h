// The replay as one self-contained HTML page (--replay-report FILE.html): the
// rows in flagged order, each row's flagged and new outputs side by side as the
// window shows them (report_values.h), what changed marked. A row that changed,
// failed or could not be read is open; an unchanged one is one line that opens
// on a click (details/summary: no script). The page fits 1,400 pixels: outputs
// wrap rather than widen it. Images are inlined as data: URIs; the page loads
// nothing from elsewhere, so it can be attached to a pull request as it is.
#pragma once
#include "imgr/engine/replay/replay.h"
#include "imgr/engine/replay/report_values.h"

#include <string>

namespace imgr {

class ReplayReport {
public:
    // `title`: what was replayed, e.g. the app's name and the folder.
    explicit ReplayReport(std::string title);
    void add(const ReplayRow& row);  // rows need their values (ReplayOptions::with_values)
    std::string html(const ReplaySummary& summary) const;  // the whole page

private:
    std::string title_;
    std::string rows_;     // the rows' HTML, as added (values are not kept: a folder is streamed)
};

}  // namespace imgr
