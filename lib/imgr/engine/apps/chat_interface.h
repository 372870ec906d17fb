// ChatInterface: a chat around one function, as Gradio's gr.ChatInterface.
//
//   std::string respond(const std::string& message, const imgr::Conversation& history);
//   int main(int argc, char** argv) {
//       imgr::ChatInterface demo(respond, {.title = "Echo", .examples = {"Hello", "What is a licence?"}});
//       return demo.launch(argc, argv);
//   }
//
// A Chatbot, a Message box (Enter sends), Send, Retry, Undo, Clear and the
// examples (a click sends one). fn gets the message and the conversation
// before it; it returns the reply, or an imgr::Stream<std::string> that
// co_yields the reply so far (each yield replaces the last message, as a
// Gradio generator does), on screen as it comes. While a reply runs, the box
// and the buttons wait and Stop takes Send's place: it ends the reply at its
// next yield and keeps what was written.
// Flagging (FlaggingMode::Manual): a Flag button saves the conversation
// (<label>/N.json, docs/flagging.md) and each like/dislike saves a row
// (message, reply, value); the "Flagged" accordion loads a saved
// conversation back into the Chatbot.
#pragma once
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/stream.h"

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace imgr {

struct ChatInterfaceOptions {
    std::string title;                          // a heading above the chat
    std::string description;                    // Markdown under the title
    std::vector<std::string> examples;          // messages a click sends
    std::string placeholder = "Type a message and press Enter";
    std::string chatbot_label = "Chatbot";      // how scripts and flags address the chat
    std::string textbox_label = "Message";
    float chatbot_height = 24.0f;               // in font units
    FlaggingMode flagging_mode = FlaggingMode::Manual;  // Manual: Flag button and like/dislike rows; Never: neither
    std::string flagging_dir = "flagged";       // the app's --flagging-dir overrides
    Theme theme = Theme::Light;
};

class ChatInterface : public Blocks {
public:
    using ReplyFn = std::function<std::string(const std::string& message, const Conversation& history)>;
    using StreamReplyFn = std::function<Stream<std::string>(const std::string& message, const Conversation& history)>;

    template <class F>
    explicit ChatInterface(F fn, ChatInterfaceOptions options = {})
        : Blocks(options.title.empty() ? "imgr" : options.title, options.theme), options_(std::move(options)) {
        using Result = std::invoke_result_t<F&, const std::string&, const Conversation&>;
        if constexpr (is_stream_v<std::decay_t<Result>>) {
            static_assert(std::is_convertible_v<typename std::decay_t<Result>::value_type, std::string>,
                          "imgr: a streaming chat function co_yields the reply so far as text");
            build(nullptr, StreamReplyFn(std::move(fn)));
        } else {
            static_assert(std::is_convertible_v<Result, std::string>,
                          "imgr: a chat function is std::string fn(const std::string& message, "
                          "const imgr::Conversation& history), or returns imgr::Stream<std::string>");
            build(ReplyFn(std::move(fn)), nullptr);
        }
    }

    Handle<Conversation> chatbot() const { return chatbot_; }
    Handle<std::string> textbox() const { return textbox_; }
    // The flagged rows (Chatbot, message, reply, value); null without flagging.
    std::shared_ptr<CSVLogger> flagging_callback() const { return logger_; }

protected:
    void on_launch() override;

private:
    void build(ReplyFn reply, StreamReplyFn stream_reply);
    void add_layout();
    void wire_sending(HandlerFn reply_step);
    void wire_editing();
    void wire_flagging();
    std::vector<HandleRef> controls() const;   // what waits while a reply runs

    ChatInterfaceOptions options_;
    Handle<Conversation> chatbot_;
    Handle<std::string> textbox_, pending_, send_, stop_, retry_, undo_, clear_, flag_;
    Handle<std::string> flagged_choice_, load_flagged_;
    std::vector<Handle<std::string>> example_buttons_;
    std::shared_ptr<CSVLogger> logger_;
};

}  // namespace imgr
