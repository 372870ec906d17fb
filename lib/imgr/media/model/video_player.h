// VideoPlayer: plays one video file (or a camera) on its own worker thread.
// The worker decodes, converts each frame to RGBA there (swscale), and
// publishes it to the component's MediaChannel at the video's pace; the UI
// thread only uploads the newest published frame. When decoding falls behind
// by more than a frame, frames are decoded and not converted (dropped) so the
// picture keeps to the clock instead of lagging. Commands (open, play, pause,
// seek, step) return at once; the worker carries them out in order.
#pragma once
#include "imgr/model/media_channel.h"
#include "imgr/model/video_value.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace imgr {

class VideoPlayer {
public:
    explicit VideoPlayer(std::shared_ptr<MediaChannel> channel);
    ~VideoPlayer();  // stops the worker (it never waits on the UI thread, so this is prompt)
    VideoPlayer(const VideoPlayer&) = delete;
    VideoPlayer& operator=(const VideoPlayer&) = delete;

    void open_file(const std::string& path);   // shows the first frame, paused
    void open_camera(const std::string& device);  // plays live until closed
    void close();                              // shows nothing
    void play();
    void pause();
    void seek(double seconds);                 // shows the frame at that time (playing or not)
    void step(int frames);                     // pauses; +1 the next frame, -1 the one before
    void set_loop(bool loop);

    struct Status {
        VideoValue info;              // of the open video (empty when none)
        bool open = false, playing = false, live = false, at_end = false;
        double position = 0;          // seconds: the time of the frame shown
        std::string error;            // the last failure (a file that cannot be opened or decoded)
        uint64_t frames_shown = 0, frames_dropped = 0;  // since the last open
    };
    Status status() const;

private:
    enum class Op { OpenFile, OpenCamera, Close, Play, Pause, Seek, Step };
    struct Command {
        Op op;
        std::string path;
        double number = 0;
    };
    void post(Command command, bool counts_as_work = true);
    void run();
    void execute(const Command& command);
    bool show_next(bool paced);      // decodes and publishes the next frame; false at the end or on error
    void show_at(double seconds);    // seeks and publishes the frame there

    struct State;
    std::unique_ptr<State> state_;
    std::shared_ptr<MediaChannel> channel_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Command> commands_;
    Status status_;
    bool loop_ = false, quit_ = false;
    std::thread worker_;
};

}  // namespace imgr
