#include "imgr/driver/recorder.h"

#include <glad/gl.h>

#include "imgr/model/file_write.h"
#include "imgr/model/image_io.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <regex>

extern char** environ;

namespace imgr {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = (char)std::tolower((unsigned char)c);
    return s;
}

// The program as `command -v` would find it: the first executable file of that name on PATH.
std::string find_on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        const std::string candidate = dir + "/" + program;
        struct stat info {};
        if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(candidate.c_str(), X_OK) == 0)
            return candidate;
        start = end + 1;
    }
    return "";
}

std::string frame_name(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", index);
    return name;
}

// The frame cropped or padded (black) to width x height, top row first.
std::vector<uint8_t> fitted(const std::vector<uint8_t>& pixels, int from_width, int from_height, int width, int height) {
    const size_t row = (size_t)width * 3;
    std::vector<uint8_t> out(row * (size_t)height, 0);
    const size_t copy = (size_t)std::min(from_width, width) * 3;
    for (int y = 0; y < std::min(from_height, height); ++y)
        std::memcpy(&out[(size_t)y * row], &pixels[(size_t)y * from_width * 3], copy);
    return out;
}

// Starts args[0] with args, stdin from stdin_fd; 0 or the errno of the failure.
int spawn(std::vector<std::string>& args, int stdin_fd, pid_t& pid) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);  // dup2 clears close-on-exec for the child's stdin
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int spawned = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return spawned;
}

// Waits for the child: "" when it exited with 0, else how it ended ("exit status 1", "signal 9").
std::string wait_for(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
    return WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                             : "signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

RecorderOpened Recorder::create(const std::string& path_text, int fps) {
    const fs::path path(path_text);
    const std::string extension = lower(path.extension().string());
    std::error_code ec;
    Kind kind = Kind::Folder;
    if (extension == ".mp4") kind = Kind::Mp4;
    if (extension == ".gif") kind = Kind::Gif;
    if (kind == Kind::Folder) {
        static const char* kVideoLike[] = {".webm", ".mkv", ".mov", ".avi", ".png", ".jpg", ".jpeg", ".apng"};
        if (!fs::is_directory(path, ec) &&
            std::find(std::begin(kVideoLike), std::end(kVideoLike), extension) != std::end(kVideoLike)) {
            return {IoResult::failure("cannot record to '" + path_text + "': --record takes a folder (for PNG frames) or a file " +
                    "ending in .mp4 or .gif")};
        }
        if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
            return {IoResult::failure("cannot record to '" + path_text + "': it is a file, not a folder")};
        }
        fs::create_directories(path, ec);
        if (ec) {
            return {IoResult::failure("cannot record to '" + path_text + "': cannot make the folder: " + ec.message())};
        }
        // Frames of an earlier recording would mix with this one's.
        static const std::regex kFrame(R"(frame_\d{6}\.png)");
        for (const fs::directory_entry& entry : fs::directory_iterator(path, ec))
            if (entry.is_regular_file(ec) && std::regex_match(entry.path().filename().string(), kFrame))
                fs::remove(entry.path(), ec);
        return {IoResult::success(), std::unique_ptr<Recorder>(new Recorder(kind, path, fps, ""))};
    }

    std::string ffmpeg = find_on_path("ffmpeg");
    if (ffmpeg.empty()) {
        return {IoResult::failure("cannot record to '" + path_text + "': encoding " + extension.substr(1) +
                " needs ffmpeg, which is not installed (not found on PATH). Install it (Debian: sudo apt-get " +
                "install ffmpeg), or record PNG frames into a folder: --record frames/")};
    }
    if (path.has_parent_path()) {
        fs::create_directories(path.parent_path(), ec);
        if (!fs::is_directory(path.parent_path(), ec)) {
            return {IoResult::failure("cannot record to '" + path_text + "': cannot make the folder '" + path.parent_path().string() + "'")};
        }
    }
    if (fs::is_directory(path, ec)) {
        return {IoResult::failure("cannot record to '" + path_text + "': it is a folder")};
    }
    auto recorder = std::unique_ptr<Recorder>(new Recorder(kind, path, fps, std::move(ffmpeg)));
    if (kind == Kind::Gif) {
        // Beside the GIF, not in /tmp (often memory itself); hidden, and unique per process.
        recorder->frames_dir_ = path.parent_path() / ("." + path.filename().string() + ".frames-" +
                                                      std::to_string(getpid()));
        fs::remove_all(recorder->frames_dir_, ec);
        if (!fs::create_directory(recorder->frames_dir_, ec)) {
            const std::string why = "cannot record to '" + path_text + "': cannot make the folder for its frames '" +
                                    recorder->frames_dir_.string() + "': " + ec.message();
            recorder->frames_dir_.clear();
            return {IoResult::failure(why)};
        }
    }
    return {IoResult::success(), std::move(recorder)};
}

