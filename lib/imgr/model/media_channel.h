// MediaChannel: what a Video component's player shares with the rest of the
// app, across threads. The player (a worker) publishes each frame it shows;
// frame streaming (.stream()) reads the newest one when a run starts, so a
// slow handler skips frames instead of queueing them; scripts ask it to seek;
// `wait idle` asks whether decoding work is pending. Plain C++ (model layer):
// the view, the engine and the driver all reach it through VideoProps.
#pragma once
#include "imgr/model/image.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace imgr {

struct PublishedFrame {
    ImageBuffer image;       // RGBA8, converted on the decoding thread
    double time = 0;         // seconds from the start of the video
    uint64_t sequence = 0;   // 1 for the first frame published, +1 each
};

class MediaChannel {
public:
    // The decoding thread: a new frame to show.
    void publish(ImageBuffer image, double time) {
        std::lock_guard lock(mutex_);
        latest_.image = std::move(image);
        latest_.time = time;
        ++latest_.sequence;
    }
    PublishedFrame latest() const {
        std::lock_guard lock(mutex_);
        return latest_;
    }
    void clear() {
        std::lock_guard lock(mutex_);
        latest_.image = ImageBuffer{};
        latest_.time = 0;
        ++latest_.sequence;
    }

    // A seek asked from outside the view (a script's `click "label" at T`); the view hands it to the player.
    void request_seek(double seconds) {
        std::lock_guard lock(mutex_);
        seek_ = seconds;
        pending_work_.fetch_add(1);
    }
    std::optional<double> take_seek_request() {
        std::lock_guard lock(mutex_);
        std::optional<double> seek = seek_;
        if (seek) pending_work_.fetch_sub(1);
        seek_.reset();
        return seek;
    }

    // Decoding work started and not yet shown (open, seek, step): `wait idle` waits for it.
    void begin_work() { pending_work_.fetch_add(1); }
    void end_work() { pending_work_.fetch_sub(1); }
    bool idle() const { return pending_work_.load() == 0; }

private:
    mutable std::mutex mutex_;
    PublishedFrame latest_;
    std::optional<double> seek_;
    std::atomic<int> pending_work_{0};
};

}  // namespace imgr
