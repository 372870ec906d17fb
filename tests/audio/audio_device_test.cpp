// The PortAudio device against a real audio server without a sound card:
// JACK's dummy driver runs on a timer at 48 kHz and takes only that rate, so
// playing converts a clip's rate, and its capture ports give silence to record.
// The test starts its own server (a name of its own: tests run side by side)
// and skips when jackd is not installed (scripts/install_deps.sh installs it).
#include <doctest/doctest.h>

#include "imgr/media/platform/portaudio_device.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace imgr;
using namespace std::chrono_literals;

namespace {

constexpr const char* kJackd = "/usr/bin/jackd";

class JackDummyServer {
public:
    JackDummyServer() {
        if (::access(kJackd, X_OK) != 0) return;
        const std::string name = "imgr-test-" + std::to_string(::getpid());
        pid_ = ::fork();
        if (pid_ == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
            ::execl(kJackd, "jackd", "-n", name.c_str(), "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256",
                    (char*)nullptr);
            ::_exit(127);
        }
        ::setenv("JACK_DEFAULT_SERVER", name.c_str(), 1);  // where PortAudio's JACK client connects
    }
    ~JackDummyServer() {
        if (pid_ <= 0 || exited_) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    bool started() const { return pid_ > 0; }
    // False once the server has stopped: a machine where JACK cannot run (no shared memory, say).
    bool running() {
        if (pid_ <= 0 || exited_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) exited_ = true;
        return !exited_;
    }

    // The server takes a moment to accept clients: PortAudio is asked again until it sees it.
    AudioDeviceOpen open_device() {
        AudioDeviceOpen opened;
        for (int attempt = 0; attempt < 100 && running(); ++attempt) {
            opened = open_audio_device();
            if (opened.device) return opened;
            std::this_thread::sleep_for(100ms);
        }
        return opened;
    }

private:
    pid_t pid_ = -1;
    bool exited_ = false;
};

// The device on the test's own server; null (the test says why and skips) where
// jackd is not installed or cannot run. A running server PortAudio cannot reach fails.
std::unique_ptr<AudioDevice> device_or_skip(JackDummyServer& server) {
    if (!server.started()) {
        MESSAGE("jackd is not installed (apt-get install jackd2): no device to test");
        return nullptr;
    }
    AudioDeviceOpen opened = server.open_device();
    if (!opened.device && !server.running()) {
        MESSAGE("jackd could not run on this machine: no device to test");
        return nullptr;
    }
    REQUIRE_MESSAGE(opened.device, opened.error);
    return std::move(opened.device);
}

AudioBuffer tone(int rate, double seconds) {
    std::vector<float> samples((size_t)(rate * seconds));
    for (size_t i = 0; i < samples.size(); ++i) samples[i] = 0.3f * (float)std::sin(2 * M_PI * 440 * (double)i / rate);
    return AudioBuffer(rate, 1, std::move(samples));
}

}  // namespace

TEST_CASE("a clip at another rate than the device's plays through to its end, its position moving forward") {
    JackDummyServer server;
    const auto device = device_or_skip(server);
    if (!device) return;
    const IoResult played = device->play(tone(22050, 0.4), 0.1, 1.0f, 7);
    REQUIRE_MESSAGE(played, played.error);  // from 0.1 s: 0.3 s to play
    CHECK(device->active());
    double last = 0.1;
    bool moved = false, finished = false;
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
        const double at = device->position(7);
        if (at < 0) {
            finished = true;
            break;
        }
        CHECK(at >= last);      // clip seconds, whatever rate the device converted it to
        CHECK(at <= 0.4 + 1e-9);
        moved = moved || at > 0.1;
        last = at;
        std::this_thread::sleep_for(5ms);
    }
    CHECK(moved);
    CHECK(finished);
    CHECK_FALSE(device->active());
    CHECK(device->position(8) < 0);  // another owner is not playing
}

TEST_CASE("recording from the device's input gives what was recorded, at 16 kHz") {
    JackDummyServer server;
    const auto device = device_or_skip(server);
    if (!device) return;
    REQUIRE(device->can_record());
    const IoResult started = device->start_recording();
    REQUIRE_MESSAGE(started, started.error);
    CHECK(device->recording());
    std::this_thread::sleep_for(500ms);
    const AudioBuffer recorded = device->stop_recording();
    CHECK_FALSE(device->recording());
    REQUIRE_FALSE(recorded.empty());
    CHECK(recorded.sample_rate() == 16000);
    CHECK(recorded.channels() == 1);
    // Half a second asked; a loaded machine may run the server's clock late or the sleep long.
    CHECK(recorded.duration() > 0.2);
    CHECK(recorded.duration() < 2.0);
    float loudest = 0;  // the dummy driver's inputs are silent
    for (float s : recorded.samples()) loudest = std::max(loudest, std::abs(s));
    CHECK(loudest < 1e-4f);
}
