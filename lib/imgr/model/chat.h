// The value of a Chatbot: a conversation of user and assistant messages, as
// Gradio's Chatbot(type="messages"). Content is Markdown. Flagged as
// `<label>/N.json`: [{"role":"user","content":..},{"role":"assistant","content":..}].
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imgr {

enum class ChatRole { User, Assistant };
const char* role_name(ChatRole role);  // "user", "assistant"

struct ChatMessage {
    ChatRole role = ChatRole::User;
    std::string content;                 // Markdown
    std::optional<bool> liked;           // a person's like (true) or dislike (false); not flagged
    bool operator==(const ChatMessage&) const = default;
};

struct Conversation {
    std::vector<ChatMessage> messages;
    // The message whose like/dislike was changed last (-1: none): what the
    // like event reports, carried in the value so that the event's snapshot holds it.
    int last_feedback = -1;

    Conversation() = default;
    Conversation(std::vector<ChatMessage> list) : messages(std::move(list)) {}  // NOLINT: {{User, "hi"}, ...}
    bool operator==(const Conversation&) const = default;

    bool empty() const { return messages.empty(); }
    size_t size() const { return messages.size(); }
    Conversation& user(std::string text) { messages.push_back({ChatRole::User, std::move(text), {}}); return *this; }
    Conversation& assistant(std::string text) { messages.push_back({ChatRole::Assistant, std::move(text), {}}); return *this; }
};

// What a `like` event hands its handler, as Gradio's gr.LikeData.
struct LikeData {
    int index = -1;        // the message's position in the conversation
    std::string value;     // its content
    bool liked = true;     // false: disliked
    bool operator==(const LikeData&) const = default;
};
// The like/dislike the conversation's last_feedback names; index -1 when none.
LikeData like_data(const Conversation& conversation);

// The flagged form: [{"role":"user","content":"..."}, ...] (likes are not part of it).
nlohmann::json conversation_to_json(const Conversation& conversation);
// The flagged file's text: that form, compact, keys in the order above.
std::string conversation_file_text(const Conversation& conversation);
// Back from that form; throws std::invalid_argument saying what is wrong.
Conversation conversation_from_json(const nlohmann::json& json);

}  // namespace imgr
