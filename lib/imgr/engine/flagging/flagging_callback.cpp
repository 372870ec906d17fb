#include "imgr/engine/flagging/flagging_callback.h"

#include "imgr/engine/handler_traits.h"

namespace imgr {

void FlaggingCallback::setup(std::initializer_list<ComponentRef> components, std::string flagging_dir,
                             FlagSetup options) {
    std::vector<FlagField> fields;
    for (const ComponentRef& component : components) fields.push_back({component.label, component.kind});
    setup(std::move(fields), std::move(flagging_dir), options);
}

}  // namespace imgr
