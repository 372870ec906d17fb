// "#N:" row choices, as the Flagged, Replay and chat panels write and read them.
#include <doctest/doctest.h>
#include <imgr/model/row_choice.h>

using namespace imgr;

TEST_CASE("row choices: written as #N: summary, the number read back, anything else is no choice") {
    CHECK(row_choice(3, "5, add, 7") == "#3: 5, add, 7");
    CHECK(row_choice(12, "") == "#12:");
    CHECK(row_choice_number("#3: 5, add, 7") == 3);
    CHECK(row_choice_number("#12:") == 12);
    CHECK(row_choice_number("#7") == 7);
    CHECK_FALSE(row_choice_number(""));
    CHECK_FALSE(row_choice_number("#"));
    CHECK_FALSE(row_choice_number("#0: zero"));
    CHECK_FALSE(row_choice_number("#x: 1"));
    CHECK_FALSE(row_choice_number("#3x: 1"));
    CHECK_FALSE(row_choice_number("3: no hash"));
    CHECK_FALSE(row_choice_number("#99999999999999999999999: too big"));
}
