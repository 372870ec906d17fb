// The vocabulary of events a demo author wires (public): which event, how its
// runs queue, the options of a listener and the type-erased handler. The event
// graph that runs them is engine.h (internal).
#pragma once
#include "imgr/engine/progress.h"
#include "imgr/engine/update.h"
#include "imgr/model/component.h"
#include "imgr/model/layout.h"

#include <functional>
#include <optional>
#include <vector>

namespace imgr {

enum class Event { Change, Input, Click, Submit, Release, Upload, Like, Select, Frame, Clear };  // Frame: a video shows a new frame (.stream()); Clear: an ImageEditor's layers were cleared
const char* event_name(Event event);

// As in Gradio: Once ignores triggers while a run is pending; Multiple queues
// them (bounded); AlwaysLast keeps only the newest pending run.
enum class TriggerMode { Once, Multiple, AlwaysLast };

struct Trigger {
    ComponentId component = -1;
    Event event = Event::Change;
};

class Blocks;

// A listener as the event handle a listener returns (EventChain) names it, for
// EventOptions::cancels: `auto run = train.click(...); stop.click(nullptr, {}, {}, {.cancels = {run}});`
struct EventRef {
    const Blocks* owner = nullptr;             // checked when the listener that cancels it is added
    int listener = -1;
};

struct EventOptions {
    std::optional<TriggerMode> trigger_mode;   // default: AlwaysLast for change/input, Once otherwise
    int concurrency_limit = 1;                 // runs of this listener at the same time
    bool show_progress = true;                 // dim the outputs and show a spinner while running
    std::vector<EventRef> cancels;             // these events' runs stop when this event fires (Gradio's cancels=)
};

using Values = std::vector<Value>;
using HandlerOutputs = std::vector<std::optional<Update>>;        // one per output; nullopt leaves it
using HandlerFn = std::function<HandlerOutputs(const Values& inputs, Progress& progress)>;

}  // namespace imgr
