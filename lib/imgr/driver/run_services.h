// What a module adds to each run of an app's window: the media module opens the
// sound device for apps that have an Audio component. Registered before main();
// launch() starts them when the window opens and ends them when it closes.
#pragma once
#include "imgr/engine/engine.h"

#include <functional>
#include <memory>
#include <vector>

namespace imgr {

struct RunService {
    std::shared_ptr<void> keep;           // held for the run (a device), released when the window closes
    std::function<bool()> wants_redraw;   // true: draw the next frame without waiting for input (a playhead moves)
};
using RunServiceFactory = RunService (*)(Engine& app);

void register_run_service(RunServiceFactory factory);
std::vector<RunService> start_run_services(Engine& app);  // in registration order

}  // namespace imgr
