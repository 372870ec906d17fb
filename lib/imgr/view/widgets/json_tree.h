// A collapsible tree of a Json value: objects and arrays are tree nodes that
// show their size ({3} keys, [5] items), scalars are coloured by type
// (strings, numbers, booleans, null). Long arrays of scalars are clipped to
// the rows in view, so an expanded array of 100 000 numbers stays cheap.
#pragma once
#include "imgr/model/value.h"
#include "imgr/view/font_roles.h"

namespace imgr::widgets {

// Draws the tree at the cursor; the root is open at first. Text uses
// fonts.mono (null: the current font). Returns the number of rows drawn this
// frame, clipped rows not counted.
//
// Node IDs follow the JSON path, so open/closed state survives value updates:
// under PushID(id), the root node is GetID("$"), and inside an open node an
// object member is GetID(key) and an array element GetID((void*)(intptr_t)index).
int draw_json_tree(const char* id, const Json& value, const FontRoles& fonts = {});

// A scalar's text as the tree shows it: strings quoted (their first line, at
// most 200 bytes, then "..."), numbers shortest round-trip, true/false/null.
// Writes into `out` (NUL-terminated); returns the length. Containers: "{n}"/"[n]".
int format_json_scalar(const Json& value, char* out, int out_size);

}  // namespace imgr::widgets
