// The CSV codec: what the writer quotes, what the reader accepts, and what it rejects.
#include "flagging_support.h"

#include "imgr/engine/flagging/csv.h"

#include <doctest/doctest.h>

using imgr::CsvRow;

TEST_CASE("csv: a field is quoted only when it holds a comma, a quote, CR or LF") {
    CHECK(imgr::csv_field("plain") == "plain");
    CHECK(imgr::csv_field(" spaced ") == " spaced ");
    CHECK(imgr::csv_field("=1+2") == "=1+2");
    CHECK(imgr::csv_field("a,b") == "\"a,b\"");
    CHECK(imgr::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(imgr::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(imgr::csv_field("carriage\rreturn") == "\"carriage\rreturn\"");
    CHECK(imgr::csv_field("") == "");
}

TEST_CASE("csv: rows end with a bare LF, a lone empty field is written as \"\"") {
    CHECK(imgr::csv_row({"num1", "operation", "timestamp"}) == "num1,operation,timestamp\n");
    CHECK(imgr::csv_row({"a", "", "c"}) == "a,,c\n");
    CHECK(imgr::csv_row({""}) == "\"\"\n");
    CHECK(imgr::csv_row({"x,y", "z"}) == "\"x,y\",z\n");
}

TEST_CASE("csv: what the writer writes reads back unchanged") {
    const std::vector<CsvRow> rows = {
        {"a,b", "say \"hi\"", "two\nlines", "cr\ronly", "crlf\r\nend", "\"", ",", ""},
        {"中文", "emoji 😀", "=SUM(A1)", " lead and trail ", "trailing newline\n"},
        {""},
        {},
        {"last"},
    };
    std::string text;
    for (const CsvRow& row : rows) text += imgr::csv_row(row);
    CHECK(imgr::parse_csv(text) == rows);
}

TEST_CASE("csv: the reader accepts CRLF, a lone CR, and a last row without a line break") {
    const std::vector<CsvRow> expected = {{"a", "b"}, {"c", "d e"}, {"f", "g"}};
    CHECK(imgr::parse_csv("a,b\r\nc,d e\r\nf,g\r\n") == expected);
    CHECK(imgr::parse_csv("a,b\rc,d e\rf,g") == expected);
    CHECK(imgr::parse_csv("a,b\nc,d e\nf,g") == expected);
    CHECK(imgr::parse_csv("\"a\",\"b\"\r\n\"c\",d e\nf,\"g\"") == expected);
    CHECK(imgr::parse_csv("").empty());
    CHECK(imgr::parse_csv("x,\n") == std::vector<CsvRow>{{"x", ""}});
}

TEST_CASE("csv: malformed text is reported with its line") {
    CHECK_THROWS_WITH_AS(imgr::parse_csv("a,b\nc,d\"e\n"), doctest::Contains("line 2: a quote inside an unquoted field"),
                         imgr::CsvError);
    CHECK_THROWS_WITH_AS(imgr::parse_csv("a,\"b\"c\n"), doctest::Contains("line 1: text after a closing quote"),
                         imgr::CsvError);
    CHECK_THROWS_WITH_AS(imgr::parse_csv("h\n\"x\ny\"\n\"open\nstill open"),
                         doctest::Contains("line 4: a quoted field is not closed"), imgr::CsvError);
}

TEST_CASE("csv: a scan separates the complete records from a row cut short") {
    const std::string complete = "h1,h2\n\"a\nb\",c\n";
    for (const std::string tail : {"", "x", "x,", "x,\"y", "x,\"y\n", "x,\"y\"", "x,\"y\"\""}) {
        CAPTURE(tail);
        const imgr::CsvScan scan = imgr::scan_csv(complete + tail);
        CHECK(scan.error.empty());
        CHECK(scan.complete_bytes == complete.size());
        CHECK(scan.rows == std::vector<CsvRow>{{"h1", "h2"}, {"a\nb", "c"}});
    }
    // A bad record followed by more lines is not a cut-short row: the text is malformed.
    const imgr::CsvScan bad = imgr::scan_csv("h\nx\"y\nz\n");
    CHECK(bad.error == "line 2: a quote inside an unquoted field (quote the field and double the quote)");
    CHECK(bad.rows == std::vector<CsvRow>{{"h"}});
}
