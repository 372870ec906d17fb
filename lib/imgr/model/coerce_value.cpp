#include "imgr/model/coerce_value.h"

#include "imgr/model/kinds/kind_traits.h"

namespace imgr {

Value coerce_value(ComponentKind kind, const KindProps& props, Value value) {
    const KindTraits& traits = kind_traits(kind);
    return traits.coerce ? traits.coerce(props, std::move(value)) : value;
}

}  // namespace imgr
