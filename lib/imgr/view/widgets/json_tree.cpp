#include "imgr/view/widgets/json_tree.h"

#include "imgr/view/widgets/color.h"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace imgr::widgets {
namespace {

constexpr size_t kMaxStringBytes = 200;  // a row stays one line; the tooltip shows the rest
constexpr size_t kClipThreshold = 64;    // arrays this long are checked for the clipped fast path

struct TreeStyle {
    ImU32 key, string, number, boolean, null;
    int rows = 0;
};

ImU32 scalar_color(const Json& v, const TreeStyle& s) {
    if (v.is_string()) return s.string;
    if (v.is_number()) return s.number;
    if (v.is_boolean()) return s.boolean;
    return s.null;
}

// The value part of a row, after the key.
void draw_scalar(const Json& v, const TreeStyle& style) {
    char buffer[kMaxStringBytes + 16];
    const int n = format_json_scalar(v, buffer, (int)sizeof buffer);
    ImGui::PushStyleColor(ImGuiCol_Text, scalar_color(v, style));
    ImGui::TextUnformatted(buffer, buffer + n);
    ImGui::PopStyleColor();
    if (v.is_string() && ImGui::IsItemHovered()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.size() > kMaxStringBytes || s.find('\n') != std::string::npos) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35.0f);
            ImGui::TextUnformatted(s.data(), s.data() + s.size());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

void draw_value(const Json& v, const char* key, size_t index, TreeStyle& style);

void draw_children(const Json& v, TreeStyle& style) {
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) draw_value(it.value(), it.key().c_str(), 0, style);
        return;
    }
    const size_t n = v.size();
    const bool all_scalars =
        n >= kClipThreshold && std::none_of(v.begin(), v.end(), [](const Json& e) { return e.is_structured(); });
    if (!all_scalars) {
        for (size_t i = 0; i < n; ++i) draw_value(v[i], nullptr, i, style);
        return;
    }
    // Every row is one line high: only those in view are submitted.
    ImGuiListClipper clipper;
    clipper.Begin((int)std::min<size_t>(n, INT32_MAX));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_value(v[(size_t)i], nullptr, (size_t)i, style);
}

// One row (and, when open, its children). key null: an array element at `index`.
void draw_value(const Json& v, const char* key, size_t index, TreeStyle& style) {
    ++style.rows;
    const void* ptr_id = (const void*)(intptr_t)index;
    char index_label[24];
    if (!key) std::snprintf(index_label, sizeof index_label, "%zu", index);
    const char* label = key ? key : index_label;

    ImGui::PushStyleColor(ImGuiCol_Text, style.key);
    if (v.is_structured()) {
        const ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanAvailWidth;
        const bool open = key ? ImGui::TreeNodeEx(key, flags, "%s", label) : ImGui::TreeNodeEx(ptr_id, flags, "%s", label);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled(v.is_object() ? "{%zu}" : "[%zu]", v.size());
        if (open) {
            draw_children(v, style);
            ImGui::TreePop();
        }
        return;
    }
    const ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (key)
        ImGui::TreeNodeEx(key, flags, "%s:", label);
    else
        ImGui::TreeNodeEx(ptr_id, flags, "%s:", label);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    draw_scalar(v, style);
}

}  // namespace

int format_json_scalar(const Json& value, char* out, int out_size) {
    if (out_size <= 0) return 0;
    const size_t cap = (size_t)out_size - 1;
    size_t n = 0;
    auto put = [&](std::string_view s) {
        const size_t k = std::min(s.size(), cap - n);
        std::memcpy(out + n, s.data(), k);
        n += k;
    };
    char number[40];
    switch (value.type()) {
        case Json::value_t::string: {
            const std::string& s = value.get_ref<const std::string&>();
            size_t len = std::min(s.find('\n'), s.size());
            const bool cut = len > kMaxStringBytes || len < s.size();
            len = std::min(len, kMaxStringBytes);
            while (len > 0 && len < s.size() && ((unsigned char)s[len] & 0xC0) == 0x80) --len;  // whole UTF-8 characters
            put("\"");
            put(std::string_view(s).substr(0, len));
            put(cut ? "...\"" : "\"");
            break;
        }
        case Json::value_t::number_integer: {
            auto r = std::to_chars(number, number + sizeof number, value.get<int64_t>());
            put(std::string_view(number, (size_t)(r.ptr - number)));
            break;
        }
        case Json::value_t::number_unsigned: {
            auto r = std::to_chars(number, number + sizeof number, value.get<uint64_t>());
            put(std::string_view(number, (size_t)(r.ptr - number)));
            break;
        }
        case Json::value_t::number_float: {
            auto r = std::to_chars(number, number + sizeof number, value.get<double>());
            put(std::string_view(number, (size_t)(r.ptr - number)));
            break;
        }
        case Json::value_t::boolean: put(value.get<bool>() ? "true" : "false"); break;
        case Json::value_t::null: put("null"); break;
        case Json::value_t::object:
        case Json::value_t::array:
            std::snprintf(number, sizeof number, value.is_object() ? "{%zu}" : "[%zu]", value.size());
            put(number);
            break;
        case Json::value_t::binary:
            std::snprintf(number, sizeof number, "<%zu bytes>", value.get_binary().size());
            put(number);
            break;
        case Json::value_t::discarded: put("<discarded>"); break;
    }
    out[n] = '\0';
    return (int)n;
}

int draw_json_tree(const char* id, const Json& value, const FontRoles& fonts) {
    const bool dark = background_is_dark();
    TreeStyle style{
        ImGui::GetColorU32(ImGuiCol_Text),
        rgb_to_u32(dark ? 0x86efac : 0x15803d),  // strings: green
        rgb_to_u32(dark ? 0x93c5fd : 0x1d4ed8),  // numbers: blue
        rgb_to_u32(dark ? 0xfcd34d : 0xb45309),  // booleans: amber
        ImGui::GetColorU32(ImGuiCol_TextDisabled),
    };
    if (fonts.mono) ImGui::PushFont(fonts.mono);
    ImGui::PushID(id);
    if (value.is_structured()) {
        ++style.rows;
        const bool open = ImGui::TreeNodeEx("$", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
                                            "%s", value.is_object() ? "object" : "array");
        ImGui::SameLine();
        ImGui::TextDisabled(value.is_object() ? "{%zu}" : "[%zu]", value.size());
        if (open) {
            draw_children(value, style);
            ImGui::TreePop();
        }
    } else {
        ++style.rows;
        draw_scalar(value, style);
    }
    ImGui::PopID();
    if (fonts.mono) ImGui::PopFont();
    return style.rows;
}

}  // namespace imgr::widgets
