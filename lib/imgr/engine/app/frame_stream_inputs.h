// Frame streaming, the inputs side: `video.stream(fn, {video, strength}, output)`
// calls fn for the frames a Video shows, with the frame (an imgr::ImageBuffer)
// where the video is listed and the other inputs' values as usual. So a stream
// handler's parameter for a Video input is `const imgr::ImageBuffer&`.
// How runs are paced (always_last: frames are dropped, never queued) is in
// frame_stream_listener.h and docs/events.md.
#pragma once
#include "imgr/engine/app/handler_traits.h"

namespace imgr {

namespace detail {
// What a stream handler's parameter gets for an input whose value is V.
template <class V>
struct streamed {
    using type = V;
};
template <>
struct streamed<VideoValue> {
    using type = ImageBuffer;
};
}  // namespace detail

template <class... T>
struct StreamInputs {
    std::array<HandleRef, sizeof...(T)> refs{};
    template <class... H>
    StreamInputs(const Handle<H>&... handles)  // NOLINT: braces read naturally
        : refs{HandleRef{handles.blocks(), handles.id()}...} {
        static_assert(sizeof...(H) == sizeof...(T),
                      "imgr: the number of input components differs from the number of the handler's parameters");
        if constexpr (sizeof...(H) == sizeof...(T))
            detail::check_parameters((std::tuple<T...>*)nullptr,
                                     (std::tuple<typename detail::streamed<H>::type...>*)nullptr);
    }
    std::vector<HandleRef> list() const { return {refs.begin(), refs.end()}; }
};

namespace detail {
template <class Tuple>
struct stream_inputs_for;
template <class... A>
struct stream_inputs_for<std::tuple<A...>> {
    using type = StreamInputs<std::decay_t<A>...>;
};
}  // namespace detail

template <class F>
using StreamInputsFor = typename detail::stream_inputs_for<detail::params_of<F>>::type;

}  // namespace imgr
