// Frame streaming, the listener side: Handle<T>::stream (declared in blocks.h).
// Included at the end of blocks.h, where Blocks is complete.
#pragma once
#include "imgr/engine/frame_stream.h"

namespace imgr {

template <class T>
template <class F>
EventChain Handle<T>::stream(F fn, StreamInputsFor<F> inputs, OutputsFor<F> outputs, EventOptions options) const {
    static_assert(std::is_same_v<T, VideoValue>, "imgr: .stream() is for Video components");
    Blocks& blocks = owner(".stream()");
    const std::string description = blocks.describe_trigger(id_, Event::Frame);
    // Frames come fast: a spinner on every run would flicker (the user may still ask for it).
    if (!options.trigger_mode) options.show_progress = false;
    const std::vector<HandleRef> refs = inputs.list();
    auto videos = blocks.video_channels(refs);
    const size_t output_count = outputs.list().size();
    detail::ListenerRequest request = blocks.make_request(
        frame_stream_handler(erase_handler(std::move(fn)), std::move(videos), output_count), refs, outputs.list(),
        options, description);
    // Each frame, and each change of another input (a slider moved while paused shows at once).
    request.triggers = {{id_, Event::Frame}};
    for (const HandleRef& ref : refs)
        if (ref.id != id_) request.triggers.push_back({blocks.own({ref}, "input", description)[0], Event::Change});
    request.default_mode = TriggerMode::AlwaysLast;  // frames are dropped, never queued
    request.description = description;
    return blocks.listen(std::move(request));
}

}  // namespace imgr
