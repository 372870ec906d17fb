#include "imgr/driver/value_from_json.h"

namespace imgr {

SetValueResult value_for_set(ComponentKind kind, const KindProps& props, const Json& json) {
    return kind_traits(kind).from_script(kind, props, json);
}

}  // namespace imgr
