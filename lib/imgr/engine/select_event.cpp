#include "imgr/engine/select_event.h"

namespace imgr {

namespace {
thread_local const SelectData* current = nullptr;
}

const SelectData& current_select_data() {
    static const SelectData none{};
    return current ? *current : none;
}

SelectScope::SelectScope(const SelectData* data) : outer_(current) { current = data; }
SelectScope::~SelectScope() { current = outer_; }

}  // namespace imgr
