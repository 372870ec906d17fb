// ChatInterface driven through its engine as the view would: a message
// submitted, Retry, Undo, Clear, examples, a failing function, a streamed
// reply, and flagging (a conversation, a like) loaded back from the Flagged panel.
#include <doctest/doctest.h>
#include <imgr/engine/apps/chat_interface.h>

#include "flagging/flagging_support.h"
#include "imgr/engine/engine.h"
#include "support/settle.h"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using imgr::ChatRole;
using imgr::Conversation;

namespace {

imgr::ComponentId by_label(imgr::Blocks& demo, const std::string& label) {
    auto found = demo.engine().find_by_label(label);
    REQUIRE_MESSAGE(found.size() == 1, label);
    return found[0];
}

// Types a message and presses Enter, then waits for the reply.
void send(imgr::ChatInterface& demo, const std::string& message) {
    demo.engine().set_from_user(demo.textbox().id(), message);
    demo.engine().fire(demo.textbox().id(), imgr::Event::Submit);
    imgr_test::settle(demo.engine());
}

void click(imgr::ChatInterface& demo, const std::string& button) {
    demo.engine().fire(by_label(demo, button), imgr::Event::Click);
    imgr_test::settle(demo.engine());
}

Conversation exchange(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    Conversation c;
    for (const auto& [user, assistant] : pairs) c.user(user).assistant(assistant);
    return c;
}

// Counts its calls, so a retried reply differs from the first.
struct Echo {
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
    std::string operator()(const std::string& message, const Conversation& history) const {
        return message + " #" + std::to_string(++*calls) + " after " + std::to_string(history.size());
    }
};

}  // namespace

