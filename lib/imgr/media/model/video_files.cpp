// Whole-file helpers around VideoDecoder/VideoEncoder (video_file.h).
#include "imgr/media/model/video_file.h"
#include "imgr/media/model/libav_support.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#if IMGR_HAVE_LIBAV
extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}
#include <mutex>
#endif

namespace imgr {

#if IMGR_HAVE_LIBAV
std::string av_error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}
bool video_supported() { return true; }
void quiet_libav_logs() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_ERROR); });
}
#else
bool video_supported() { return false; }
#endif

VideoProbe probe_video_file(const std::string& path) {
    VideoProbe probe;
    VideoDecoder decoder;
    if (IoResult opened = decoder.open(path); !opened) {
        probe.error = opened.error;
        return probe;
    }
    probe.video = decoder.info();
    return probe;
}

VideoWriteResult write_video_file(const std::string& path, const std::vector<ImageBuffer>& frames, double fps) {
    VideoWriteResult result;
    if (frames.empty()) {
        result.error = "cannot write the video '" + path + "': no frames";
        return result;
    }
    VideoEncoder encoder;
    IoResult step = encoder.open(path, frames.front().width(), frames.front().height(), fps);
    for (size_t i = 0; step && i < frames.size(); ++i) step = encoder.write(frames[i]);
    if (step) step = encoder.finish();
    if (!step) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        result.error = step.error;
        return result;
    }
    VideoProbe probe = probe_video_file(path);
    result.error = probe.error;
    result.video = probe.video;
    return result;
}

namespace {

// Handlers' output videos live in one folder per process, removed when the process exits.
// A process that never exited (killed, crashed) left its folder: the next one removes
// folders whose process is gone. Only the process that made a folder removes it at exit:
// a forked child that calls exit() leaves its parent's alone.
const std::filesystem::path& temporary_video_folder() {
    static const pid_t owner = ::getpid();
    // Never destroyed (reachable until exit): the exit handler below still reads it.
    static const std::filesystem::path* folder = [] {
        std::error_code ec;
        std::filesystem::path base = std::filesystem::temp_directory_path(ec);
        if (ec) base = "/tmp";
        const std::string prefix = "imgr-video-";
        for (std::filesystem::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) continue;
            char* rest = nullptr;
            const long pid = std::strtol(name.c_str() + prefix.size(), &rest, 10);
            if (*rest != '\0' || pid <= 0 || pid == owner) continue;
            if (::kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
                std::error_code ignored;
                std::filesystem::remove_all(it->path(), ignored);
            }
        }
        auto* made = new std::filesystem::path(base / (prefix + std::to_string(owner)));
        std::filesystem::create_directories(*made, ec);
        std::atexit([] {
            if (::getpid() != owner) return;
            std::error_code ignored;
            std::filesystem::remove_all(*folder, ignored);
        });
        return made;
    }();
    return *folder;
}

}  // namespace

std::string temporary_video_path(const std::string& extension) {
    static std::atomic<int> counter{0};
    return (temporary_video_folder() / (std::to_string(counter++) + extension)).string();
}

std::vector<std::string> list_video_devices() {
    std::vector<std::string> devices;
    std::error_code ec;
    for (std::filesystem::directory_iterator it("/dev", ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("video", 0) == 0) devices.push_back(it->path().string());
    }
    std::sort(devices.begin(), devices.end());
    return devices;
}

}  // namespace imgr

#include "imgr/model/file_write.h"

#include <cctype>
#include <cerrno>
#include <fcntl.h>

namespace imgr {

namespace {
bool is_mp4(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = (char)std::tolower((unsigned char)c);
    return extension == ".mp4";
}

IoResult transcode(const std::string& from, const std::string& to) {
    VideoDecoder decoder;
    if (IoResult opened = decoder.open(from); !opened) return opened;
    VideoEncoder encoder;
    const VideoValue& info = decoder.info();
    if (IoResult opened = encoder.open(to, info.width, info.height, info.fps > 0 ? info.fps : 25); !opened)
        return opened;
    DecodedFrame frame;
    FrameRead read;
    while ((read = decoder.read(frame)).got_frame)
        if (IoResult written = encoder.write(frame.image); !written) return written;
    if (!read) return read;  // moved implicitly (C++20), sliced to its IoResult
    return encoder.finish();
}

IoResult fsync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return os_failure("open", path, errno);
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    return synced == 0 ? IoResult::success() : os_failure("fsync", path, error);
}
}  // namespace

IoResult save_video_mp4(const VideoValue& video, const std::string& path, Durability durability) {
    if (video.empty()) return IoResult::failure("no video to save as '" + path + "'");
    const std::string temporary = path + ".part.mp4";
    std::error_code ec;
    IoResult made;
    if (is_mp4(video.path)) {
        std::filesystem::copy_file(video.path, temporary, std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) made = IoResult::failure("cannot copy the video '" + video.path + "' to '" + temporary + "': " + ec.message());
    } else {
        made = transcode(video.path, temporary);
    }
    if (made && durability == Durability::Fsync) made = fsync_file(temporary);
    if (made) {
        std::filesystem::rename(temporary, path, ec);
        if (ec) made = IoResult::failure("cannot rename '" + temporary + "' to '" + path + "': " + ec.message());
    }
    if (!made) {
        std::filesystem::remove(temporary, ec);
        return made;
    }
    if (durability == Durability::Fsync) return sync_directory(std::filesystem::path(path).parent_path());
    return IoResult::success();
}

}  // namespace imgr
