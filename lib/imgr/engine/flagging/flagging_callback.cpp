#include "imgr/engine/flagging/flagging_callback.h"

#include "imgr/engine/flagging/flagging_dir.h"

namespace imgr {

// setup() with an app's components is in app/flagging_setup.cpp: it reads the app.

void FlaggingCallback::follow_flagging_dir(std::shared_ptr<const FlaggingDirOverride> dir_override) {
    std::lock_guard lock(dir_override_mutex_);
    dir_override_ = std::move(dir_override);
}

std::string FlaggingCallback::flagging_dir_for(const std::string& requested) const {
    std::lock_guard lock(dir_override_mutex_);
    return dir_override_ ? dir_override_->apply(requested) : requested;
}

}  // namespace imgr
