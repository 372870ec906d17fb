#include "imgr/engine/messages.h"

#include <cstdio>
#include <mutex>

namespace imgr {
namespace {
std::mutex g_sink_mutex;
MessageSink g_sink;  // guarded by g_sink_mutex: handlers post from worker threads
}  // namespace

void set_message_sink(MessageSink sink) {
    std::lock_guard lock(g_sink_mutex);
    g_sink = std::move(sink);
}

void post_message(MessageLevel level, const std::string& text) {
    Message message{level, text, std::chrono::steady_clock::now()};
    if (level == MessageLevel::Error) std::fprintf(stderr, "imgr: error: %s\n", text.c_str());
    std::lock_guard lock(g_sink_mutex);
    if (g_sink)
        g_sink(std::move(message));
    else if (level != MessageLevel::Error)
        std::fprintf(stderr, "imgr: %s: %s\n", level == MessageLevel::Warning ? "warning" : "info", text.c_str());
}

void warning(const std::string& text) { post_message(MessageLevel::Warning, text); }
void info(const std::string& text) { post_message(MessageLevel::Info, text); }

}  // namespace imgr
