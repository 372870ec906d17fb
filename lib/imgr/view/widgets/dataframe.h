// A read-only table for a TableValue: header row (kept in view while
// scrolling), borders, alternating row background, numbers right-aligned.
// Only the rows in view are formatted and submitted, so a long table costs
// what its visible part costs.
#pragma once
#include "imgr/model/value.h"
#include "imgr/view/font_roles.h"

#include <string>
#include <string_view>

namespace imgr::widgets {

// Scratch for format_cell: small values land in `small`, structured ones
// (arrays, objects) in `large`, whose capacity is reused between calls.
struct CellText {
    char small[64];
    std::string large;
};

// A cell's text: numbers in shortest round-trip form ("12", "4.5", "-0.25",
// "nan"), strings as they are, true/false, null empty, arrays and objects as
// compact JSON. The view points into `scratch` or into `cell`.
std::string_view format_cell(const Json& cell, CellText& scratch);
bool cell_is_number(const Json& cell);  // right-aligned in the table

// Draws the table at the cursor, as wide as the available space. Its height
// fits the rows, up to max_height pixels (<= 0: 12 rows), then it scrolls.
// Columns: the headers (or the first row's cells when there are none), at
// most 64 (ImGui's limit); missing cells are blank. fonts.regular for cells,
// fonts.bold for headers (nulls: the current font).
struct TableCell {
    int row = -1, column = -1;
};
// Returns the cell a click landed on this frame (row, column; -1 when none).
TableCell draw_dataframe(const char* id, const TableValue& table, float max_height = 0.0f, const FontRoles& fonts = {});

}  // namespace imgr::widgets
