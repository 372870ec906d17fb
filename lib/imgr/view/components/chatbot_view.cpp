// Chatbot: messages as bubbles (the person's on the right, the assistant's on
// the left), Markdown inside. Under each assistant message: Copy, and Like /
// Dislike when a like listener is wired. The list scrolls inside a fixed
// height and follows the newest message until the person scrolls up.
#include "imgr/view/chatbot_view_state.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace imgr {

namespace {

float em() { return ImGui::GetFontSize(); }

// Brings the cached bubbles in line with the conversation: only messages
// whose text changed are parsed again (and measured again).
void sync(ChatbotViewState& state, const Conversation& conversation) {
    state.bubbles.resize(conversation.size());
    for (size_t i = 0; i < conversation.size(); ++i) {
        ChatbotViewState::Bubble& bubble = state.bubbles[i];
        const std::string& content = conversation.messages[i].content;
        if (bubble.content == content && bubble.natural_width >= 0) continue;
        bubble.content = content;
        bubble.document.parse(content);
        bubble.natural_width = -1;
        bubble.laid_width = -1;
        bubble.block_height = -1;
    }
}

float widest_line(const std::string& text) {
    float widest = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

bool toggle_button(const char* text, bool pressed) {
    if (pressed) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::SmallButton(text);
    if (pressed) ImGui::PopStyleColor();
    return clicked;
}

// Copy (and Like, Dislike) under a message; returns the height used.
void draw_actions(const ComponentContext& c, const ChatMessage& message, int index, float x, bool likeable) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (ImGui::SmallButton("Copy")) {
        ImGui::SetClipboardText(message.content.c_str());
        c.engine.post(MessageLevel::Info, "Message copied to the clipboard");
    }
    if (likeable) {
        ImGui::SameLine();
        const bool like = toggle_button("Like", message.liked == true);
        c.target_choice((size_t)index * 2);
        ImGui::SameLine();
        const bool dislike = toggle_button("Dislike", message.liked == false);
        c.target_choice((size_t)index * 2 + 1);
        if (like && message.liked != true) give_chat_feedback(c.engine, c.id, index, true);  // feedback, not an edit: also on an output
        if (dislike && message.liked != false) give_chat_feedback(c.engine, c.id, index, false);
    }
    ImGui::PopStyleColor();
}

// One message. Bubbles off screen with a known height only take their space.
void draw_bubble(const ComponentContext& c, ChatbotViewState& state, int index, float inner_width, bool likeable) {
    const ChatMessage& message = std::get<Conversation>(c.state.spec.value).messages[(size_t)index];
    ChatbotViewState::Bubble& bubble = state.bubbles[(size_t)index];
    const bool user = message.role == ChatRole::User;
    // Whole pixels, so a bubble moves the cursor by the same amount wherever it starts
    // (measured heights then add up exactly when runs of bubbles are skipped).
    const ImVec2 pad(std::floor(em() * 0.7f), std::floor(em() * 0.45f));
    if (bubble.natural_width < 0) bubble.natural_width = widest_line(message.content);
    const float max_text = std::max(em() * 4, inner_width * 0.8f - pad.x * 2);
    const float text_width = message.content.empty() ? em() * 2 : std::min(max_text, bubble.natural_width + 2);
    const float bubble_width = text_width + pad.x * 2;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float left = user ? top.x + inner_width - bubble_width : top.x;
    const ImVec2 min(left, top.y);
    const bool has_actions = !user;
    // Measured at this width and off screen: only its space (the exact advance measured when drawn).
    const bool measured = bubble.laid_width == text_width && bubble.block_width == inner_width && bubble.block_height > 0;
    if (measured && !ImGui::IsRectVisible(ImVec2(top.x, top.y), ImVec2(top.x + inner_width, top.y + bubble.block_height))) {
        bubble.rect = {};
        ImGui::Dummy(ImVec2(inner_width, bubble.block_height - ImGui::GetStyle().ItemSpacing.y));
        return;
    }
    ++state.bubbles_drawn;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(left + pad.x, top.y + pad.y));
    if (message.content.empty()) {
        ImGui::TextDisabled("...");  // a reply on its way
        bubble.height = std::ceil(ImGui::GetTextLineHeight());
    } else {
        bubble.document.draw(c.fonts, text_width);
        bubble.height = std::ceil(bubble.document.height());
    }
    bubble.laid_width = text_width;
    const ImVec2 max(left + bubble_width, top.y + bubble.height + pad.y * 2);
    draw->ChannelsSetCurrent(0);
    const ImU32 fill = user ? ImGui::GetColorU32(ImGuiCol_Header) : ImGui::GetColorU32(ImGuiCol_FrameBg);
    // Measured (first frame, new width) but off screen: ImDrawList does not cull, so skip the outline here.
    if (ImGui::IsRectVisible(min, max)) {
        draw->AddRectFilled(min, max, fill, em() * 0.6f);
        draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), em() * 0.6f);
    }
    draw->ChannelsMerge();
    bubble.rect = {min, max};
    ImGui::SetCursorScreenPos(ImVec2(top.x, max.y));
    ImGui::Dummy(ImVec2(inner_width, 0));
    if (has_actions) {
        draw_actions(c, message, index, left, likeable);
    } else if (ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered()) {
        // The person's own message: Copy when pointed at, over the bubble's corner (no space taken).
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(min.x - em() * 3.2f, min.y));
        if (ImGui::SmallButton("Copy")) {
            ImGui::SetClipboardText(message.content.c_str());
            c.engine.post(MessageLevel::Info, "Message copied to the clipboard");
        }
        ImGui::SetCursorScreenPos(after);
    }
}

