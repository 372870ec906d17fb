// Update: what a handler returns to change an output's properties as well as
// (or instead of) its value, like Gradio's gr.update(). Unset fields stay as they are.
#pragma once
#include "imgr/model/value.h"

#include <optional>
#include <string>

namespace imgr {

struct Update {
    std::optional<Value> new_value;
    std::optional<std::string> new_label, new_info;
    std::optional<bool> new_visible, new_interactive, new_show_label;
    std::optional<StringList> new_choices;
    double revert_after = 0;   // > 0: the new value is a passing state ("Saved (3)"), undone after this many seconds

    template <class T>
    Update& value(T v) { new_value = Value(std::move(v)); return *this; }
    Update& value(const char* v) { new_value = Value(std::string(v)); return *this; }
    Update& label(std::string v) { new_label = std::move(v); return *this; }
    Update& info(std::string v) { new_info = std::move(v); return *this; }
    Update& visible(bool v) { new_visible = v; return *this; }
    Update& interactive(bool v) { new_interactive = v; return *this; }
    Update& show_label(bool v) { new_show_label = v; return *this; }
    Update& choices(StringList v) { new_choices = std::move(v); return *this; }
    Update& for_seconds(double seconds) { revert_after = seconds; return *this; }
};

inline Update update() { return {}; }
inline Update skip() { return {}; }   // leave the output as it is

}  // namespace imgr
