// Where the time between a viewer's click and the update showing it goes, for
// bench_serve (issue 22's "input to pixels, print the parts"). Off unless
// IMGR_SERVE_TRACE=1; then each traced click prints one line on stderr:
//   imgr: serve trace: wait for frame A ms, draw B ms, read back and compare C ms, encode and send D ms
// One click at a time: a press arriving while one is traced is not traced.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace imgr::serve {

class LatencyTrace {
public:
    LatencyTrace();                          // on when IMGR_SERVE_TRACE=1
    explicit LatencyTrace(bool on) : on_(on) {}
    bool on() const { return on_; }
    void input_arrived();    // a viewer's thread: a button went down
    void frame_started();    // UI thread: the frame that applies the input begins
    void frame_drawn();      // UI thread: drawn, before the read-back
    void frame_marked(bool changed);  // UI thread: compared, the changed tiles marked for sending
    // A viewer's thread: libvncserver sent an update. Returns the line it printed, if it ended a trace.
    std::string update_sent();

private:
    enum Stage : int { Idle, Arriving, Arrived, Started, Drawn, Marked };
    static int64_t now_ns();
    bool on_ = false;
    std::atomic<int> stage_{Idle};
    std::atomic<int64_t> arrived_{0}, started_{0}, drawn_{0}, marked_{0};
};

}  // namespace imgr::serve
