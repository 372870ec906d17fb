// What a component kind is, apart from its drawing: its name, its default
// value, how it is flagged, how JSON (a script's `set`, a JSON example, a
// flagged cell) becomes one of its values, how a script's `expect` reads it,
// and how two of its values compare. One unit per kind (or per family of kinds
// that share everything) under model/kinds/ defines these; the layers ask
// kind_traits(kind) instead of switching over kinds.
//
// The core's kinds are listed once, in kinds/all_kinds.cpp. A module registers
// its own (the media module: Audio and Video, media/media_module.cpp) with
// register_kind_traits() before main(); a kind whose module is not linked gets
// traits that answer every question with missing_module_message().
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/value.h"

#include <optional>
#include <string>
#include <variant>

namespace imgr {

// How close two values must be to count as the same. Replay passes its
// options; a script's `expect` passes the defaults. Both ask the same
// comparison, so they agree on the same values.
struct CompareOptions {
    double tolerance = 1e-9;   // relative, for every number (also inside labels, JSON, plots and tables)
    double min_psnr = 40.0;    // images (and clips, as SNR): dB below which it has changed (identical: infinite)
    double min_iou = 0.99;     // masks and an editor's layers: intersection over union below which they changed
};

struct Comparison {
    bool same = true;
    std::string detail;        // when changed, short: "12 -> -2", "\"cat\" -> \"dog\"", "max difference 37, PSNR 21.3 dB"
};

// A value, or why the JSON cannot be one: "Number needs a number, got \"x\"".
using ValueOrError = std::variant<Value, std::string>;

struct KindTraits {
    const char* name = nullptr;             // "Number", "JSON", ...; what messages and flagged headers say
    // The value a new component of the kind holds; its variant alternative is the kind's value type
    // (a Dropdown's depends on multiselect).
    Value (*default_value)(const KindProps& props) = nullptr;
    // Flagged as files, and what follows N in the file a column's numbering counts (".png", "_a.png",
    // "" for a Gallery's numbered folders); null: flagged as a CSV cell.
    const char* flag_file_extension = nullptr;
    // The value a component of the kind stores for one it is given (the engine stores it so, and
    // replay compares a new output so): a Number clamped and rounded, a Slider snapped to its step.
    // Null: stored as given.
    Value (*coerce)(const KindProps& props, Value value) = nullptr;
    // Whether a person can correct an output of the kind by typing or choosing one value (an
    // Interface's flagging_corrections). Null: not correctable.
    bool (*correctable)(const KindProps& props) = nullptr;
    // A script's `set` (and a JSON example): the value, or what the kind takes instead. Strict: a
    // choice must be one of the choices; kinds that only show what handlers return say so.
    ValueOrError (*from_script)(ComponentKind kind, const KindProps& props, const Json& json) = nullptr;
    // A flagged CSV cell read back (the text to_cell() wrote); null for kinds flagged as files,
    // which the flag file layer reads. Lenient: a choice no longer offered is still the flagged value.
    ValueOrError (*from_cell)(ComponentKind kind, const KindProps& props, const std::string& cell) = nullptr;
    // `expected` the flagged (or corrected) value, `actual` the new one; both of the kind's value type.
    Comparison (*compare)(const Value& expected, const Value& actual, const CompareOptions& options) = nullptr;
    // A script's `expect`: nothing when `actual` matches the JSON, else "expected X, got Y (hint)".
    // A JSON that describes a whole value is read as one and asked of compare(); other forms
    // (an image's size, a table's headers only) are the kind's own.
    std::optional<std::string> (*expect)(const Value& actual, const Json& expected, const CompareOptions& options) = nullptr;
};

// Never null; for a module's kind without its module, traits whose answers are the message.
const KindTraits& kind_traits(ComponentKind kind);
bool has_kind_traits(ComponentKind kind);  // false: a module's kind whose module is not linked

// The traits of the kind whose value type `value` holds (the first registered: Number for a
// double, Radio for a string); null for std::monostate or a type no linked kind uses.
const KindTraits* value_traits(const Value& value);

// Called once per kind before main(): by all_kinds.cpp for the core's, by a module's registration.
void register_kind_traits(ComponentKind kind, const KindTraits& traits);

}  // namespace imgr
