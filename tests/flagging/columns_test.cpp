// Column names and folders: repeated labels, empty labels, and labels that collide with the logger's own names.
#include "flagging_support.h"

#include "imgr/engine/flagging/flag_columns.h"

#include <doctest/doctest.h>

using imgr::ComponentKind;
using Header = std::vector<std::string>;

TEST_CASE("columns: the header is the labels, then flag when options are in use, then timestamp") {
    const std::vector<imgr::FlagField> fields = {{"num1", ComponentKind::Number},
                                                 {"operation", ComponentKind::Radio},
                                                 {"num2", ComponentKind::Number},
                                                 {"Output", ComponentKind::Number}};
    CHECK(imgr::plan_flag_columns(fields, false).header == Header{"num1", "operation", "num2", "Output", "timestamp"});
    CHECK(imgr::plan_flag_columns(fields, true).header ==
          Header{"num1", "operation", "num2", "Output", "flag", "timestamp"});
}

TEST_CASE("columns: repeated labels get distinct columns and folders") {
    const imgr::FlagLayout layout = imgr::plan_flag_columns({{"x", ComponentKind::Number},
                                                             {"x", ComponentKind::Number},
                                                             {"x", ComponentKind::Number},
                                                             {"im", ComponentKind::Image},
                                                             {"im", ComponentKind::Image}},
                                                            false);
    CHECK(layout.header == Header{"x", "x 1", "x 2", "im", "im 1", "timestamp"});
    CHECK(layout.columns[0].folder == "");
    CHECK(layout.columns[3].folder == "im");
    CHECK(layout.columns[4].folder == "im 1");
}

TEST_CASE("columns: labels naming the logger's own columns or files are renamed") {
    const imgr::FlagLayout layout = imgr::plan_flag_columns({{"timestamp", ComponentKind::Textbox},
                                                             {"flag", ComponentKind::Textbox},
                                                             {"", ComponentKind::Number},
                                                             {"logs.csv", ComponentKind::Image},
                                                             {"a/b", ComponentKind::Image},
                                                             {"a_b", ComponentKind::Image}},
                                                            true);
    CHECK(layout.header == Header{"timestamp 1", "flag 1", "component 2", "logs.csv", "a/b", "a_b", "flag", "timestamp"});
    CHECK(layout.columns[3].folder == "logs.csv 1");  // D/logs.csv is the log file
    CHECK(layout.columns[4].folder == "a_b");
    CHECK(layout.columns[5].folder == "a_b 1");      // another label, the same safe name
    CHECK(imgr::is_log_file_name("logs_12.jsonl"));
    CHECK(imgr::is_log_file_name("LOGS.CSV"));
    CHECK_FALSE(imgr::is_log_file_name("logs_.csv"));
    CHECK_FALSE(imgr::is_log_file_name("logs"));
}

TEST_CASE("columns: a label that cannot name a folder and an empty label both give the folder of their position") {
    const imgr::FlagLayout layout = imgr::plan_flag_columns({{"photo", ComponentKind::Image},
                                                             {"..", ComponentKind::Image},
                                                             {"???", ComponentKind::Textbox},
                                                             {"", ComponentKind::Image},
                                                             {"/", ComponentKind::Image}},
                                                            false);
    CHECK(layout.header == Header{"photo", "..", "???", "component 3", "/", "timestamp"});
    CHECK(layout.columns[1].folder == "component 1");  // position 1, not a repeat counter
    CHECK(layout.columns[3].folder == "component 3");  // position 3, as its column name says
    CHECK(layout.columns[4].folder == "_");            // "/" still has a usable (replaced) character
    const imgr::FlagLayout clash = imgr::plan_flag_columns({{"component 1", ComponentKind::Image},
                                                            {"..", ComponentKind::Image}},
                                                           false);
    CHECK(clash.columns[0].folder == "component 1");
    CHECK(clash.columns[1].folder == "component 1 1");  // only a taken name gets a further number
}
