#include "imgr/engine/listener_request.h"
#include "imgr/engine/engine.h"

namespace imgr::detail {

ListenerSpec listener_spec(ListenerRequest request) {
    ListenerSpec spec;
    spec.triggers = std::move(request.triggers);
    spec.inputs = std::move(request.inputs);
    spec.outputs = std::move(request.outputs);
    spec.handler = std::move(request.handler);
    spec.mode = request.options.trigger_mode.value_or(request.default_mode);
    spec.concurrency_limit = request.options.concurrency_limit;
    spec.every_seconds = request.every_seconds;
    spec.active_when = request.active_when;
    // A ticking output should not flicker with a spinner on every tick.
    spec.show_progress = request.options.show_progress && request.every_seconds <= 0;
    spec.after = request.after;
    spec.only_on_success = request.only_on_success;
    spec.description = std::move(request.description);
    for (const EventRef& event : request.options.cancels) spec.cancels.push_back(event.listener);
    return spec;
}

}  // namespace imgr::detail
