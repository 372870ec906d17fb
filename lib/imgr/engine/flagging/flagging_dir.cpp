#include "imgr/engine/flagging/flagging_dir.h"

namespace imgr {

void FlaggingDirOverride::set(std::string dir) {
    std::lock_guard lock(mutex_);
    dir_ = std::move(dir);
}

std::string FlaggingDirOverride::apply(const std::string& requested) const {
    std::lock_guard lock(mutex_);
    return dir_.empty() ? requested : dir_;
}

}  // namespace imgr
