// JSONLogger: flagged rows in D/logs.jsonl, one compact JSON object a line,
// keys as CSVLogger's header (in that order), numbers as JSON numbers
// (shortest form: 12, not 12.0; NaN and infinities as strings, which JSON
// lacks), structured values as JSON, files as paths relative to D:
//
//     {"num1":5,"operation":"add","num2":7,"Output":-12,"flag":"wrong sign","timestamp":"2022-02-04 11:40:51.093412"}
//
// A file whose first line has other keys is left alone, as CSVLogger does:
// rows go to logs_1.jsonl, logs_2.jsonl, ... so each file has one schema.
#pragma once
#include "imgr/engine/flagging/file_logger.h"

namespace imgr {

class JSONLogger : public FileLogger {
protected:
    std::string log_file_name(int index) const override;
    std::string encode_header(const std::vector<std::string>& header) const override;
    std::string encode_row(const std::vector<std::string>& header, const std::vector<Value>& cells) const override;
    Inspection inspect(std::string_view content, const std::vector<std::string>& header) const override;
};

}  // namespace imgr
