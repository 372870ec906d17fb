// Handle<Conversation>::like: a Chatbot's like/dislike event, as Gradio's
// chatbot.like(fn). The view stores the person's like in the conversation
// (ChatMessage::liked, Conversation::last_feedback) and then fires Event::Like,
// so the event's input snapshot carries which message it was: the handler
// gets that as imgr::LikeData, without any payload channel in the engine.
#pragma once
#include "imgr/engine/app/blocks.h"

#include <type_traits>

namespace imgr {

template <class T>
template <class F>
EventChain Handle<T>::like(F fn, OutputsFor<F> outputs, EventOptions options) const {
    static_assert(std::is_same_v<T, Conversation>, "imgr: .like() is an event of a Chatbot (a Handle<Conversation>)");
    using Params = detail::params_of<F>;
    constexpr size_t arity = std::tuple_size_v<Params>;
    static_assert(arity == 1 || arity == 2,
                  "imgr: a like handler takes (imgr::LikeData) or (imgr::LikeData, const imgr::Conversation&)");
    // Every like counts (each may be flagged): queue them rather than drop.
    if (!options.trigger_mode) options.trigger_mode = TriggerMode::Multiple;
    Blocks& blocks = owner(".like()");
    // The buttons show once someone listens, as in Gradio.
    blocks.make_likeable(id_);
    if constexpr (arity == 1) {
        auto wrapped = [fn = std::move(fn)](const Conversation& conversation) mutable {
            return fn(like_data(conversation));
        };
        return blocks.on({on(Event::Like)}, std::move(wrapped), {*this}, outputs, options);
    } else {
        auto wrapped = [fn = std::move(fn)](const Conversation& conversation) mutable {
            return fn(like_data(conversation), conversation);
        };
        return blocks.on({on(Event::Like)}, std::move(wrapped), {*this}, outputs, options);
    }
}

}  // namespace imgr
