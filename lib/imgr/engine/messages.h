// Messages from handlers to the person using the demo: thrown imgr::Error,
// imgr::warning() and imgr::info(). They are shown as toasts in the window;
// errors also go to stderr.
#pragma once
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>

namespace imgr {

// Thrown by a handler to show a message on purpose; the run counts as failed
// (its .success() steps do not run), and the app goes on.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

enum class MessageLevel { Info, Warning, Error };

struct Message {
    MessageLevel level = MessageLevel::Info;
    std::string text;
    std::chrono::steady_clock::time_point time;
};

// Shows a warning or an information toast; called from a handler (or anywhere).
void warning(const std::string& text);
void info(const std::string& text);

// Where messages go: the engine installs a sink while a Blocks is running.
// Without one, messages are printed to stderr.
using MessageSink = std::function<void(Message)>;
void set_message_sink(MessageSink sink);
void post_message(MessageLevel level, const std::string& text);

}  // namespace imgr
