// A row chosen by number in a Dropdown: "#3: 5, add, 7". The Flagged panel,
// the Replay panel and the chat's flagged conversations write their choices
// so and read the number back with this one parser.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace imgr {

// "#N: summary" ("#N:" when the summary is empty); N counts from 1.
std::string row_choice(size_t number, std::string_view summary);

// N of "#N: ..." (N >= 1, digits then ':' or the end); nullopt for anything
// else: no choice yet, a placeholder, "#0", "#x".
std::optional<size_t> row_choice_number(std::string_view choice);

}  // namespace imgr
