// The time a row was flagged, as the flagging files write it.
#pragma once
#include <chrono>
#include <string>

namespace imgr {

// Local time "YYYY-MM-DD HH:MM:SS.ffffff" (microseconds), as Gradio's str(datetime.now()).
std::string flag_timestamp(std::chrono::system_clock::time_point time = std::chrono::system_clock::now());

}  // namespace imgr
