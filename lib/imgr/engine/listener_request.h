// How a listener is asked for, by Handle events, EventChain steps, Blocks::on,
// Blocks::every and Interface: named fields with defaults, turned into the
// engine's ListenerSpec in one place (listener_spec), so a new option or rule
// is added once. Internal: a user wires events through Handle and Blocks.
#pragma once
#include "imgr/engine/events.h"

#include <string>
#include <vector>

namespace imgr {
struct ListenerSpec;
}

namespace imgr::detail {

struct ListenerRequest {
    std::vector<Trigger> triggers;
    HandlerFn handler;
    std::vector<ComponentId> inputs, outputs;
    EventOptions options;                          // the user's; an unset trigger mode takes default_mode
    TriggerMode default_mode = TriggerMode::Once;  // the event's: AlwaysLast for change/input, Once otherwise
    int after = -1;                                // a chained step: runs when listener `after` finishes
    bool only_on_success = false;                  // .success(): only when that run did not fail
    double every_seconds = 0;                      // > 0: a timer
    ComponentId active_when = -1;                  // a timer ticks only while this Checkbox is checked
    std::string description;                       // for messages: "click of 'Submit'"
};

ListenerSpec listener_spec(ListenerRequest request);

}  // namespace imgr::detail
