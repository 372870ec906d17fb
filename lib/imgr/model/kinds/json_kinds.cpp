// JSON, Plot and Dataframe: values shown as data, flagged as their compact JSON
// and compared structurally (numbers within the tolerance). A script sets
// only a JSON component; the others show what handlers return.
#include "imgr/model/kinds/core_kinds.h"

#include <algorithm>

namespace imgr::kinds {

namespace {

std::string not_taken(ComponentKind kind, const std::string& cell) {
    return not_a_value(kind, cell);
}

PlotValue plot_from_json(const Json& j) {
    PlotValue plot;
    plot.title = j.value("title", "");
    plot.x_label = j.value("x_label", "");
    plot.y_label = j.value("y_label", "");
    for (const Json& s : j.value("series", Json::array())) {
        PlotSeries series;
        series.name = s.value("name", "");
        series.style = s.value("style", "line") == "scatter" ? PlotSeries::Style::Scatter : PlotSeries::Style::Line;
        for (const Json& x : s.value("x", Json::array())) series.x.push_back(json_number(x));
        for (const Json& y : s.value("y", Json::array())) series.y.push_back(json_number(y));
        plot.series.push_back(std::move(series));
    }
    return plot;
}

TableValue table_from_json(const Json& j) {
    TableValue table;
    table.headers = j.value("headers", StringList{});
    for (const Json& row : j.value("data", Json::array())) table.rows.push_back(row.get<std::vector<Json>>());
    return table;
}

// Reads a cell as JSON and then as the kind's value; a cell that is neither is refused.
template <class Read>
ValueOrError parsed(ComponentKind kind, const std::string& cell, Read read) {
    try {
        return Value(read(cell_json(cell)));
    } catch (const std::exception&) {
        return not_taken(kind, cell);
    }
}

Comparison compare_tables(const Value& expected, const Value& actual, const CompareOptions& options) {
    const TableValue& x = std::get<TableValue>(expected);
    const TableValue& y = std::get<TableValue>(actual);
    if (x.headers != y.headers) return {false, "headers " + shown(Json(x.headers)) + " -> " + shown(Json(y.headers))};
    if (x.rows.size() != y.rows.size()) return {false, std::to_string(x.rows.size()) + " rows -> " + std::to_string(y.rows.size())};
    for (size_t r = 0; r < x.rows.size(); ++r) {
        const std::string d = json_difference(Json(x.rows[r]), Json(y.rows[r]), options.tolerance);
        if (!d.empty()) return {false, "row " + std::to_string(r + 1) + " " + d};
    }
    return {};
}

// {"headers": [...], "data": [[...], ...]} is a whole table; either key alone compares only
// that part; a bare array compares the rows.
Check expect_table(const Value& actual, const Json& expected, const CompareOptions& options) {
    const Json json = to_json(actual);
    const std::string got = show_expected(json);
    if (expected.is_array()) return json_difference(expected, json["data"], options.tolerance).empty() ? Check() : mismatch(expected, got);
    const bool known_keys =
        expected.is_object() && std::all_of(expected.items().begin(), expected.items().end(),
                                            [](const auto& item) { return item.key() == "headers" || item.key() == "data"; });
    if (!known_keys) return mismatch(expected, got, "a table is compared with {\"headers\": [...], \"data\": [[...], ...]}");
    for (const char* key : {"headers", "data"})
        if (expected.contains(key) && !json_difference(expected[key], json[key], options.tolerance).empty())
            return mismatch(expected, got);
    return std::nullopt;
}

}  // namespace

KindTraits json() {
    return {.name = "JSON",
            .default_value = [](const KindProps&) { return Value(Json(nullptr)); },
            .from_script = [](ComponentKind, const KindProps&, const Json& j) { return ValueOrError(Value(std::in_place_type<Json>, j)); },
            .from_cell = [](ComponentKind kind, const KindProps&, const std::string& cell) {
                return parsed(kind, cell, [](const Json& j) { return Value(std::in_place_type<Json>, j); });
            },
            .compare = compare_as_json,
            .expect = expect_as_json};
}

KindTraits plot() {
    return {.name = "Plot",
            .default_value = [](const KindProps&) { return Value(PlotValue{}); },
            .from_script = shows_handler_output,
            .from_cell = [](ComponentKind kind, const KindProps&, const std::string& cell) { return parsed(kind, cell, plot_from_json); },
            .compare = compare_as_json,
            .expect = expect_as_json};
}

KindTraits dataframe() {
    return {.name = "Dataframe",
            .default_value = [](const KindProps&) { return Value(TableValue{}); },
            .from_script = shows_handler_output,
            .from_cell = [](ComponentKind kind, const KindProps&, const std::string& cell) { return parsed(kind, cell, table_from_json); },
            .compare = compare_tables,
            .expect = expect_table};
}

}  // namespace imgr::kinds