Recorder::Recorder(Kind kind, fs::path path, int fps, std::string ffmpeg)
    : kind_(kind), path_(std::move(path)), fps_(fps), ffmpeg_(std::move(ffmpeg)) {
    if (kind_ == Kind::Folder) frames_dir_ = path_;
    // PNG encoding is the slow part: a writer per core (the UI mostly waits on
    // the queue while a script records); an MP4 needs its frames in order: one.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t writers = kind_ != Kind::Mp4 ? std::clamp<size_t>(cores, 1, 8) : 1;
    capacity_ = writers * 2 + 2;
    for (size_t i = 0; i < writers; ++i) workers_.emplace_back([this] { work(); });
}

// A recorder dropped without finish() still stops its threads and ffmpeg; nobody is left to hear how it went.
Recorder::~Recorder() { (void)finish(); }

void Recorder::set_error(std::string message) {
    std::lock_guard lock(mutex_);
    if (error_.empty()) error_ = std::move(message);
    failed_ = true;
    not_full_.notify_all();
}

IoResult Recorder::status() const {
    std::lock_guard lock(mutex_);
    return error_.empty() ? IoResult::success() : IoResult::failure(error_);
}

// --- frames in --------------------------------------------------------------------

void Recorder::capture_gl(int width, int height) {
    if (failed_ || finished_ || width <= 0 || height <= 0) return;
    Slot& slot = slots_[next_slot_];
    if (slot.pending) collect(slot);  // started two frames ago: long done on the GPU
    if (!slot.buffer) glGenBuffers(1, &slot.buffer);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.buffer);
    if (slot.width != width || slot.height != height) {
        glBufferData(GL_PIXEL_PACK_BUFFER, (GLsizeiptr)width * height * 3, nullptr, GL_STREAM_READ);
        slot.width = width;
        slot.height = height;
    }
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // rows of 3-byte pixels are not 4-aligned
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, nullptr);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    slot.pending = true;
    slot.index = next_index_++;
    next_slot_ = (next_slot_ + 1) % slots_.size();
}

void Recorder::collect(Slot& slot) {
    slot.pending = false;
    const size_t bytes = (size_t)slot.width * slot.height * 3;
    glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.buffer);
    const void* data = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, (GLsizeiptr)bytes, GL_MAP_READ_BIT);
    if (!data) {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        set_error("cannot read frame " + std::to_string(slot.index) + " back from OpenGL");
        return;
    }
    Frame frame;
    frame.index = slot.index;
    frame.width = slot.width;
    frame.height = slot.height;
    frame.bottom_up = true;
    frame.pixels.assign((const uint8_t*)data, (const uint8_t*)data + bytes);
    glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    enqueue(std::move(frame));
}

void Recorder::flush_gl() {
    for (size_t i = 0; i < slots_.size(); ++i) {
        Slot& slot = slots_[(next_slot_ + i) % slots_.size()];  // oldest first
        if (slot.pending) collect(slot);
    }
    for (Slot& slot : slots_) {
        if (slot.buffer) glDeleteBuffers(1, &slot.buffer);
        slot = Slot{};
    }
}

