// CSVLogger: flagged rows in D/logs.csv, as docs/flagging.md describes.
//
//     imgr::CSVLogger logger;
//     logger.setup({{"num1", ComponentKind::Number}, {"operation", ComponentKind::Radio},
//                   {"num2", ComponentKind::Number}, {"Output", ComponentKind::Number}},
//                  "flagged", {.flag_column = true});
//     logger.flag({5.0, std::string("add"), 7.0, -12.0}, "wrong sign");
//
// gives flagged/logs.csv:
//
//     num1,operation,num2,Output,flag,timestamp
//     5,add,7,-12,wrong sign,2022-02-04 11:40:51.093412
//
// UTF-8 (invalid bytes become U+FFFD), RFC 4180 quoting, rows ending in "\n".
// Strings are written as they are: no spreadsheet-formula escaping of a
// leading '=', so every value reads back exactly.
#pragma once
#include "imgr/engine/flagging/file_logger.h"

namespace imgr {

class CSVLogger : public FileLogger {
protected:
    std::string log_file_name(int index) const override;
    std::string encode_header(const std::vector<std::string>& header) const override;
    std::string encode_row(const std::vector<std::string>& header, const std::vector<Value>& cells) const override;
    Inspection inspect(std::string_view content, const std::vector<std::string>& header) const override;
};

}  // namespace imgr
