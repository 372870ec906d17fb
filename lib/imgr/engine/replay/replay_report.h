// The replay as one self-contained HTML page (--replay-report FILE.html): the
// rows in flagged order, each row's flagged and new outputs side by side as the
// window shows them (report_values.h), what changed marked. A row that changed,
// failed or could not be read is open; an unchanged one is one line that opens
// on a click (details/summary: no script); after the first
// kUnchangedRowsShownInFull of them, each run of unchanged rows is one line
// that counts them, so the page grows with what changed, not with the rows.
// The page fits 1,400 pixels: outputs wrap rather than widen it. Images are
// inlined as data: URIs; the page loads nothing from elsewhere, so it can be
// attached to a pull request as it is.
#pragma once
#include "imgr/engine/replay/replay.h"
#include "imgr/engine/replay/report_values.h"

#include <string>

namespace imgr {

// Enough unchanged rows to see what the replay compared (a reader can open them),
// few enough that a folder of a million passing rows still makes a page a browser opens:
// each one inlines its images.
inline constexpr int kUnchangedRowsShownInFull = 100;

class ReplayReport {
public:
    // `title`: what was replayed, e.g. the app's name and the folder.
    explicit ReplayReport(std::string title);
    void add(const ReplayRow& row);  // rows need their values (ReplayOptions::with_values)
    std::string html(const ReplaySummary& summary) const;  // the whole page

private:
    void close_unchanged_run();

    std::string title_;
    std::string rows_;     // the rows' HTML, as added (values are not kept: a folder is streamed)
    int unchanged_shown_ = 0;
    // The unchanged rows after the first kUnchangedRowsShownInFull, since the last row shown.
    int run_first_ = 0, run_last_ = 0, run_rows_ = 0;
    long long unchanged_not_shown_ = 0;
};

// "1,234,567": the counts a collapsed line gives.
std::string with_thousands(long long n);

// "812 bytes", "3.4 KB", "1.2 MB", "2.0 GB" (powers of 1,000): the page's size in replay's closing note.
std::string format_page_size(size_t bytes);

}  // namespace imgr
