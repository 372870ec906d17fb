// Recorder: `--record PATH`. Every frame handed to it becomes a video frame:
//
//   a folder       frame_000000.png, frame_000001.png, ... (the folder is made
//                  when missing; older frame_NNNNNN.png files in it are removed,
//                  so the folder holds exactly this recording)
//   *.mp4          raw RGB frames piped to Debian's ffmpeg (H.264 in yuv420p)
//   *.gif          PNG frames in a temporary folder beside the file, then two
//                  ffmpeg passes over them at finish(): a palette made from all
//                  frames, then the frames mapped to it one at a time (a GIF's
//                  palette needs every frame first: piped, ffmpeg held them all,
//                  780 MB for 266 frames of 1000x640). The folder is removed.
//                  Without ffmpeg, create() says so before any window opens; an
//                  encoder failure is an error, never a silently empty file.
//                  A video has the first frame's size: later frames of another
//                  size (a resized window) are cropped or padded with black.
//
// Reading frames must not stall the UI: capture_gl() starts an asynchronous
// read into one of three pixel buffer objects and collects the one started two
// frames earlier; PNG encoding and the pipe to ffmpeg run on writer threads fed
// by a bounded queue (a full queue makes the UI wait rather than use unbounded memory).
//
// The frame rate only labels the video; the caller draws with a fixed time
// step of 1/fps (RunnerParams::fixed_time_step) so that frames are reproducible.
#pragma once
#include "imgr/model/io_result.h"
#include "imgr/platform/capture.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace imgr {

class Recorder;
// What Recorder::create gives: the recorder, or (null) why it cannot record there.
struct [[nodiscard]] RecorderOpened : IoResult {
    std::unique_ptr<Recorder> recorder;
};

class Recorder {
public:
    // Checks and prepares the destination.
    static RecorderOpened create(const std::string& path, int fps);
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // After a frame is rendered, with its framebuffer bound for reading (the runner's after_render).
    void capture_gl(int width, int height);
    // Collects the frames still in flight on the GPU and frees the buffers; the GL context must be current.
    void flush_gl();
    // A frame already in memory (tests, or a caller that reads pixels itself); recorded as RGB8.
    void add(const ImageBuffer& image);
    // Waits until every frame is written and the encoder has finished; a failure says why.
    IoResult finish();

    IoResult status() const;                  // the first failure so far (ok while all is well)
    int frames() const { return next_index_; }
    const std::filesystem::path& path() const { return path_; }
    bool encodes_video() const { return kind_ != Kind::Folder; }

private:
    enum class Kind { Folder, Mp4, Gif };
    struct Frame {
        int index = 0;
        int width = 0, height = 0;
        bool bottom_up = false;               // OpenGL's row order
        std::vector<uint8_t> pixels;          // RGB
    };
    struct Slot {                             // one pixel buffer object
        unsigned buffer = 0;
        int width = 0, height = 0;
        int index = -1;
        bool pending = false;
    };

    Recorder(Kind kind, std::filesystem::path path, int fps, std::string ffmpeg);
    void enqueue(Frame frame);
    void collect(Slot& slot);
    void work();
    void write_png(Frame& frame);
    void write_video(Frame& frame);
    IoResult start_ffmpeg(int width, int height);
    IoResult stop_ffmpeg();
    IoResult encode_gif();
    IoResult run_ffmpeg(std::vector<std::string> args);
    void set_error(std::string message);

    Kind kind_;
    std::filesystem::path path_;
    int fps_;
    std::string ffmpeg_;                      // the ffmpeg executable found on PATH
    std::filesystem::path frames_dir_;        // where PNG frames go: the folder, or a GIF's temporary one
    int first_width_ = 0, first_height_ = 0;  // a GIF's size (set by enqueue from the first frame)

    std::array<Slot, 3> slots_{};
    size_t next_slot_ = 0;
    int next_index_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<Frame> queue_;
    size_t capacity_ = 4;
    bool closing_ = false;
    std::vector<std::thread> workers_;
    std::string error_;
    std::atomic<bool> failed_{false};
    bool finished_ = false;
    IoResult finish_result_;

    // The encoder (written by the single video writer thread, then by finish()).
    int ffmpeg_pid_ = -1;
    int ffmpeg_fd_ = -1;
    int video_width_ = 0, video_height_ = 0;
};

}  // namespace imgr
