// The replay as one self-contained HTML page (--replay-report FILE.html):
// a table of the rows in flagged order, the flagged and the new outputs side
// by side, changed cells highlighted. Images are inlined as data: URIs; the
// page loads nothing from elsewhere and has no scripts, so it can be attached
// to a pull request as it is. Every text is escaped.
#pragma once
#include "imgr/engine/replay/replay.h"

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
    std::string rows_;     // the table's rows, as added (values are not kept: a folder is streamed)
    std::string columns_;  // the header cells, from the first row with outputs
};

// For the page and its tests.
std::string html_escape(std::string_view text);            // & < > " '
std::string base64(const std::uint8_t* data, size_t size);
std::string html_value(const Value& value);                // an image as <img src="data:image/png;base64,...">

}  // namespace imgr