void Recorder::add(const ImageBuffer& image) {
    if (failed_ || finished_ || image.empty() || image.pixel_count() == 0) return;
    Frame frame;
    frame.index = next_index_++;
    frame.width = image.width();
    frame.height = image.height();
    // Frames are RGB8, as OpenGL reads them back; other images are converted (alpha dropped).
    if (image.type() == PixelType::U8 && image.channels() == 3) {
        frame.pixels.assign(image.u8(), image.u8() + image.pixel_count() * 3);
    } else {
        frame.pixels.reserve(image.pixel_count() * 3);
        for (int y = 0; y < frame.height; ++y)
            for (int x = 0; x < frame.width; ++x)
                for (int c = 0; c < 3; ++c) frame.pixels.push_back(image.sample(x, y, c));
    }
    enqueue(std::move(frame));
}

void Recorder::enqueue(Frame frame) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_ || failed_; });
    if (failed_) return;
    if (first_width_ == 0) {
        first_width_ = frame.width;
        first_height_ = frame.height;
    }
    queue_.push_back(std::move(frame));
    not_empty_.notify_one();
}

// --- frames out -------------------------------------------------------------------

void Recorder::work() {
    // A write to an ffmpeg that died must fail with EPIPE here, not kill the app with SIGPIPE.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    for (;;) {
        Frame frame;
        {
            std::unique_lock lock(mutex_);
            not_empty_.wait(lock, [&] { return !queue_.empty() || closing_; });
            if (queue_.empty()) return;
            frame = std::move(queue_.front());
            queue_.pop_front();
            not_full_.notify_one();
        }
        if (failed_) continue;  // drain without writing
        if (frame.bottom_up) {
            const size_t row = (size_t)frame.width * 3;
            std::vector<uint8_t> flipped(frame.pixels.size());
            for (int y = 0; y < frame.height; ++y)
                std::memcpy(&flipped[(size_t)y * row], &frame.pixels[(size_t)(frame.height - 1 - y) * row], row);
            frame.pixels.swap(flipped);
            frame.bottom_up = false;
        }
        if (kind_ == Kind::Mp4) {
            write_video(frame);
            continue;
        }
        if (kind_ == Kind::Gif && (frame.width != first_width_ || frame.height != first_height_)) {
            frame.pixels = fitted(frame.pixels, frame.width, frame.height, first_width_, first_height_);
            frame.width = first_width_;
            frame.height = first_height_;
        }
        write_png(frame);
    }
}

void Recorder::write_png(Frame& frame) {
    const ImageBuffer image(frame.width, frame.height, 3, std::move(frame.pixels));
    // As every PNG: atomic; without fsync, since a recording writes dozens of frames a second.
    if (IoResult saved = save_png((frames_dir_ / frame_name(frame.index)).string(), image, Durability::NoFsync); !saved)
        set_error(saved.error);
}

void Recorder::write_video(Frame& frame) {
    if (ffmpeg_pid_ < 0) {
        if (IoResult started = start_ffmpeg(frame.width, frame.height); !started) {
            set_error(started.error);
            return;
        }
    }
    // A video has one size: a window resized while recording is cropped or padded (black) to the first.
    if (frame.width != video_width_ || frame.height != video_height_)
        frame.pixels = fitted(frame.pixels, frame.width, frame.height, video_width_, video_height_);
    if (IoResult written =
            write_all(ffmpeg_fd_, frame.pixels.data(), (size_t)video_width_ * video_height_ * 3, "the pipe to ffmpeg");
        !written)
        set_error("ffmpeg stopped taking frames while encoding '" + path_.string() + "' (" +
                  std::strerror(written.os_error) + "); its own message, if any, is above");
}

