// The Chatbot's view in a headless ImGui context: bubbles per role, the like
// buttons raising the event with the message's index, and auto-scroll that
// stops when the person scrolls up and resumes at the bottom.
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/chatbot_view_state.h>

#include "imgr/engine/engine.h"
#include "support/headless_imgui.h"

#include <chrono>
#include <mutex>
#include <thread>

using imgr::Conversation;

namespace {

struct Headless : imgr::test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 700)) {}
    void frame(imgr::BlocksView& view) { bare_frame([&] { view.draw(); }); }
    void frames(imgr::BlocksView& view, int n) {
        for (int i = 0; i < n; ++i) frame(view);
    }
    void click(imgr::BlocksView& view, ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame(view);
        ImGui::GetIO().MouseDown[0] = true;
        frame(view);
        ImGui::GetIO().MouseDown[0] = false;
        frame(view);
    }
    void wheel(imgr::BlocksView& view, ImVec2 p, float notches) {
        ImGui::GetIO().MousePos = p;
        frame(view);
        ImGui::GetIO().MouseWheel = notches;
        frame(view);
        ImGui::GetIO().MouseWheel = 0;
        frame(view);
    }
};

void settle(imgr::BlocksView& view, Headless& ui) {
    for (int i = 0; i < 2000 && !view.blocks().engine().idle(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.frame(view);
    }
    ui.frames(view, 2);
}

Conversation long_chat(int exchanges) {
    Conversation c;
    for (int i = 0; i < exchanges; ++i)
        c.user("question " + std::to_string(i)).assistant("answer " + std::to_string(i) + "\n\n- a point\n- another");
    return c;
}

// Vertices of exactly this colour inside the rectangle, in the frame just rendered.
int vertices_of_color(ImU32 color, const imgr::TargetRect& rect) {
    int count = 0;
    ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            count += v.col == color && rect.contains(v.pos);
    return count;
}

}  // namespace

TEST_CASE("messages are bubbles: the person's on the right, the assistant's on the left") {
    Headless ui;
    imgr::Blocks demo;
    Conversation c;
    c.user("Hi there").assistant("Hello! **How** can I help?");
    auto chat = demo.add(imgr::Chatbot().value(c));
    imgr::BlocksView view(demo);
    ui.frames(view, 3);
    const imgr::ChatbotViewState* state = imgr::chatbot_view_state(view.cache(chat.id()));
    REQUIRE(state);
    REQUIRE(state->bubbles.size() == 2);
    CHECK(state->bubbles_drawn == 2);
    const imgr::TargetRect user = state->bubbles[0].rect, assistant = state->bubbles[1].rect;
    REQUIRE_FALSE(user.empty());
    REQUIRE_FALSE(assistant.empty());
    const imgr::TargetRect list = state->list;
    const float middle = (list.min.x + list.max.x) / 2;
    // The person's bubble hugs the right edge, the assistant's the left, one under the other.
    CHECK(user.min.x > middle);
    CHECK(user.max.x > list.max.x - 40);
    CHECK(assistant.min.x < list.min.x + 30);
    CHECK(assistant.max.x < list.max.x - 40);
    CHECK(assistant.min.y >= user.max.y);
    // Each is filled with its role's colour.
    CHECK(vertices_of_color(ImGui::GetColorU32(ImGuiCol_Header), user) > 0);
    CHECK(vertices_of_color(ImGui::GetColorU32(ImGuiCol_FrameBg), assistant) > 0);
    CHECK(vertices_of_color(ImGui::GetColorU32(ImGuiCol_Header), assistant) == 0);
}

TEST_CASE("Like and Dislike raise the like event with the message's index and value") {
    Headless ui;
    imgr::Blocks demo;
    auto chat = demo.add(imgr::Chatbot().value(long_chat(2)));
    std::mutex mutex;
    std::vector<imgr::LikeData> likes;
    chat.like([&](const imgr::LikeData& like) {
        std::lock_guard lock(mutex);
        likes.push_back(like);
    });
    imgr::BlocksView view(demo);
    ui.frames(view, 3);
    const imgr::ComponentTargets& targets = view.targets().component(chat.id());
    // Choices 2i and 2i+1: Like and Dislike of message i (assistant messages only: 1 and 3).
    REQUIRE(targets.choices.size() == 8);
    CHECK(targets.choices[0].empty());
    ui.click(view, targets.choices[7].center());  // Dislike the second answer (message 3)
    settle(view, ui);
    ui.click(view, view.targets().component(chat.id()).choices[2].center());  // Like the first answer
    settle(view, ui);
    std::lock_guard lock(mutex);
    REQUIRE(likes.size() == 2);
    CHECK(likes[0] == imgr::LikeData{3, "answer 1\n\n- a point\n- another", false});
    CHECK(likes[1] == imgr::LikeData{1, "answer 0\n\n- a point\n- another", true});
    CHECK(chat.value().messages[3].liked == false);
    CHECK(chat.value().messages[1].liked == true);
}

TEST_CASE("without a like listener there are no like buttons") {
    Headless ui;
    imgr::Blocks demo;
    auto chat = demo.add(imgr::Chatbot().value(long_chat(1)));
    imgr::BlocksView view(demo);
    ui.frames(view, 3);
    CHECK(view.targets().component(chat.id()).choices.empty());
}

