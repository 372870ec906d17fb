#include "imgr/serve/latency_trace.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace imgr::serve {

LatencyTrace::LatencyTrace() {
    const char* value = std::getenv("IMGR_SERVE_TRACE");
    on_ = value && std::strcmp(value, "1") == 0;
}

int64_t LatencyTrace::now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void LatencyTrace::input_arrived() {
    if (!on_) return;
    int idle = Idle;
    if (!stage_.compare_exchange_strong(idle, Arriving)) return;  // a click is being traced
    arrived_ = now_ns();
    stage_ = Arrived;  // only now may the UI thread take it
}

void LatencyTrace::frame_started() {
    int arrived = Arrived;
    if (on_ && stage_.load() == Arrived) {
        started_ = now_ns();
        stage_.compare_exchange_strong(arrived, Started);
    }
}

void LatencyTrace::frame_drawn() {
    int started = Started;
    if (on_ && stage_.load() == Started) {
        drawn_ = now_ns();
        stage_.compare_exchange_strong(started, Drawn);
    }
}

// A frame that changed nothing (the press showed nothing yet): the next one is waited for.
void LatencyTrace::frame_marked(bool changed) {
    if (!on_ || stage_.load() != Drawn) return;
    if (!changed) {
        stage_ = Started;  // the drawing of the following frames counts as drawing
        return;
    }
    marked_ = now_ns();
    stage_ = Marked;
}

std::string LatencyTrace::update_sent() {
    int marked = Marked;
    if (!on_ || stage_.load() != Marked) return {};
    const int64_t sent = now_ns();
    if (!stage_.compare_exchange_strong(marked, Idle)) return {};  // another viewer's thread printed it
    auto ms = [](int64_t from, int64_t to) { return (double)(to - from) / 1e6; };
    char line[200];
    std::snprintf(line, sizeof line,
                  "imgr: serve trace: wait for frame %.1f ms, draw %.1f ms, read back and compare %.1f ms, "
                  "encode and send %.1f ms\n",
                  ms(arrived_, started_), ms(started_, drawn_), ms(drawn_, marked_), ms(marked_, sent));
    std::fputs(line, stderr);
    return line;
}

}  // namespace imgr::serve
