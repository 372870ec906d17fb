#include "imgr/engine/apps/chat_interface.h"

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/listener_request.h"
#include "imgr/engine/messages.h"
#include "imgr/model/row_choice.h"

#include <cstdio>

namespace imgr {

namespace {

ListenerSpec spec(std::vector<Trigger> triggers, HandlerFn fn, std::vector<ComponentId> inputs,
                  std::vector<ComponentId> outputs, std::string description, int after = -1) {
    detail::ListenerRequest request;
    request.triggers = std::move(triggers);
    request.handler = std::move(fn);
    request.inputs = std::move(inputs);
    request.outputs = std::move(outputs);
    request.default_mode = after >= 0 ? TriggerMode::Multiple : TriggerMode::Once;
    request.after = after;
    request.description = std::move(description);
    ListenerSpec result = detail::listener_spec(std::move(request));
    result.show_progress = false;  // the Chatbot shows a "..." bubble instead of dimming
    return result;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// The reply on its way: the conversation with its last message (an empty
// assistant bubble) filled as fn's reply grows. A failure of fn removes the
// bubble and becomes a toast; the person's message stays, so Retry can send it again.
Stream<Conversation> reply_into(Conversation conversation, std::string message, ChatInterface::ReplyFn reply,
                                ChatInterface::StreamReplyFn stream_reply) {
    Conversation history = conversation;
    history.messages.resize(history.size() - 2);  // fn sees what came before the message
    std::string failure;
    try {
        if (reply) {
            conversation.messages.back().content = reply(message, history);
            co_yield conversation;
        } else {
            Stream<std::string> parts = stream_reply(message, history);
            while (parts.next()) {
                conversation.messages.back().content = std::string(parts.value());
                co_yield conversation;
            }
        }
    } catch (const Error& e) {
        failure = e.what();
    } catch (const std::exception& e) {
        failure = std::string("the chat function failed: ") + e.what();
    }
    if (failure.empty()) co_return;
    post_message(MessageLevel::Error, failure);
    if (conversation.messages.back().content.empty()) conversation.messages.pop_back();
    co_yield conversation;
}

Stream<Conversation> unchanged(Conversation conversation) { co_yield conversation; }

// A reply is pending when the conversation ends with the person's message and an empty assistant bubble.
bool awaiting_reply(const Conversation& c) {
    const size_t n = c.size();
    return n >= 2 && c.messages[n - 1].role == ChatRole::Assistant && c.messages[n - 1].content.empty() &&
           c.messages[n - 2].role == ChatRole::User;
}

int last_user_message(const Conversation& c) {
    for (int i = (int)c.size() - 1; i >= 0; --i)
        if (c.messages[(size_t)i].role == ChatRole::User) return i;
    return -1;
}

}  // namespace

void ChatInterface::build(ReplyFn reply, StreamReplyFn stream_reply) {
    add_layout();
    // The reply step: the conversation ends with the person's message and an
    // empty bubble, which fills as fn answers.
    // A streaming handler: each co_yield is on screen the next frame, a
    // character at a time when fn streams, and Stop ends it at its next yield.
    HandlerFn reply_step = erase_handler(
        [reply, stream_reply](const std::string& message, const Conversation& conversation) -> Stream<Conversation> {
            if (message.empty() || !awaiting_reply(conversation)) return unchanged(conversation);
            return reply_into(conversation, message, reply, stream_reply);
        });
    wire_sending(std::move(reply_step));
    wire_editing();
    if (options_.flagging_mode == FlaggingMode::Manual) wire_flagging();
}

void ChatInterface::add_layout() {
    if (!options_.title.empty()) add(Markdown("# " + options_.title));
    if (!options_.description.empty()) add(Markdown(options_.description));
    chatbot_ = add(Chatbot(options_.chatbot_label).height(options_.chatbot_height));
    row([&] {
        textbox_ = add(Textbox(options_.textbox_label).placeholder(options_.placeholder).show_label(false).scale(6));
        // Stop takes Send's place while a reply runs (as Gradio's ChatInterface does).
        send_ = add(Button("Send").primary().scale(1).min_width(5));
        stop_ = add(Button("Stop").stop().scale(1).min_width(5).visible(false));
    });
    row([&] {
        retry_ = add(Button("Retry").size(ButtonSize::Small));
        undo_ = add(Button("Undo").size(ButtonSize::Small));
        clear_ = add(Button("Clear").size(ButtonSize::Small));
        if (options_.flagging_mode == FlaggingMode::Manual) flag_ = add(Button("Flag").size(ButtonSize::Small));
    });
    if (!options_.examples.empty()) {
        add(Markdown("**Examples**"));
        row([&] {
            for (const std::string& example : options_.examples)
                example_buttons_.push_back(add(Button(example).size(ButtonSize::Small).scale(0).min_width(
                    2.0f + 0.6f * (float)example.size())));  // wide enough for its text
        });
    }
    // The message being answered, between the step that shows it and the reply step.
    pending_ = add(Textbox("pending message").visible(false));
}

std::vector<HandleRef> ChatInterface::controls() const {
    std::vector<HandleRef> list = {{this, textbox_.id()}, {this, send_.id()}, {this, retry_.id()},
                                   {this, undo_.id()}, {this, clear_.id()}};
    for (const auto& button : example_buttons_) list.push_back({this, button.id()});
    return list;
}

// Sending: the message shows at once with an empty reply bubble, the box
// empties and the controls wait; then the reply step; then the controls are
// back, whatever happened to the reply.
void ChatInterface::wire_sending(HandlerFn reply_step) {
    std::vector<ComponentId> locked;
    for (const HandleRef& ref : controls()) locked.push_back(ref.id);
    const size_t lock_count = locked.size();
    // Outputs: chatbot, pending, the controls (textbox first, Send second), Stop.
    auto show_message = [lock_count](Conversation conversation, const std::string& message, bool clear_box) {
        HandlerOutputs out;
        if (blank(message)) {
            out.push_back(std::nullopt);
            out.push_back(Update().value(std::string()));  // no reply step for nothing
            out.resize(3 + lock_count);
            return out;
        }
        conversation.user(message).assistant("");
        out.push_back(Update().value(std::move(conversation)));
        out.push_back(Update().value(message));
        Update box = Update().interactive(false);
        if (clear_box) box.value(std::string());
        out.push_back(box);
        out.push_back(Update().interactive(false).visible(false));  // Send gives way to Stop
        for (size_t i = 2; i < lock_count; ++i) out.push_back(Update().interactive(false));
        out.push_back(Update().visible(true));
        return out;
    };
    std::vector<ComponentId> shown = {chatbot_.id(), pending_.id()};
    shown.insert(shown.end(), locked.begin(), locked.end());
    shown.push_back(stop_.id());
    std::vector<ComponentId> restored = locked;
    restored.push_back(stop_.id());
    // Controls back (Send again in Stop's place), after a reply or a Stop.
    auto controls_back = [lock_count]() {
        HandlerOutputs out(lock_count, Update().interactive(true));
        out[1] = Update().interactive(true).visible(true);
        out.push_back(Update().visible(false));
        return out;
    };

    std::vector<int> answers;
    auto wire = [&](std::vector<Trigger> triggers, HandlerFn first, std::vector<ComponentId> inputs, std::string what) {
        const int step = register_listener(spec(std::move(triggers), std::move(first), std::move(inputs), shown, what));
        const int answer = register_listener(
            spec({}, reply_step, {pending_.id(), chatbot_.id()}, {chatbot_.id()}, "reply to the message", step));
        answers.push_back(answer);
        register_listener(spec({}, [controls_back](const Values&, Progress&) { return controls_back(); }, {},
                               restored, "controls back after a reply", answer));
    };
    wire({{textbox_.id(), Event::Submit}, {send_.id(), Event::Click}},
         [show_message](const Values& v, Progress&) {
             return show_message(std::get<Conversation>(v[1]), std::get<std::string>(v[0]), true);
         },
         {textbox_.id(), chatbot_.id()}, "sending a message");
    // Retry: the last message of the person is sent again, without the replies after it.
    wire({{retry_.id(), Event::Click}},
         [show_message](const Values& v, Progress&) {
             Conversation conversation = std::get<Conversation>(v[0]);
             const int last = last_user_message(conversation);
             if (last < 0) return show_message(conversation, "", false);
             const std::string message = conversation.messages[(size_t)last].content;
             conversation.messages.resize((size_t)last);
             return show_message(std::move(conversation), message, false);
         },
         {chatbot_.id()}, "click of 'Retry'");
    for (const auto& button : example_buttons_)
        wire({{button.id(), Event::Click}},
             [show_message](const Values& v, Progress&) {
                 return show_message(std::get<Conversation>(v[0]), std::get<std::string>(v[1]), true);
             },
             {chatbot_.id(), button.id()}, "click of an example");

    // Stop: the reply ends at its next yield and keeps what it wrote; nothing of it arrives
    // later (not its .then() either, so the controls come back here). An empty bubble goes.
    std::vector<ComponentId> stopped = {chatbot_.id()};
    stopped.insert(stopped.end(), restored.begin(), restored.end());
    ListenerSpec stop = spec({{stop_.id(), Event::Click}}, [controls_back](const Values& v, Progress&) {
        Conversation conversation = std::get<Conversation>(v[0]);
        if (awaiting_reply(conversation)) conversation.messages.pop_back();
        HandlerOutputs out{Update().value(std::move(conversation))};
        for (std::optional<Update>& update : controls_back()) out.push_back(std::move(update));
        return out;
    }, {chatbot_.id()}, stopped, "click of 'Stop'");
    stop.cancels = answers;
    register_listener(std::move(stop));
}

// Undo: the last exchange goes, and the person's message is back in the box
// to be edited. Clear: an empty conversation.
void ChatInterface::wire_editing() {
    register_listener(spec({{undo_.id(), Event::Click}}, [](const Values& v, Progress&) {
        Conversation conversation = std::get<Conversation>(v[0]);
        const int last = last_user_message(conversation);
        if (last < 0) return HandlerOutputs{std::nullopt, std::nullopt};
        std::string message = conversation.messages[(size_t)last].content;
        conversation.messages.resize((size_t)last);
        return HandlerOutputs{Update().value(std::move(conversation)), Update().value(std::move(message))};
    }, {chatbot_.id()}, {chatbot_.id(), textbox_.id()}, "click of 'Undo'"));
    register_listener(spec({{clear_.id(), Event::Click}}, [](const Values&, Progress&) {
        return HandlerOutputs{Update().value(Conversation{}), Update().value(std::string())};
    }, {}, {chatbot_.id(), pending_.id()}, "click of 'Clear'"));
}

namespace {

// The Flagged panel's choices: the rows that hold a conversation, "#N: Chatbot/0.json, <time>".
StringList flagged_conversations(FileLogger& logger) {
    const FlaggedRows flagged = read_flagged_rows(logger);
    StringList choices;
    for (size_t i = 0; i < flagged.rows.size(); ++i) {
        const auto& row = flagged.rows[i];
        if (row.empty() || row[0].empty()) continue;  // a like/dislike row
        choices.push_back(row_choice(i + 1, row[0] + (row.size() > 1 ? ", " + row.back() : "")));
    }
    return choices;
}

}  // namespace

// One CSV for both kinds of flag: Chatbot (the conversation's file), message,
// reply, value. A Flag click fills Chatbot; a like or dislike fills the other three.
void ChatInterface::wire_flagging() {
    logger_ = std::make_shared<CSVLogger>();
    logger_->follow_flagging_dir(BlocksAccess::flagging_dir_override(*this));
    logger_->setup({{options_.chatbot_label, ComponentKind::Chatbot},
                    {"message", ComponentKind::Textbox},
                    {"reply", ComponentKind::Textbox},
                    {"value", ComponentKind::Textbox}},
                   options_.flagging_dir);
    std::shared_ptr<CSVLogger> logger = logger_;
    accordion("Flagged", [&] {
        flagged_choice_ = add(Dropdown("Flagged conversation", {}));
        load_flagged_ = add(Button("Load conversation"));
    }, false);
    auto refresh = [logger]() { return Update().choices(flagged_conversations(*logger)); };

    const int flag = register_listener(spec({{flag_.id(), Event::Click}}, [logger](const Values& v, Progress&) {
        const Conversation& conversation = std::get<Conversation>(v[0]);
        if (conversation.empty()) throw Error("nothing to flag yet: the conversation is empty");
        const int rows = logger->flag({conversation, std::string(), std::string(), std::string()});
        return HandlerOutputs{Update().value("Saved (" + std::to_string(rows) + ")").for_seconds(2)};
    }, {chatbot_.id()}, {flag_.id()}, "click of 'Flag'"));
    register_listener(spec({}, [refresh](const Values&, Progress&) { return HandlerOutputs{refresh()}; }, {},
                           {flagged_choice_.id()}, "Flagged panel", flag));

    // Each like or dislike is a row: the person's message, the reply, and the verdict.
    chatbot_.like([logger](const LikeData& like, const Conversation& conversation) {
        std::string message;
        for (int i = like.index - 1; i >= 0 && message.empty(); --i)
            if (conversation.messages[(size_t)i].role == ChatRole::User) message = conversation.messages[(size_t)i].content;
        logger->flag({Conversation{}, message, like.value, std::string(like.liked ? "like" : "dislike")});
        info(std::string(like.liked ? "Like" : "Dislike") + " saved");
    });

    register_listener(spec({{load_flagged_.id(), Event::Click}}, [logger](const Values& v, Progress&) {
        const std::optional<size_t> number = row_choice_number(std::get<std::string>(v[0]));
        if (!number) throw Error("choose a flagged conversation first");
        const size_t index = *number - 1;
        const FlaggedRows flagged = read_flagged_rows(*logger);
        if (index >= flagged.rows.size() || flagged.rows[index].empty())
            throw Error("that flagged conversation is no longer in the log file");
        return HandlerOutputs{Update().value(
            value_from_cell(ComponentKind::Chatbot, ChatbotProps{}, flagged.rows[index][0], flagged.dir))};
    }, {flagged_choice_.id()}, {chatbot_.id()}, "click of 'Load conversation'"));
}

void ChatInterface::on_launch() {
    if (!logger_) return;
    try {
        engine().apply_update(flagged_choice_.id(), Update().choices(flagged_conversations(*logger_)));
    } catch (const std::exception& e) {
        engine().post(MessageLevel::Error, e.what());
    }
}

}  // namespace imgr
