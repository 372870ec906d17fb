// imgr: machine-learning demos in C++, drawn each frame by Dear ImGui.
// This umbrella header is all a user's main() includes.
#pragma once
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/view/theme.h"
