// FlaggingCallback::setup with an app's components, callback.setup({a, b}, "dir").
// Defined with the app API rather than in flagging/: it reads what only the app
// knows (each component's label and kind, the app's --flagging-dir), and the
// flagging library sits below the app API.
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/flagging/flagging_callback.h"
#include "imgr/engine/flagging/flagging_dir.h"

namespace imgr {

void FlaggingCallback::setup(std::initializer_list<ComponentRef> components, std::string flagging_dir,
                             FlagSetup options) {
    std::vector<FlagField> fields;
    for (const ComponentRef& component : components) fields.push_back({component.label, component.kind});
    // Components of an app: the callback writes where that app's --flagging-dir says.
    if (components.size() > 0 && components.begin()->owner)
        follow_flagging_dir(BlocksAccess::flagging_dir_override(*components.begin()->owner));
    setup(std::move(fields), std::move(flagging_dir), options);
}

}  // namespace imgr
