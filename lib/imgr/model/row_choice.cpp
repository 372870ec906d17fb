#include "imgr/model/row_choice.h"

#include <charconv>

namespace imgr {

std::string row_choice(size_t number, std::string_view summary) {
    std::string choice = "#" + std::to_string(number) + ":";
    if (!summary.empty()) choice.append(" ").append(summary);
    return choice;
}

std::optional<size_t> row_choice_number(std::string_view choice) {
    if (choice.size() < 2 || choice[0] != '#') return std::nullopt;
    size_t number = 0;
    const char* end = choice.data() + choice.size();
    const auto [rest, error] = std::from_chars(choice.data() + 1, end, number);
    if (error != std::errc() || number == 0 || (rest != end && *rest != ':')) return std::nullopt;
    return number;
}

}  // namespace imgr
