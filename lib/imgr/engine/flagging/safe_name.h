// Turning a component's label into a folder name inside the flagging
// directory: whatever the label, the result is one plain path component.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace imgr {

inline constexpr size_t kMaxFolderNameBytes = 100;  // well under every file system's 255-byte name limit

// A folder name made from a label: '/' '\\' control characters and the
// characters Windows forbids (<>:"|?*) become '_'; invalid UTF-8 bytes become
// '_'; runs of dots become one dot (so never ".."); leading dots and spaces
// and trailing dots and spaces are dropped (hidden folders, Windows); Windows
// device names (CON, NUL, COM1, ...) get a '_' appended; at most
// kMaxFolderNameBytes bytes, cut between UTF-8 characters. Never empty:
// `fallback` when nothing is left (a label of "", "..", "???" is kept as a
// column name but cannot name a folder). Valid UTF-8 (Chinese, emoji) is kept.
//
// The flagging loggers pass "component N", N the component's position among
// the flagged ones counting from 0 — the name its column gets when its label
// is empty (Gradio's) — so a label with no usable characters and an empty
// label both give the folder of their position. Only when that name is taken
// too does a further " 1", " 2" ... tell them apart (flag_columns.cpp).
std::string safe_folder_name(std::string_view label, std::string_view fallback = "component");

}  // namespace imgr
