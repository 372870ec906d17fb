// CSV as flagging writes it: any rows of any strings, written with csv_row,
// read back by parse_csv as the same rows; a file cut anywhere (a crash in
// the middle of a write) scans as exactly the rows before the cut, without
// an error. Arbitrary bytes only ever parse or throw CsvError.
#include "fuzz_check.h"
#include "imgr/engine/flagging/csv.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

void raw_text(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)imgr::parse_csv(text);
    } catch (const imgr::CsvError&) {
    }
    const imgr::CsvScan scan = imgr::scan_csv(text);
    FUZZ_CHECK(scan.complete_bytes <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    raw_text(data, size);

    FuzzedDataProvider provider(data, size);
    std::vector<imgr::CsvRow> rows(provider.ConsumeIntegralInRange<size_t>(0, 8));
    for (auto& row : rows) {
        row.resize(provider.ConsumeIntegralInRange<size_t>(0, 6));
        for (auto& field : row) field = provider.ConsumeRandomLengthString(64);
    }
    std::string text;
    std::vector<size_t> row_ends;  // where each row's text ends
    for (const auto& row : rows) {
        text += imgr::csv_row(row);
        row_ends.push_back(text.size());
    }

    FUZZ_CHECK(imgr::parse_csv(text) == rows);
    const imgr::CsvScan whole = imgr::scan_csv(text);
    FUZZ_CHECK(whole.rows == rows && whole.complete_bytes == text.size() && whole.error.empty());

    // Cut short anywhere: the rows that were whole are read back, the rest is the unfinished record.
    const size_t cut = provider.ConsumeIntegralInRange<size_t>(0, text.size());
    const imgr::CsvScan partial = imgr::scan_csv(std::string_view(text).substr(0, cut));
    size_t whole_rows = 0;
    while (whole_rows < row_ends.size() && row_ends[whole_rows] <= cut) ++whole_rows;
    FUZZ_CHECK(partial.error.empty());
    FUZZ_CHECK(partial.rows.size() == whole_rows);
    FUZZ_CHECK(std::equal(partial.rows.begin(), partial.rows.end(), rows.begin()));
    FUZZ_CHECK(partial.complete_bytes == (whole_rows ? row_ends[whole_rows - 1] : 0));
    return 0;
}