TEST_CASE("the list follows new messages, stops when scrolled up, and follows again at the bottom") {
    Headless ui;
    imgr::Blocks demo;
    auto chat = demo.add(imgr::Chatbot().height(12).value(long_chat(20)));
    imgr::BlocksView view(demo);
    ui.frames(view, 4);
    const imgr::ChatbotViewState* state = imgr::chatbot_view_state(view.cache(chat.id()));
    REQUIRE(state);
    REQUIRE(state->scroll_max_y > 0);
    CHECK(state->scroll_y == doctest::Approx(state->scroll_max_y));  // starts at the newest message
    CHECK(state->bubbles_drawn < 40);                                 // the rest are off screen: not painted

    // A new message: still at the bottom.
    Conversation more = chat.value();
    more.user("one more").assistant("and its answer");
    chat.set(more);
    ui.frames(view, 3);
    CHECK(state->follow_bottom);
    CHECK(state->scroll_y == doctest::Approx(state->scroll_max_y));

    // The person scrolls up: new content no longer moves the list.
    const ImVec2 inside = state->list.center();
    ui.wheel(view, inside, 3);
    CHECK_FALSE(state->follow_bottom);
    const float kept = state->scroll_y;
    CHECK(kept < state->scroll_max_y - 10);
    more.assistant("a streamed part that grows");
    chat.set(more);
    ui.frames(view, 3);
    CHECK(state->scroll_y == doctest::Approx(kept));
    CHECK_FALSE(state->follow_bottom);

    // Back at the bottom: it follows again.
    ui.wheel(view, inside, -1000);
    CHECK(state->follow_bottom);
    more.user("last");
    chat.set(more);
    ui.frames(view, 3);
    CHECK(state->follow_bottom);
    CHECK(state->scroll_y == doctest::Approx(state->scroll_max_y));
}

TEST_CASE("a reply streaming into the last message re-parses only that message, and its bubble grows") {
    Headless ui;
    imgr::Blocks demo;
    Conversation c = long_chat(3);
    c.user("tell me more").assistant("");
    auto chat = demo.add(imgr::Chatbot().value(c));
    imgr::BlocksView view(demo);
    ui.frames(view, 3);
    const imgr::ChatbotViewState* state = imgr::chatbot_view_state(view.cache(chat.id()));
    const ImVec2 first_size = ImVec2(0, state->bubbles.back().height);
    const imgr::widgets::MarkdownDocument* earlier = &state->bubbles[1].document;
    std::string reply;
    float last_height = first_size.y;
    for (int i = 0; i < 40; ++i) {
        reply += "word ";
        c.messages.back().content = reply;
        chat.set(c);
        ui.frame(view);
        CHECK(state->bubbles.back().content == reply);         // the bubble shows the text of this very frame
        CHECK(state->bubbles.back().height >= last_height);    // and never shrinks while it grows
        last_height = state->bubbles.back().height;
    }
    CHECK(last_height > first_size.y);                        // it wrapped onto more lines
    CHECK(&state->bubbles[1].document == earlier);             // earlier bubbles kept (not rebuilt)
}

TEST_CASE("a long conversation lays out only the bubbles on screen, at the bottom and at the top") {
    Headless ui;
    imgr::Blocks demo;
    auto chat = demo.add(imgr::Chatbot().height(12).value(long_chat(1000)));  // 2,000 messages
    imgr::BlocksView view(demo);
    ui.frames(view, 4);
    const imgr::ChatbotViewState* state = imgr::chatbot_view_state(view.cache(chat.id()));
    REQUIRE(state);
    CHECK(state->scroll_y == doctest::Approx(state->scroll_max_y));
    CHECK(state->bubbles_visited > 0);
    CHECK(state->bubbles_visited < 30);
    CHECK_FALSE(state->bubbles.back().rect.empty());   // the newest is on screen
    const float content_height = state->scroll_max_y;
    std::vector<float> heights_before; for (const auto& b : state->bubbles) heights_before.push_back(b.block_height);
    { float sum = 0; int unknown = 0; for (const auto& b : state->bubbles) { if (b.block_height > 0) sum += b.block_height; else ++unknown; }
      MESSAGE("sum ", sum, " unknown ", unknown, " max ", state->scroll_max_y, " first ", state->bubbles[0].block_height, " last ", state->bubbles.back().block_height, " ", state->bubbles[1998].block_height); }
    ui.wheel(view, state->list.center(), 1e6f);        // all the way up
    ImGui::GetIO().MousePos = ImVec2(-100, -100);      // pointing at nothing (no hover buttons)
    ui.frames(view, 2);
    CHECK(state->scroll_y == 0);
    CHECK(state->bubbles_visited < 30);
    CHECK_FALSE(state->bubbles.front().rect.empty());  // the first message is drawn where it belongs
    CHECK(state->bubbles.front().rect.min.y < state->list.min.y + 40);
    { float sum = 0; int unknown = 0; for (const auto& b : state->bubbles) { if (b.block_height > 0) sum += b.block_height; else ++unknown; }
      MESSAGE("sum ", sum, " unknown ", unknown, " max ", state->scroll_max_y, " first ", state->bubbles[0].block_height, " last ", state->bubbles.back().block_height, " ", state->bubbles[1998].block_height); }
    for (size_t k = 0, shown = 0; k < heights_before.size() && shown < 8; ++k)
        if (heights_before[k] != state->bubbles[k].block_height) { MESSAGE("differs ", k, " ", heights_before[k], " -> ", state->bubbles[k].block_height); ++shown; }
    CHECK(state->scroll_max_y == doctest::Approx(content_height));  // skipping keeps the total height
}