// Cost follows what is on screen, not the conversation's length: measured
// bubbles above and below the visible part are skipped as one gap each.
void draw_visible_bubbles(const ComponentContext& c, ChatbotViewState& state, float inner_width, bool likeable) {
    const int count = (int)state.bubbles.size();
    const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    auto measured = [&](int i) {
        return state.bubbles[(size_t)i].block_height > 0 && state.bubbles[(size_t)i].block_width == inner_width;
    };
    int i = 0;
    float gap = 0;
    while (i < count && measured(i) && ImGui::GetCursorPosY() + gap + state.bubbles[(size_t)i].block_height < top)
        gap += state.bubbles[(size_t)i++].block_height;
    if (gap > 0) ImGui::Dummy(ImVec2(inner_width, gap - spacing));  // the Dummy adds the spacing back
    for (; i < count; ++i) {
        if (ImGui::GetCursorPosY() > bottom) {
            float rest = 0;
            int k = i;
            while (k < count && measured(k)) rest += state.bubbles[(size_t)k++].block_height;
            if (k == count) {
                ImGui::Dummy(ImVec2(inner_width, rest - spacing));
                return;
            }
        }
        const float before = ImGui::GetCursorPosY();
        ++state.bubbles_visited;
        ImGui::PushID(i);
        draw_bubble(c, state, i, inner_width, likeable);
        ImGui::PopID();
        ChatbotViewState::Bubble& bubble = state.bubbles[(size_t)i];
        bubble.block_height = ImGui::GetCursorPosY() - before;
        bubble.block_width = inner_width;
    }
}

}  // namespace

const ChatbotViewState* chatbot_view_state(const ComponentCache& cache) {
    return static_cast<const ChatbotViewState*>(cache.widget_state.get());
}

void draw_chatbot(const ComponentContext& c) {
    auto state = std::static_pointer_cast<ChatbotViewState>(c.cache.widget_state);
    if (!state) {
        state = std::make_shared<ChatbotViewState>();
        c.cache.widget_state = state;
    }
    const Conversation& conversation = std::get<Conversation>(c.state.spec.value);
    if (c.value_changed() || state->bubbles.size() != conversation.size()) sync(*state, conversation);
    const auto& props = std::get<ChatbotProps>(c.spec().props);

    const ImVec2 size(c.width, std::max(em() * 4, props.height * em()));
    ImGui::BeginChild("##messages", size, true);
    // The person's wheel or scrollbar moved the list before this frame's
    // content: at the bottom (as last frame measured it) it follows, above it it stays.
    state->follow_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    const float inner_width = ImGui::GetContentRegionAvail().x;
    state->bubbles_drawn = 0;
    state->bubbles_visited = 0;
    if (conversation.empty()) ImGui::TextDisabled("No messages yet");
    draw_visible_bubbles(c, *state, inner_width, props.likeable);
    // New content below: scrolled to in the next frame (ImGui applies a scroll
    // request when the window begins), which the runner draws after any change.
    if (state->follow_bottom) ImGui::SetScrollHereY(1.0f);
    state->scroll_y = ImGui::GetScrollY();
    state->scroll_max_y = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    state->list = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    c.target_widget();
}

void give_chat_feedback(Engine& engine, ComponentId id, int index, bool liked) {
    Conversation conversation = std::get<Conversation>(engine.component(id).spec.value);
    conversation.messages[(size_t)index].liked = liked;
    conversation.last_feedback = index;
    engine.set_from_program(id, std::move(conversation));
    engine.fire(id, Event::Like);
}

}  // namespace imgr
