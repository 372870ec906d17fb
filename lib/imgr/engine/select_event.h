// How a `select` event's SelectData reaches its handler: the engine stores it
// with the run (Engine::fire_select) and sets it for the worker thread around the
// handler's call; a handler parameter of type imgr::SelectData (handler_traits.h)
// is filled from here. Outside a select run it is an empty SelectData.
#pragma once
#include "imgr/model/select_data.h"

namespace imgr {

// The SelectData of the run on this thread (empty: x = y = index = -1).
const SelectData& current_select_data();

// Sets it for this thread while alive (nested scopes restore the outer one).
class SelectScope {
public:
    explicit SelectScope(const SelectData* data);
    ~SelectScope();
    SelectScope(const SelectScope&) = delete;
    SelectScope& operator=(const SelectScope&) = delete;

private:
    const SelectData* outer_;
};

}  // namespace imgr
