#include "imgr/engine/messages.h"

#include <cstdio>

namespace imgr {
namespace {
// The sink of the run this thread is working on, if any (see MessageScope).
thread_local const MessageSink* t_sink = nullptr;
}  // namespace

MessageScope::MessageScope(MessageSink sink) : sink_(std::move(sink)), previous_(t_sink) { t_sink = &sink_; }

MessageScope::~MessageScope() { t_sink = previous_; }

void post_message(MessageLevel level, const std::string& text) {
    Message message{level, text, std::chrono::steady_clock::now()};
    if (level == MessageLevel::Error) std::fprintf(stderr, "imgr: error: %s\n", text.c_str());
    if (t_sink && *t_sink)
        (*t_sink)(std::move(message));
    else if (level != MessageLevel::Error)
        std::fprintf(stderr, "imgr: %s: %s\n", level == MessageLevel::Warning ? "warning" : "info", text.c_str());
}

void warning(const std::string& text) { post_message(MessageLevel::Warning, text); }
void info(const std::string& text) { post_message(MessageLevel::Info, text); }

}  // namespace imgr
