#include "imgr/engine/replay/replay_report.h"

#include "imgr/model/quoted_text.h"

#include <cstdio>

namespace imgr {

namespace {

// "rows 101–250,000: 249,900 unchanged, not shown": one line for a run of unchanged rows.
std::string collapsed_line(int first, int last, int rows) {
    const std::string which = first == last ? "row " + with_thousands(first) + ": unchanged"
                                            : "rows " + with_thousands(first) + "\u2013" + with_thousands(last) + ": " +
                                                  with_thousands(rows) + " unchanged";
    return "<p class=\"row collapsed\">" + which + ", not shown</p>\n";
}

}  // namespace

std::string with_thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int at = (int)digits.size() - 3; at > 0; at -= 3) digits.insert((size_t)at, ",");
    return n < 0 ? "-" + digits : digits;
}

std::string format_page_size(size_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + " bytes";
    static const char* const units[] = {"KB", "MB", "GB", "TB"};
    double size = (double)bytes / 1000;
    int unit = 0;
    while (size >= 999.95 && unit < 3) size /= 1000, ++unit;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", size, units[unit]);
    return text;
}

ReplayReport::ReplayReport(std::string title) : title_(std::move(title)) {}

void ReplayReport::close_unchanged_run() {
    if (run_rows_ == 0) return;
    rows_ += collapsed_line(run_first_, run_last_, run_rows_);
    run_rows_ = 0;
}

void ReplayReport::add(const ReplayRow& row) {
    if (row.status == ReplayStatus::Unchanged && unchanged_shown_ >= kUnchangedRowsShownInFull) {
        if (run_rows_ == 0) run_first_ = row.number;
        run_last_ = row.number;
        ++run_rows_;
        ++unchanged_not_shown_;
        return;
    }
    close_unchanged_run();
    const std::string status = replay_status_name(row.status);
    // A folder's flag and note cells are quoted, not dumped (at most 500 characters each).
    std::string head = "<span class=\"number\">row " + std::to_string(row.number) + "</span> <span class=\"status\">" + status +
                       "</span> <small>" + html_escape(row.file) + ":" + std::to_string(row.line) + "</small>";
    if (!row.flag.empty()) head += " <span class=\"flag\">" + html_escape(shortened(row.flag, 500)) + "</span>";
    if (!row.note.empty()) head += " <span class=\"note\">" + html_escape(shortened(row.note, 500)) + "</span>";
    for (const std::string& change : row.changes) head += " <span class=\"change\">" + html_escape(change) + "</span>";

    std::string body = "<div class=\"inputs\">";
    for (const ReplayCell& cell : row.inputs)
        body += "<div class=\"input\"><h4>" + html_escape(cell.column) + "</h4>" + html_value(cell.flagged) + "</div>";
    body += "</div>";
    if (row.status == ReplayStatus::Unchanged || row.status == ReplayStatus::Changed) {
        body += "<div class=\"outputs\">";
        for (const ReplayCell& cell : row.outputs)
            body += std::string("<div class=\"output") + (cell.comparison.same ? "" : " diff") + "\"><h4>" + html_escape(cell.column) +
                    "</h4>" + html_compared(cell) + "</div>";
        body += "</div>";
    } else {
        body = "<p class=\"message\">" + html_escape(row.message) + "</p>" + body;
    }
    const std::string id = "row-" + std::to_string(row.number);
    if (row.status == ReplayStatus::Unchanged) {  // one line, opened on a click
        ++unchanged_shown_;
        rows_ += "<details class=\"row unchanged\" id=\"" + id + "\"><summary>" + head + "</summary>" + body + "</details>\n";
    } else {
        rows_ += "<section class=\"row " + status + "\" id=\"" + id + "\"><header>" + head + "</header>" + body + "</section>\n";
    }
}

std::string ReplayReport::html(const ReplaySummary& summary) const {
    const std::string collapse_note =
        unchanged_not_shown_ == 0 ? ""
                                  : "<p class=\"summary\">Changed, failed and unreadable rows are all shown; of the unchanged "
                                    "ones the first " + std::to_string(kUnchangedRowsShownInFull) + ", then each run of them as one line (" +
                                        with_thousands(unchanged_not_shown_) +
                                        (unchanged_not_shown_ == 1 ? " row" : " rows") + " not shown).</p>\n";
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width\">\n<title>" + html_escape(title_) +
           "</title>\n<style>\n"
           "body{font-family:sans-serif;margin:1em auto;padding:0 1em;max-width:1360px;color:#222}\n"
           ".row{display:block;border:1px solid #ccc;border-radius:6px;margin:8px 0;padding:6px 10px}\n"
           ".row header,.row summary{font-size:15px;line-height:1.6}.row summary{cursor:pointer}\n"
           ".status{font-weight:bold}.changed .status{color:#b00}.failed .status,.unreadable .status{color:#a60}\n"
           ".unchanged .status{color:#070}.flag{background:#eef;padding:0 4px}.note{color:#555}\n"
           ".change{color:#b00;font-size:13px}.message{color:#a60}\n"
           "h4{margin:6px 0 2px;font-size:13px;color:#555}\n"
           ".inputs,.outputs{display:flex;flex-wrap:wrap;gap:10px}.input{flex:1 1 220px;min-width:0;max-width:100%}\n"
           ".output{flex:1 1 420px;min-width:0;max-width:100%}.output.diff{background:#fff4f4}\n"
           ".pair{display:flex;gap:6px}.pair figure{flex:1 1 0;min-width:0;margin:0}\n"
           "figcaption{font-size:12px;color:#666}img{max-width:100%;max-height:320px;display:block}\n"
           ".annotated{position:relative;display:inline-block;max-width:100%}\n"
           ".annotated svg{position:absolute;left:0;top:0;width:100%;height:100%}\n"
           ".swatch{display:inline-block;width:10px;height:10px;margin-right:3px}\n"
           ".bars div{display:flex;gap:6px;align-items:center;font-size:13px}.bars .name{flex:0 0 30%;overflow:hidden}\n"
           ".track{flex:1 1 60px;min-width:40px;background:#eee;height:10px}.score{flex:0 0 auto}.bar{display:block;background:#f28e2b;height:10px}\n"
           "code,pre{white-space:pre-wrap;overflow-wrap:anywhere}pre{max-height:400px;overflow:auto;font-size:12px}\n"
           ".collapsed{color:#555;border-style:dashed;font-size:14px}\n"
           "del{background:#fcc}ins{background:#cfc;text-decoration:none}.detail,.note{font-size:12px;overflow-wrap:anywhere}\n"
           "</style></head><body>\n<h1>" + html_escape(title_) + "</h1>\n<p class=\"summary\">" +
           html_escape(format_replay_summary(summary)) + "</p>\n" + collapse_note + rows_ +
           (run_rows_ ? collapsed_line(run_first_, run_last_, run_rows_) : "") + "</body></html>\n";
}

}  // namespace imgr
