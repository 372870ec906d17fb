// What the Chatbot's view keeps between frames: each message's parsed
// Markdown (re-parsed only when that message's text changed, so a reply
// streaming into the last bubble re-parses one message, not all), and
// whether the view follows the newest message. Tests read it through
// chatbot_view_state().
#pragma once
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/markdown.h"

#include <string>
#include <vector>

namespace imgr {

struct ChatbotViewState {
    struct Bubble {
        std::string content;              // the text `document` was parsed from
        widgets::MarkdownDocument document;
        float natural_width = -1;         // the widest line unwrapped (< 0: not measured yet)
        float laid_width = -1;            // the wrap width `height` was measured at
        float height = 0;                 // the bubble's text height at laid_width
        TargetRect rect;                  // where it was painted last (screen); empty when off screen
        float block_height = -1;          // bubble, buttons and spacing: how far it moves the cursor (< 0: unknown)
        float block_width = -1;           // the list width block_height was measured at
    };
    std::vector<Bubble> bubbles;          // one per message
    // Stays at the newest message (auto-scroll) until the person scrolls up;
    // scrolling back to the bottom follows again.
    bool follow_bottom = true;
    float scroll_y = 0, scroll_max_y = 0; // the message list's scroll in the last frame
    TargetRect list;                      // the scrolling message area in the last frame
    int bubbles_drawn = 0;                // bubbles painted in the last frame (the others were off screen)
    int bubbles_visited = 0;              // bubbles laid out one by one; runs of measured ones off screen are one gap
};

// The state of a Chatbot's cache; null before its first frame.
const ChatbotViewState* chatbot_view_state(const ComponentCache& cache);

// A like or dislike of message `index`, as the Like and Dislike buttons give it (and a
// script's `like`): kept in the value (shown as the pressed button), then the `like` event.
void give_chat_feedback(Engine& engine, ComponentId id, int index, bool liked);

}  // namespace imgr
