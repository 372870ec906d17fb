#include "imgr/view/widgets/dataframe.h"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace imgr::widgets {
namespace {
constexpr int kMaxColumns = 64;  // IMGUI_TABLE_MAX_COLUMNS in 1.86
constexpr int kDefaultVisibleRows = 12;
}  // namespace

bool cell_is_number(const Json& cell) { return cell.is_number(); }

std::string_view format_cell(const Json& cell, CellText& scratch) {
    char* out = scratch.small;
    char* end = scratch.small + sizeof scratch.small;
    switch (cell.type()) {
        case Json::value_t::string: return cell.get_ref<const std::string&>();
        case Json::value_t::number_integer: return {out, (size_t)(std::to_chars(out, end, cell.get<int64_t>()).ptr - out)};
        case Json::value_t::number_unsigned: return {out, (size_t)(std::to_chars(out, end, cell.get<uint64_t>()).ptr - out)};
        case Json::value_t::number_float: {
            const double v = cell.get<double>();
            if (std::isnan(v)) return "nan";
            if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
            if (v == 0) return "0";  // also -0, as format_number does
            return {out, (size_t)(std::to_chars(out, end, v).ptr - out)};
        }
        case Json::value_t::boolean: return cell.get<bool>() ? "true" : "false";
        case Json::value_t::null:
        case Json::value_t::discarded: return {};
        case Json::value_t::object:
        case Json::value_t::array:
        case Json::value_t::binary:
            scratch.large = cell.dump();
            return scratch.large;
    }
    return {};
}

TableCell draw_dataframe(const char* id, const TableValue& table, float max_height, const FontRoles& fonts) {
    TableCell clicked;
    const size_t total_columns = !table.headers.empty() ? table.headers.size() : (table.rows.empty() ? 0 : table.rows[0].size());
    if (total_columns == 0) {
        ImGui::TextDisabled("empty table");
        return clicked;
    }
    const int columns = (int)std::min<size_t>(total_columns, kMaxColumns);
    const int rows = (int)std::min<size_t>(table.rows.size(), INT32_MAX);

    if (fonts.regular) ImGui::PushFont(fonts.regular);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f;
    if (max_height <= 0) max_height = row_h * (kDefaultVisibleRows + 1);
    // Fit the rows (header included) plus the outer border; beyond max_height, scroll.
    const float height = std::min(max_height, row_h * (float)(rows + 1) + 2.0f);

    // Many columns scroll sideways at their natural width instead of being squeezed.
    const float min_column_w = ImGui::GetFontSize() * 5.0f;
    const bool wide = (float)columns * min_column_w > ImGui::GetContentRegionAvail().x;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable;
    flags |= wide ? (ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit) : ImGuiTableFlags_SizingStretchSame;

    if (ImGui::BeginTable(id, columns, flags, ImVec2(0.0f, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < columns; ++c) {
            const char* name = (size_t)c < table.headers.size() ? table.headers[(size_t)c].c_str() : "";
            ImGui::TableSetupColumn(name, wide ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                    wide ? min_column_w * 1.5f : 0.0f);
        }
        if (fonts.bold) ImGui::PushFont(fonts.bold);
        ImGui::TableHeadersRow();
        if (fonts.bold) ImGui::PopFont();

        CellText scratch;
        ImGuiListClipper clipper;
        clipper.Begin(rows);
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::vector<Json>& row = table.rows[(size_t)r];
                ImGui::TableNextRow();
                for (int c = 0; c < columns; ++c) {
                    if (!ImGui::TableSetColumnIndex(c) || (size_t)c >= row.size()) continue;
                    const Json& cell = row[(size_t)c];
                    // A click anywhere in the cell: its column is hovered and the mouse is within its row.
                    const float cell_top = ImGui::GetCursorScreenPos().y - style.CellPadding.y;
                    const float mouse_y = ImGui::GetIO().MousePos.y;
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                        (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered) && mouse_y >= cell_top &&
                        mouse_y < cell_top + row_h)
                        clicked = {r, c};
                    const std::string_view text = format_cell(cell, scratch);
                    if (cell_is_number(cell)) {
                        const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
                        const float avail = ImGui::GetContentRegionAvail().x;
                        if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
                    }
                    ImGui::TextUnformatted(text.data(), text.data() + text.size());
                }
            }
        }
        ImGui::EndTable();
    }
    if (total_columns > (size_t)columns)
        ImGui::TextDisabled("showing %d of %zu columns", columns, total_columns);
    if (fonts.regular) ImGui::PopFont();
    return clicked;
}

}  // namespace imgr::widgets
