#include "imgr/driver/expectation.h"

#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/compare.h"

namespace imgr {

using kinds::Check;
using kinds::mismatch;

std::optional<std::string> check_expected(const Value& actual, const Json& expected) {
    if (std::holds_alternative<std::monostate>(actual)) return expected.is_null() ? Check() : mismatch(expected, "no value");
    const KindTraits* traits = value_traits(actual);
    if (!traits) return mismatch(expected, describe(actual), "no linked module reads such a value: is its module linked?");
    return traits->expect(actual, expected, CompareOptions{});
}

std::optional<std::string> check_expected(ComponentKind kind, const Value& actual, const Json& expected) {
    if (!has_kind_traits(kind)) return missing_module_message(kind);
    return check_expected(actual, expected);
}

}  // namespace imgr
