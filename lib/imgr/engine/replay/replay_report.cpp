#include "imgr/engine/replay/replay_report.h"

#include "imgr/model/image_io.h"
#include "imgr/model/quoted_text.h"

#include <cstdint>

namespace imgr {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string base64(const std::uint8_t* data, size_t size) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((size + 2) / 3 * 4);
    for (size_t i = 0; i < size; i += 3) {
        const std::uint32_t n = (std::uint32_t)data[i] << 16 | (i + 1 < size ? (std::uint32_t)data[i + 1] << 8 : 0) |
                                (i + 2 < size ? data[i + 2] : 0);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < size ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < size ? digits[n & 63] : '=';
    }
    return out;
}

std::string html_value(const Value& value) {
    if (const auto* image = std::get_if<ImageBuffer>(&value)) {
        if (image->empty()) return "<i>no image</i>";
        const std::vector<std::uint8_t> png = encode_png(*image);
        return "<img alt=\"" + html_escape(describe(value)) + "\" src=\"data:image/png;base64," +
               base64(png.data(), png.size()) + "\">";
    }
    if (std::holds_alternative<std::monostate>(value)) return "<i>no value</i>";
    if (const auto* label = std::get_if<LabelValue>(&value)) {
        std::string out = "<b>" + html_escape(top_class(*label)) + "</b>";
        for (const auto& [name, score] : label->confidences)
            out += "<br>" + html_escape(name) + ": " + html_escape(format_number(score));
        return out;
    }
    return "<code>" + html_escape(to_cell(value)) + "</code>";
}

ReplayReport::ReplayReport(std::string title) : title_(std::move(title)) {}

void ReplayReport::add(const ReplayRow& row) {
    const std::string status = replay_status_name(row.status);
    if (columns_.empty() && !row.outputs.empty())
        for (const ReplayCell& cell : row.outputs)
            columns_ += "<th>" + html_escape(cell.column) + "<br>flagged</th><th>" + html_escape(cell.column) +
                        "<br>new</th>";
    std::string tr = "<tr class=\"" + status + "\" id=\"row-" + std::to_string(row.number) + "\">";
    tr += "<td>" + std::to_string(row.number) + "<br><small>" + html_escape(row.file) + ":" +
          std::to_string(row.line) + "</small></td>";
    tr += "<td class=\"status\">" + status + "</td>";
    // A folder's flag and note cells are quoted, not dumped (at most 500 characters each).
    tr += "<td>" + html_escape(shortened(row.flag, 500)) + "</td><td>" + html_escape(shortened(row.note, 500)) + "</td><td>";
    for (const ReplayCell& cell : row.inputs)
        tr += "<div><small>" + html_escape(cell.column) + "</small> " + html_value(cell.flagged) + "</div>";
    tr += "</td>";
    if (row.status == ReplayStatus::Unchanged || row.status == ReplayStatus::Changed) {
        for (const ReplayCell& cell : row.outputs) {
            const char* mark = cell.comparison.same ? "" : " class=\"diff\"";
            tr += std::string("<td") + mark + ">" + html_value(cell.flagged) + "</td><td" + mark + ">" +
                  html_value(cell.replayed);
            if (!cell.comparison.same) tr += "<br><small>" + html_escape(cell.comparison.detail) + "</small>";
            tr += "</td>";
        }
    } else {
        tr += "<td class=\"message\" colspan=\"99\">" + html_escape(row.message) + "</td>";
    }
    rows_ += tr + "</tr>\n";
}

std::string ReplayReport::html(const ReplaySummary& summary) const {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + html_escape(title_) +
        "</title>\n<style>\n"
        "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\n"
        "th{background:#f3f3f3}img{max-width:240px;max-height:240px;display:block}\n"
        "tr.changed .status{color:#b00;font-weight:bold}tr.failed .status,tr.unreadable .status{color:#a60;font-weight:bold}\n"
        "td.diff{background:#ffe0e0}td.message{color:#a60}code{white-space:pre-wrap}\n"
        "</style></head><body>\n<h1>" + html_escape(title_) + "</h1>\n<p class=\"summary\">" +
        html_escape(format_replay_summary(summary)) + "</p>\n";
    page += "<table>\n<thead><tr><th>row</th><th>status</th><th>flag</th><th>note</th><th>inputs</th>" + columns_ +
            "</tr></thead>\n<tbody>\n" + rows_ + "</tbody></table>\n</body></html>\n";
    return page;
}

}  // namespace imgr
