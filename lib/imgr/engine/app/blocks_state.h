// What a Blocks holds (internal): its event graph, its layout and where the
// builder stands in it, its flag writers and its replay. Apart from blocks.h
// so that the public header names none of the engine's, flagging's or replay's
// headers; only the files that implement Blocks include it.
#pragma once
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/flag_writer.h"
#include "imgr/engine/flagging/flagging_dir.h"
#include "imgr/model/layout.h"

#include <memory>
#include <vector>

namespace imgr {

struct ReplayPanelState;

struct BlocksState {
    Engine engine;
    Layout layout;
    std::vector<NodeId> stack{layout.root()};  // the containers the builder is inside; back() is current
    std::shared_ptr<FlaggingDirOverride> flagging_dir_override = std::make_shared<FlaggingDirOverride>();
    std::vector<std::unique_ptr<FlagWriter>> flag_writers;
    size_t max_waiting_flags = 32;
    int replay_listener = -1;
    std::shared_ptr<ReplayPanelState> replay_panel;
    std::vector<ComponentId> replay_fields;
    bool replay_flag_column = false;

    NodeId current() const { return stack.back(); }
};

}  // namespace imgr