IoResult Recorder::start_ffmpeg(int width, int height) {
    video_width_ = width;
    video_height_ = height;
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    std::vector<std::string> args = {ffmpeg_, "-hide_banner", "-loglevel", "error", "-y",
                                     "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", size,
                                     "-r", std::to_string(fps_), "-i", "pipe:0"};
    // yuv420p plays everywhere but needs even sides: pad by a pixel when odd.
    for (const char* a : {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p", "-movflags", "+faststart"})
        args.emplace_back(a);
    args.push_back(path_.string());

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return IoResult::failure(std::string("cannot make a pipe to ffmpeg: ") + std::strerror(errno), errno);
    pid_t pid = -1;
    const int spawned = spawn(args, fds[0], pid);
    close(fds[0]);
    if (spawned != 0) {
        close(fds[1]);
        return IoResult::failure("cannot start ffmpeg (" + ffmpeg_ + "): " + std::strerror(spawned), spawned);
    }
    ffmpeg_pid_ = pid;
    ffmpeg_fd_ = fds[1];
    return IoResult::success();
}

IoResult Recorder::stop_ffmpeg() {
    if (ffmpeg_fd_ >= 0) close(ffmpeg_fd_);  // end of input: ffmpeg writes the file and exits
    ffmpeg_fd_ = -1;
    if (ffmpeg_pid_ < 0) return IoResult::success();
    const std::string how = wait_for(ffmpeg_pid_);
    ffmpeg_pid_ = -1;
    if (how.empty()) return IoResult::success();
    return IoResult::failure("ffmpeg failed (" + how + ") encoding '" + path_.string() + "'; its own message, if any, is above");
}

// ffmpeg with these arguments after its quiet ones, no input on stdin.
IoResult Recorder::run_ffmpeg(std::vector<std::string> args) {
    std::vector<std::string> command = {ffmpeg_, "-hide_banner", "-nostdin", "-loglevel", "error", "-y"};
    command.insert(command.end(), args.begin(), args.end());
    const int no_input = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (no_input < 0) return IoResult::failure(std::string("cannot open /dev/null for ffmpeg: ") + std::strerror(errno), errno);
    pid_t pid = -1;
    const int spawned = spawn(command, no_input, pid);
    close(no_input);
    if (spawned != 0) return IoResult::failure("cannot start ffmpeg (" + ffmpeg_ + "): " + std::strerror(spawned), spawned);
    const std::string how = wait_for(pid);
    if (how.empty()) return IoResult::success();
    return IoResult::failure("ffmpeg failed (" + how + ") encoding '" + path_.string() +
                             "'; its own message, if any, is above");
}

// Two passes over the PNG frames on disk: ffmpeg holds a colour histogram and a
// frame or two at a time, whatever the length of the recording.
IoResult Recorder::encode_gif() {
    const std::string frames = (frames_dir_ / "frame_%06d.png").string();
    const std::string palette = (frames_dir_ / "palette.png").string();
    const std::string rate = std::to_string(fps_);
    // One palette made from the whole recording; UI colours stay clean.
    if (IoResult made = run_ffmpeg({"-framerate", rate, "-start_number", "0", "-i", frames,
                                    "-vf", "palettegen=stats_mode=diff", palette});
        !made)
        return made;
    return run_ffmpeg({"-framerate", rate, "-start_number", "0", "-i", frames, "-i", palette,
                       "-lavfi", "[0:v][1:v]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle",
                       "-loop", "0", path_.string()});
}

IoResult Recorder::finish() {
    if (finished_) return finish_result_;
    finished_ = true;
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    not_empty_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
    IoResult encoder = kind_ == Kind::Mp4 ? stop_ffmpeg() : IoResult::success();
    IoResult result = status();
    if (result) result = encoder;
    if (result && next_index_ == 0) result = IoResult::failure("no frame was recorded");
    if (result && kind_ == Kind::Gif) result = encode_gif();
    std::error_code ec;
    if (kind_ == Kind::Gif && !frames_dir_.empty()) fs::remove_all(frames_dir_, ec);
    if (result && kind_ != Kind::Folder && !(fs::file_size(path_, ec) > 0 && !ec))
        result = IoResult::failure("ffmpeg wrote no video to '" + path_.string() + "'");
    // A broken video is worse than none: the error says what happened.
    if (!result && kind_ != Kind::Folder) fs::remove(path_, ec);
    finish_result_ = result;
    return result;
}

}  // namespace imgr
