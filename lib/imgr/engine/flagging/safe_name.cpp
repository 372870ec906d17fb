#include "imgr/engine/flagging/safe_name.h"

#include "imgr/model/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imgr {

namespace {

bool is_windows_device_name(std::string_view name) {
    const std::string_view stem = name.substr(0, name.find('.'));
    std::string upper(stem);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    static constexpr std::array<std::string_view, 4> plain = {"CON", "PRN", "AUX", "NUL"};
    if (std::find(plain.begin(), plain.end(), upper) != plain.end()) return true;
    return upper.size() == 4 && (upper.starts_with("COM") || upper.starts_with("LPT")) && upper[3] >= '1' &&
           upper[3] <= '9';
}

void trim_trailing_dots_and_spaces(std::string& name) {
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();
}

}  // namespace

std::string safe_folder_name(std::string_view label, std::string_view fallback) {
    std::string name;
    for (size_t pos = 0; pos < label.size();) {
        const size_t length = utf8_sequence_length(label, pos);
        if (length == 0) {  // an invalid byte
            name += '_';
            ++pos;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(label[pos]);
        const bool c1_control = length == 2 && c == 0xC2 && static_cast<unsigned char>(label[pos + 1]) < 0xA0;
        if (length == 1 && (c < 0x20 || c == 0x7F || std::string_view("/\\<>:\"|?*").find(char(c)) != std::string_view::npos)) {
            name += '_';
        } else if (c1_control) {
            name += '_';
        } else if (c == '.' && !name.empty() && name.back() == '.') {
            // a second dot in a row: dropped, so no ".." can form
        } else if ((c == '.' || c == ' ') && name.empty()) {
            // leading dots (hidden folders, "..") and spaces: dropped
        } else {
            name.append(label, pos, length);
        }
        pos += length;
    }
    if (name.size() > kMaxFolderNameBytes) {
        size_t cut = kMaxFolderNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        name.resize(cut);
    }
    trim_trailing_dots_and_spaces(name);
    if (name.empty()) return std::string(fallback);
    if (is_windows_device_name(name)) name += '_';
    return name;
}

}  // namespace imgr
