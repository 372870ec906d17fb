// imgr: machine-learning demos in C++, drawn each frame by Dear ImGui.
// This umbrella header is all a user's main() includes.
//
// Index
//   Blocks       imgr/engine/blocks.h       rows, columns, tabs; components; events
//   Components   imgr/engine/builders.h     Number, Slider, Radio, Dropdown, Checkbox, CheckboxGroup,
//                                           Textbox, Button, Markdown, Label, Image, Plot, JSON,
//                                           ColorPicker, Dataframe
//   Values       imgr/model/value.h         what handlers take and return (ImageBuffer in model/image.h)
//   Events       imgr/engine/engine.h       Event, TriggerMode, EventOptions; Update (engine/update.h),
//                                           Progress (engine/progress.h), Error/warning/info (engine/messages.h)
//   Interface    imgr/engine/interface.h    one function as a standard demo, with flagging
//   Flagging     imgr/engine/flagging/      FlaggingCallback, CSVLogger, JSONLogger
//   Launch       imgr/driver/launch.h       demo.launch(argc, argv): command line, window, scripts, recording
//   Runner       imgr/platform/runner.h     the window loop, for apps that draw ImGui themselves
#pragma once
#include "imgr/driver/launch.h"
#include "imgr/engine/blocks.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/engine/interface.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/view/theme.h"
