#include "imgr/model/component.h"

#include "imgr/model/kinds/kind_traits.h"

// Each kind's answers live in its unit under model/kinds/ (kinds/all_kinds.cpp lists them).
namespace imgr {

const char* kind_name(ComponentKind kind) { return kind_traits(kind).name; }

Value default_value(ComponentKind kind, const KindProps& props) { return kind_traits(kind).default_value(props); }

bool is_file_kind(ComponentKind kind) { return kind_traits(kind).flag_file_extension != nullptr; }

const char* flag_file_extension(ComponentKind kind) {
    const char* extension = kind_traits(kind).flag_file_extension;
    return extension ? extension : "";
}

}  // namespace imgr
