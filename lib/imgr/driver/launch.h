// Running an app: the command line, the window, the view and the engine
// joined up, with the demo-script player and the recorder when asked for.
// It lives in the driver layer because it uses all the others; Blocks::launch
// (engine/app/blocks.h) forwards here, so `demo.launch(argc, argv)` reads as in Gradio.
#pragma once
#include "imgr/engine/app/blocks.h"

namespace imgr {

// Parses the command line (--help lists it; the contract is in docs/), opens the
// window, runs a --script, records, takes screenshots; after the window
// closes, writes the flags still waiting. Returns the process exit code.
int launch_app(Blocks& app, int argc, char** argv);

}  // namespace imgr
