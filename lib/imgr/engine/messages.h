// Messages from handlers to the person using the demo: thrown imgr::Error,
// imgr::warning() and imgr::info(). They are shown as toasts in the window of
// the app whose handler posted them; errors also go to stderr.
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

// Shows a warning or an information toast; called from a handler. Outside
// one (in main(), or on a thread the handler started) it goes to stderr.
void warning(const std::string& text);
void info(const std::string& text);

// Where the current thread's messages go. An engine sets one around each
// handler run, so a message reaches the window of the app whose handler
// posted it, whatever other apps the process runs. It is per-thread context
// for one run, not process-wide state: scopes nest, and the previous sink
// comes back when a scope ends. Without one, messages are printed to stderr.
using MessageSink = std::function<void(Message)>;
class MessageScope {
public:
    explicit MessageScope(MessageSink sink);
    ~MessageScope();
    MessageScope(const MessageScope&) = delete;
    MessageScope& operator=(const MessageScope&) = delete;

private:
    MessageSink sink_;
    const MessageSink* previous_;
};

void post_message(MessageLevel level, const std::string& text);

}  // namespace imgr
