#include "imgr/engine/flagging/flagging_callback.h"

#include "imgr/engine/app/blocks.h"
#include "imgr/engine/flagging/flagging_dir.h"

namespace imgr {

void FlaggingCallback::setup(std::initializer_list<ComponentRef> components, std::string flagging_dir,
                             FlagSetup options) {
    std::vector<FlagField> fields;
    for (const ComponentRef& component : components) fields.push_back({component.label, component.kind});
    // Components of an app: the callback writes where that app's --flagging-dir says.
    if (components.size() > 0 && components.begin()->owner)
        follow_flagging_dir(components.begin()->owner->flagging_dir_override());
    setup(std::move(fields), std::move(flagging_dir), options);
}

void FlaggingCallback::follow_flagging_dir(std::shared_ptr<const FlaggingDirOverride> dir_override) {
    std::lock_guard lock(dir_override_mutex_);
    dir_override_ = std::move(dir_override);
}

std::string FlaggingCallback::flagging_dir_for(const std::string& requested) const {
    std::lock_guard lock(dir_override_mutex_);
    return dir_override_ ? dir_override_->apply(requested) : requested;
}

}  // namespace imgr
