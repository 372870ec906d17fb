// The command line's --flagging-dir: it overrides the folder every flagging
// callback of the app writes to, including loggers set up in main() before
// launch() read the command line.
#pragma once
#include <string>

namespace imgr {

void set_flagging_dir_override(std::string dir);        // "" removes the override
std::string effective_flagging_dir(const std::string& requested);  // the override, else requested

}  // namespace imgr
