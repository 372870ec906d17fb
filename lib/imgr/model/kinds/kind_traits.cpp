#include "imgr/model/kinds/kind_traits.h"

#include "imgr/model/kind_files.h"

#include <array>

namespace imgr {

void register_core_kinds();  // all_kinds.cpp

namespace {

struct Registry {
    std::array<KindTraits, kComponentKindCount> kinds{};
    std::array<const KindTraits*, std::variant_size_v<Value>> by_value{};  // first kind registered per value type
};

// Filled before main() (a module's by static registration, the core's on first use) and only
// read afterwards: no lock needed. Function-local statics, so none is used before it exists.
Registry& table() {
    static Registry kinds;
    return kinds;
}
Registry& registry() {
    static const bool core = (register_core_kinds(), true);
    (void)core;
    return table();
}

// A module's kind whose module is not linked: every answer is the message naming the module.
// (A core kind is never missing: all_kinds.cpp registers each, kind_traits_test checks it.)
template <ComponentKind K>
const KindTraits& missing() {
    static const KindTraits traits = {
        .name = module_kind_name(K) ? module_kind_name(K) : "Component",
        .default_value = [](const KindProps&) { return Value(); },
        .flag_file_extension = nullptr,
        .from_script = [](ComponentKind kind, const KindProps&, const Json&) { return ValueOrError(missing_module_message(kind)); },
        .from_cell = [](ComponentKind kind, const KindProps&, const std::string&) { return ValueOrError(missing_module_message(kind)); },
        .compare = [](const Value&, const Value&, const CompareOptions&) { return Comparison{false, missing_module_message(K)}; },
        .expect = [](const Value&, const Json&, const CompareOptions&) { return std::optional<std::string>(missing_module_message(K)); },
    };
    return traits;
}

template <size_t... I>
const KindTraits& missing_traits(ComponentKind kind, std::index_sequence<I...>) {
    static const std::array<const KindTraits*, sizeof...(I)> table = {&missing<(ComponentKind)I>()...};
    return *table[(size_t)kind];
}

}  // namespace

void register_kind_traits(ComponentKind kind, const KindTraits& traits) {
    Registry& r = table();
    r.kinds.at((size_t)kind) = traits;
    const size_t type = traits.default_value(KindProps{}).index();
    if (!r.by_value[type]) r.by_value[type] = &r.kinds[(size_t)kind];
}

bool has_kind_traits(ComponentKind kind) { return registry().kinds.at((size_t)kind).name != nullptr; }

const KindTraits& kind_traits(ComponentKind kind) {
    const KindTraits& traits = registry().kinds.at((size_t)kind);
    if (traits.name) return traits;
    return missing_traits(kind, std::make_index_sequence<kComponentKindCount>());
}

const KindTraits* value_traits(const Value& value) {
    if (std::holds_alternative<std::monostate>(value)) return nullptr;
    return registry().by_value[value.index()];
}

}  // namespace imgr
