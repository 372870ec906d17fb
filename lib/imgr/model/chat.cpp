#include "imgr/model/chat.h"

#include <stdexcept>

namespace imgr {

const char* role_name(ChatRole role) { return role == ChatRole::User ? "user" : "assistant"; }

LikeData like_data(const Conversation& conversation) {
    const int index = conversation.last_feedback;
    if (index < 0 || index >= (int)conversation.messages.size()) return {};
    const ChatMessage& message = conversation.messages[(size_t)index];
    return {index, message.content, message.liked.value_or(true)};
}

nlohmann::json conversation_to_json(const Conversation& conversation) {
    nlohmann::json list = nlohmann::json::array();
    for (const ChatMessage& message : conversation.messages)
        list.push_back({{"role", role_name(message.role)}, {"content", message.content}});
    return list;
}

std::string conversation_file_text(const Conversation& conversation) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ChatMessage& message : conversation.messages) {
        nlohmann::ordered_json item;
        item["role"] = role_name(message.role);
        item["content"] = message.content;
        list.push_back(std::move(item));
    }
    return list.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Conversation conversation_from_json(const nlohmann::json& json) {
    if (!json.is_array()) throw std::invalid_argument("a conversation is a JSON array of messages");
    Conversation conversation;
    for (size_t i = 0; i < json.size(); ++i) {
        const nlohmann::json& item = json[i];
        const std::string where = "message " + std::to_string(i + 1);
        if (!item.is_object() || !item.contains("role") || !item.contains("content"))
            throw std::invalid_argument(where + " is not {\"role\": ..., \"content\": ...}");
        const nlohmann::json& role = item["role"];
        const nlohmann::json& content = item["content"];
        if (!role.is_string() || (role != "user" && role != "assistant"))
            throw std::invalid_argument(where + ": role must be \"user\" or \"assistant\", got " + role.dump());
        if (!content.is_string()) throw std::invalid_argument(where + ": content must be a string");
        conversation.messages.push_back(
            {role == "user" ? ChatRole::User : ChatRole::Assistant, content.get<std::string>(), {}});
    }
    return conversation;
}

}  // namespace imgr
