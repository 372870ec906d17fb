#include "imgr/engine/flagging/csv_logger.h"

#include "imgr/engine/flagging/csv.h"
#include "imgr/model/utf8.h"

namespace imgr {

std::string CSVLogger::log_file_name(int index) const {
    return index == 0 ? "logs.csv" : "logs_" + std::to_string(index) + ".csv";
}

std::string CSVLogger::encode_header(const std::vector<std::string>& header) const { return csv_row(header); }

std::string CSVLogger::encode_row(const std::vector<std::string>&, const std::vector<Value>& cells) const {
    CsvRow row;
    row.reserve(cells.size());
    for (const Value& cell : cells) row.push_back(valid_utf8(to_cell(cell)));
    return csv_row(row);
}

FileLogger::Inspection CSVLogger::inspect(std::string_view content, const std::vector<std::string>& header) const {
    Inspection result;
    const CsvScan scan = scan_csv(content);
    if (!scan.error.empty()) return result;  // not a CSV file this logger wrote: leave it alone
    if (scan.rows.empty()) {
        // No complete record: ours only if it is the start of our own header, cut short.
        result.ours = std::string_view(encode_header(header)).starts_with(content);
        return result;
    }
    if (scan.rows.front() != header) return result;
    result.ours = true;
    result.complete_bytes = scan.complete_bytes;
    result.rows = static_cast<int>(scan.rows.size()) - 1;
    return result;
}

}  // namespace imgr