TEST_CASE("submitting shows the message and the reply - fn gets the history before the message") {
    imgr::ChatInterface demo(Echo{}, {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "hello");
    CHECK(demo.chatbot().value() == exchange({{"hello", "hello #1 after 0"}}));
    CHECK(demo.textbox().value().empty());  // the box is emptied for the next message
    send(demo, "again");
    CHECK(demo.chatbot().value() == exchange({{"hello", "hello #1 after 0"}, {"again", "again #2 after 2"}}));
    // Send does the same as Enter.
    demo.engine().set_from_user(demo.textbox().id(), std::string("by button"));
    click(demo, "Send");
    CHECK(demo.chatbot().value().messages.back().content == "by button #3 after 4");
}

TEST_CASE("a blank message sends nothing") {
    Echo echo;
    imgr::ChatInterface demo(echo, {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "   ");
    CHECK(demo.chatbot().value().empty());
    CHECK(echo.calls->load() == 0);
}

TEST_CASE("Retry sends the last message again in place of its reply") {
    imgr::ChatInterface demo(Echo{}, {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "one");
    send(demo, "two");
    click(demo, "Retry");
    CHECK(demo.chatbot().value() == exchange({{"one", "one #1 after 0"}, {"two", "two #3 after 2"}}));
}

TEST_CASE("Undo removes the last exchange and puts its message back in the box - Clear empties") {
    imgr::ChatInterface demo(Echo{}, {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "one");
    send(demo, "two");
    click(demo, "Undo");
    CHECK(demo.chatbot().value() == exchange({{"one", "one #1 after 0"}}));
    CHECK(demo.textbox().value() == "two");
    click(demo, "Clear");
    CHECK(demo.chatbot().value().empty());
    click(demo, "Undo");  // nothing left to undo: nothing happens
    CHECK(demo.chatbot().value().empty());
}

TEST_CASE("an example is sent when clicked") {
    imgr::ChatInterface demo(Echo{}, {.examples = {"What is GPL?", "Hi"}, .flagging_mode = imgr::FlaggingMode::Never});
    click(demo, "What is GPL?");
    CHECK(demo.chatbot().value() == exchange({{"What is GPL?", "What is GPL? #1 after 0"}}));
}

TEST_CASE("while a reply runs the box and the buttons wait - they are back afterwards") {
    auto gate = std::make_shared<std::promise<void>>();
    std::shared_future<void> open = gate->get_future().share();
    imgr::ChatInterface demo([open](const std::string& m, const Conversation&) { open.wait(); return "re: " + m; },
                             {.flagging_mode = imgr::FlaggingMode::Never});
    imgr::Engine& engine = demo.engine();
    engine.set_from_user(demo.textbox().id(), std::string("wait"));
    engine.fire(demo.textbox().id(), imgr::Event::Submit);
    // The message is on screen with an empty reply bubble before fn answers.
    for (int i = 0; i < 5000 && demo.chatbot().value().size() < 2; ++i) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(demo.chatbot().value() == exchange({{"wait", ""}}));
    CHECK_FALSE(engine.interactive(demo.textbox().id()));
    CHECK_FALSE(engine.interactive(by_label(demo, "Send")));
    CHECK_FALSE(engine.interactive(by_label(demo, "Retry")));
    gate->set_value();
    imgr_test::settle(engine);
    CHECK(demo.chatbot().value() == exchange({{"wait", "re: wait"}}));
    CHECK(engine.interactive(demo.textbox().id()));
    CHECK(engine.interactive(by_label(demo, "Send")));
}

TEST_CASE("a failing function shows its message - the person's message stays for Retry") {
    auto fail = std::make_shared<std::atomic<bool>>(true);
    imgr::ChatInterface demo(
        [fail](const std::string& m, const Conversation&) -> std::string {
            if (*fail) throw imgr::Error("the model is asleep");
            return "awake: " + m;
        },
        {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "wake up");
    Conversation only_message;
    only_message.user("wake up");
    CHECK(demo.chatbot().value() == only_message);
    bool shown = false;
    for (const imgr::Message& m : demo.engine().take_messages())
        shown |= m.level == imgr::MessageLevel::Error && m.text == "the model is asleep";
    CHECK(shown);
    *fail = false;
    click(demo, "Retry");
    CHECK(demo.chatbot().value() == exchange({{"wake up", "awake: wake up"}}));
}

TEST_CASE("a streaming function's reply ends as its last yield") {
    imgr::ChatInterface demo(
        [](std::string message, Conversation) -> imgr::Stream<std::string> {
            std::string reply;
            for (char ch : message) {
                reply += ch;
                co_yield reply;
            }
        },
        {.flagging_mode = imgr::FlaggingMode::Never});
    send(demo, "abc");
    CHECK(demo.chatbot().value() == exchange({{"abc", "abc"}}));
}

TEST_CASE("Stop takes Send's place while a reply streams, ends it at its next yield and keeps what it wrote") {
    imgr::ChatInterface demo(
        [](std::string, Conversation) -> imgr::Stream<std::string> {
            std::string reply;
            for (int i = 0; i < 2000; ++i) {  // about 10 s unless stopped
                reply += 'x';
                co_yield reply;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        },
        {.flagging_mode = imgr::FlaggingMode::Never});
    imgr::Engine& engine = demo.engine();
    const imgr::ComponentId send_button = by_label(demo, "Send"), stop_button = by_label(demo, "Stop");
    CHECK_FALSE(engine.component(stop_button).spec.common.visible);
    engine.set_from_user(demo.textbox().id(), std::string("go"));
    engine.fire(demo.textbox().id(), imgr::Event::Submit);
    // Until a few characters are on screen.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto shown = [&] {
        const Conversation& c = demo.chatbot().value();
        return c.size() == 2 ? c.messages[1].content.size() : 0;
    };
    while (shown() < 3 && std::chrono::steady_clock::now() < deadline) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(shown() >= 3);
    CHECK(engine.component(stop_button).spec.common.visible);
    CHECK_FALSE(engine.component(send_button).spec.common.visible);

    engine.fire(stop_button, imgr::Event::Click);
    imgr_test::settle(engine);
    const size_t kept = shown();
    CHECK(kept >= 3);
    CHECK(kept < 2000);
    // Nothing of the stopped reply arrives later; the controls are back.
    for (int i = 0; i < 50; ++i) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    CHECK(shown() == kept);
    CHECK(engine.component(send_button).spec.common.visible);
    CHECK(engine.interactive(send_button));
    CHECK(engine.interactive(demo.textbox().id()));
    CHECK_FALSE(engine.component(stop_button).spec.common.visible);
}

TEST_CASE("Flag saves the conversation - a like saves (message, reply, value) - Load brings a conversation back") {
    imgr::test::TempDir dir;
    imgr::ChatInterface demo(Echo{}, {.flagging_dir = dir.path().string()});
    send(demo, "first");
    send(demo, "second");
    const Conversation flagged = demo.chatbot().value();
    click(demo, "Flag");
    CHECK(imgr::test::read_text(dir / "Chatbot/0.json") ==
          R"([{"role":"user","content":"first"},{"role":"assistant","content":"first #1 after 0"},)"
          R"({"role":"user","content":"second"},{"role":"assistant","content":"second #2 after 2"}])");

    // A like on the first reply, as the view gives it: kept in the value, then the event.
    Conversation liked = demo.chatbot().value();
    liked.messages[1].liked = false;
    liked.last_feedback = 1;
    demo.engine().set_from_program(demo.chatbot().id(), liked);
    demo.engine().fire(demo.chatbot().id(), imgr::Event::Like);
    imgr_test::settle(demo.engine());

    const auto rows = imgr::test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"Chatbot", "message", "reply", "value", "timestamp"});
    CHECK(std::vector<std::string>(rows[1].begin(), rows[1].end() - 1) ==
          std::vector<std::string>{"Chatbot/0.json", "", "", ""});
    CHECK(std::vector<std::string>(rows[2].begin(), rows[2].end() - 1) ==
          std::vector<std::string>{"", "first", "first #1 after 0", "dislike"});

    // The Flagged panel lists the conversation (not the like) and loads it back.
    click(demo, "Clear");
    const imgr::ComponentId choice = by_label(demo, "Flagged conversation");
    const auto& choices = std::get<imgr::ChoiceProps>(demo.engine().component(choice).spec.props).choices;
    REQUIRE(choices.size() == 1);
    CHECK(choices[0].rfind("#1: Chatbot/0.json", 0) == 0);
    demo.engine().set_from_user(choice, choices[0]);
    click(demo, "Load conversation");
    CHECK(demo.chatbot().value() == flagged);
}
