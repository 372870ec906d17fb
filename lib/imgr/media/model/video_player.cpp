#include "imgr/media/model/video_player.h"

#include "imgr/media/model/video_file.h"

#include <chrono>

namespace imgr {

using Clock = std::chrono::steady_clock;

// Worker-only state: the decoder and the clock that paces playback.
struct VideoPlayer::State {
    std::unique_ptr<VideoDecoder> decoder = std::make_unique<VideoDecoder>();
    Clock::time_point play_started;   // wall time of play_origin
    double play_origin = 0;           // video time shown when playback (re)started
    double position = 0;
};

VideoPlayer::VideoPlayer(std::shared_ptr<MediaChannel> channel)
    : state_(std::make_unique<State>()), channel_(std::move(channel)) {
    worker_ = std::thread([this] { run(); });
}

VideoPlayer::~VideoPlayer() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        // Work still queued is not done: give back its pending count so `wait idle` does not wait for it.
        for (const Command& c : commands_)
            if (c.op != Op::Play && c.op != Op::Pause) channel_->end_work();
        commands_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void VideoPlayer::post(Command command, bool counts_as_work) {
    if (counts_as_work) channel_->begin_work();
    {
        std::lock_guard lock(mutex_);
        if (command.op == Op::Play) status_.playing = true;  // so status() says so at once
        if (command.op == Op::Pause || command.op == Op::Step) status_.playing = false;
        commands_.push_back(std::move(command));
    }
    wake_.notify_all();
}

void VideoPlayer::open_file(const std::string& path) { post({Op::OpenFile, path}); }
void VideoPlayer::open_camera(const std::string& device) { post({Op::OpenCamera, device}); }
void VideoPlayer::close() { post({Op::Close}); }
void VideoPlayer::play() { post({Op::Play}, false); }
void VideoPlayer::pause() { post({Op::Pause}, false); }
void VideoPlayer::seek(double seconds) { post({Op::Seek, "", seconds}); }
void VideoPlayer::step(int frames) { post({Op::Step, "", (double)frames}); }
void VideoPlayer::set_loop(bool loop) {
    std::lock_guard lock(mutex_);
    loop_ = loop;
}

VideoPlayer::Status VideoPlayer::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void VideoPlayer::run() {
    for (;;) {
        Command command{Op::Pause};
        bool have_command = false, playing = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || !commands_.empty() || (status_.playing && status_.open); });
            if (quit_) return;
            if (!commands_.empty()) {
                command = std::move(commands_.front());
                commands_.pop_front();
                have_command = true;
            }
            playing = status_.playing && status_.open;
        }
        if (have_command) {
            execute(command);
            if (command.op != Op::Play && command.op != Op::Pause) channel_->end_work();
            continue;
        }
        if (playing && !show_next(true)) {
            std::lock_guard lock(mutex_);
            if (loop_ && !status_.live && status_.error.empty()) {
                commands_.push_front({Op::Seek, "", 0});
                commands_.push_back({Op::Play});
                channel_->begin_work();
            } else {
                status_.playing = false;
                status_.at_end = true;
            }
        }
    }
}

void VideoPlayer::execute(const Command& command) {
    State& s = *state_;
    switch (command.op) {
        case Op::OpenFile:
        case Op::OpenCamera: {
            const bool camera = command.op == Op::OpenCamera;
            IoResult opened = camera ? s.decoder->open_camera(command.path) : s.decoder->open(command.path);
            {
                std::lock_guard lock(mutex_);
                status_ = Status{};
                status_.live = camera;
                status_.error = opened.error;
                status_.open = (bool)opened;
                status_.info = opened ? s.decoder->info() : VideoValue{};
                status_.playing = camera && opened;
            }
            channel_->clear();
            s.position = 0;
            if (opened) show_next(false);
            s.play_origin = s.position;
            s.play_started = Clock::now();
            break;
        }
        case Op::Close: {
            s.decoder = std::make_unique<VideoDecoder>();
            channel_->clear();
            std::lock_guard lock(mutex_);
            status_ = Status{};
            break;
        }
        case Op::Play: {
            std::lock_guard lock(mutex_);
            if (status_.at_end && !status_.live) {  // play at the end starts again, as players do
                commands_.push_front({Op::Play});
                commands_.push_front({Op::Seek, "", 0});
                channel_->begin_work();
                status_.at_end = false;
                break;
            }
            // Also after an open that came just before (open resets the status): play means play.
            status_.playing = status_.open;
            s.play_origin = s.position;
            s.play_started = Clock::now();
            break;
        }
        case Op::Pause: break;
        case Op::Seek: show_at(command.number); break;
        case Op::Step: {
            if (command.number >= 0) {
                show_next(false);
            } else {
                const double fps = status().info.fps > 0 ? status().info.fps : 25;
                show_at(s.position - 1.0 / fps);
            }
            break;
        }
    }
}

bool VideoPlayer::show_next(bool paced) {
    State& s = *state_;
    if (!s.decoder->is_open()) return false;
    const double fps = s.decoder->info().fps > 0 ? s.decoder->info().fps : 25;
    for (;;) {
        // A frame more than one frame late is decoded (later frames need it) but not converted: dropped.
        // Its time is known after decoding, so lateness is judged by the time it should have (one frame on).
        bool convert = true;
        Clock::time_point due{};
        if (paced && !status().live) {
            const double expected = s.position + 1.0 / fps;
            due = s.play_started + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(expected - s.play_origin));
            convert = Clock::now() - due <= std::chrono::duration<double>(1.0 / fps);
        }
        DecodedFrame frame;
        if (FrameRead read = s.decoder->read(frame, convert); !read.got_frame) {
            std::lock_guard lock(mutex_);
            if (!read) status_.error = read.error;
            return false;
        }
        if (!convert) {
            std::lock_guard lock(mutex_);
            ++status_.frames_dropped;
            s.position = frame.time;
            continue;
        }
        if (paced && !status().live) {
            std::unique_lock lock(mutex_);
            // Waits for the frame's time; a command (pause, seek) cuts the wait short and the frame is shown at once.
            wake_.wait_until(lock, due, [&] { return quit_ || !commands_.empty(); });
        }
        s.position = frame.time;
        channel_->publish(std::move(frame.image), frame.time);
        std::lock_guard lock(mutex_);
        status_.position = frame.time;
        status_.at_end = false;
        ++status_.frames_shown;
        return true;
    }
}

void VideoPlayer::show_at(double seconds) {
    State& s = *state_;
    if (!s.decoder->is_open() || status().live) return;
    const VideoValue info = s.decoder->info();
    if (info.duration > 0 && seconds > info.duration) seconds = info.duration;
    if (IoResult sought = s.decoder->seek(seconds); !sought) {
        std::lock_guard lock(mutex_);
        status_.error = sought.error;
        return;
    }
    // Past the last frame (a seek to the very end): the last frame is shown.
    if (!show_next(false) && info.fps > 0 && seconds > 0) {
        (void)s.decoder->seek(std::max(0.0, seconds - 1.0 / info.fps));
        show_next(false);
    }
    s.play_origin = s.position;
    s.play_started = Clock::now();
}

}  // namespace imgr
