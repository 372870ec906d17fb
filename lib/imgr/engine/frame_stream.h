// Frame streaming, the engine's side: the handler a Video's .stream() listener
// runs. It works on HandlerFn and knows no Handle, so the event graph builds
// without the app API; the typed side, StreamInputs and Handle<T>::stream, is
// app/frame_stream_inputs.h and app/frame_stream_listener.h.
#pragma once
#include "imgr/engine/events.h"

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace imgr {

class MediaChannel;

// The engine handler of a stream: each Video input's value is replaced by the
// newest frame its player has published when the run starts (so a run that
// waited behind a slow one still gets the current frame, not the one that
// triggered it). Before the first frame the run leaves the outputs as they are.
HandlerFn frame_stream_handler(HandlerFn handler, std::vector<std::pair<size_t, std::shared_ptr<MediaChannel>>> videos,
                               size_t output_count);

}  // namespace imgr
