// Audio playback under load (issue 15): a clip plays for SECONDS while busy
// threads, standing for handlers, saturate cores and one of them holds a lock
// the whole time; the main thread asks the playhead's position every 16 ms as
// the UI does. Prints the underruns the device reported and how far playback
// kept pace with the wall clock.
//
// It needs an audio device. Without a sound card, JACK's dummy driver is one
// (a timer at 48 kHz; it takes only that rate, so the 44.1 kHz clip is converted):
//
//   jackd -n bench --no-realtime -d dummy -r 48000 -p 256 &
//   JACK_DEFAULT_SERVER=bench build/bench/bench_audio [SECONDS] [BUSY_THREADS]
#include "bench_common.h"

#include <imgr/media/platform/portaudio_device.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 60;
    const int busy_threads = argc > 2 ? std::atoi(argv[2]) : 2;
    imgr::AudioDeviceOpen opened = imgr::open_audio_device();
    if (!opened) {
        std::fprintf(stderr, "bench_audio: %s\n", opened.error.c_str());
        return 1;
    }
    const std::unique_ptr<imgr::AudioDevice> device = std::move(opened.device);
    // A stereo chord at 44.1 kHz, a little longer than the run.
    const int rate = 44100;
    const size_t frames = (size_t)((seconds + 1) * rate);
    std::vector<float> samples(frames * 2);
    for (size_t f = 0; f < frames; ++f) {
        const double t = (double)f / rate;
        samples[f * 2] = (float)(0.2 * std::sin(2 * M_PI * 440 * t) + 0.1 * std::sin(2 * M_PI * 660 * t));
        samples[f * 2 + 1] = (float)(0.2 * std::sin(2 * M_PI * 554 * t));
    }
    const imgr::AudioBuffer clip(rate, 2, std::move(samples));

    // Handlers: spinning on work, one of them never letting go of a lock.
    std::atomic<bool> stop{false};
    std::mutex handler_lock;
    std::vector<std::thread> busy;
    for (int i = 0; i < busy_threads; ++i)
        busy.emplace_back([&, i] {
            std::unique_lock<std::mutex> held(handler_lock, std::defer_lock);
            if (i == 0) held.lock();
            volatile double x = 0;
            while (!stop.load(std::memory_order_relaxed))
                for (int k = 0; k < 100000; ++k) x = x + std::sqrt((double)k);
        });

    const auto asked = bench::Clock::now();
    if (const imgr::IoResult played = device->play(clip, 0, 1.0f, 1); !played) {
        std::fprintf(stderr, "bench_audio: %s\n", played.error.c_str());
        stop = true;
        for (auto& t : busy) t.join();
        return 1;
    }
    const auto started = bench::Clock::now();
    double position = 0, worst_lag = 0;
    std::vector<double> poll_ms;
    auto last = started;
    while (true) {
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
        const auto now = bench::Clock::now();
        poll_ms.push_back(bench::ms_between(last, now));
        last = now;
        const double wall = bench::ms_between(started, now) / 1000;
        position = device->position(1);
        if (position < 0 || wall >= seconds) break;
        if (wall > 1) worst_lag = std::max(worst_lag, wall - position);  // after the first second's start-up
    }
    const double wall = bench::ms_between(started, bench::Clock::now()) / 1000;
    const uint64_t underruns = device->underruns();
    device->stop();
    stop = true;
    for (auto& t : busy) t.join();

    const std::string what = std::to_string((int)seconds) + " s, 44.1 kHz stereo, " + std::to_string(busy_threads) +
                             " busy threads (one holding a lock)";
    bench::row("audio playback", what, "play() incl. converting to the device's rate, ms",
               std::to_string(bench::ms_between(asked, started)));
    bench::row("audio playback", what, "underruns reported by the device", std::to_string(underruns));
    bench::row("audio playback", what, "clip seconds played / wall seconds", std::to_string(position) + " / " + std::to_string(wall));
    bench::row("audio playback", what, "largest lag of the playhead behind the wall clock after 1 s, ms",
               std::to_string(worst_lag * 1000));
    bench::row("audio playback", what, "UI poll interval p99 ms (16 ms asked)", std::to_string(bench::percentile(poll_ms, 0.99)));
    return 0;
}
