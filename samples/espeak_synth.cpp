#include "espeak_synth.h"

#include <espeak-ng/speak_lib.h>

#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace speech {
namespace {

// Guards eSpeak NG's initialisation and its voice list, the only use this process makes of it.
std::mutex& espeak_mutex() {
    static std::mutex mutex;
    return mutex;
}

// Under espeak_mutex(). Returns the sample rate.
int initialise() {
    static int sample_rate = 0;
    if (sample_rate > 0) return sample_rate;
    sample_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (sample_rate <= 0) {
        sample_rate = 0;
        throw imgr::Error("eSpeak NG could not start (is espeak-ng-data installed?)");
    }
    return sample_rate;
}

// Under espeak_mutex().
const std::vector<Voice>& voices_locked() {
    static std::vector<Voice> voices;
    if (!voices.empty()) return voices;
    initialise();
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v)
        if ((*v)->name && (*v)->languages) voices.push_back({(*v)->name, (*v)->languages + 1});  // languages: priority byte, then the name
    std::sort(voices.begin(), voices.end(), [](const Voice& a, const Voice& b) { return a.name < b.name; });
    return voices;
}

// What espeak_speak sends first, before its samples.
enum SpeakStatus : char { kSpoke = 0, kNoVoice = 1, kCouldNotSpeak = 2 };

// espeak_speak beside this executable (the samples' build folder), else where the build put it.
std::string speak_program() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const std::filesystem::path beside = self.parent_path() / "espeak_speak";
        if (access(beside.c_str(), X_OK) == 0) return beside.string();
    }
    return IMGR_ESPEAK_SPEAK_PATH;
}

// Sends `text` whole, then everything espeak_speak answers, up to its end.
// A socket rather than a pipe: a helper that died makes send() fail (MSG_NOSIGNAL), not SIGPIPE kill the app.
std::string converse(int fd, const std::string& text) {
    for (size_t sent = 0; sent < text.size();) {
        const ssize_t n = send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the helper is gone: what it said (nothing) tells why below
        sent += (size_t)n;
    }
    shutdown(fd, SHUT_WR);
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0)
            bytes.append(buffer, (size_t)n);
        else if (n == 0 || errno != EINTR)
            return bytes;
    }
}

}  // namespace

std::vector<Voice> list_voices() {
    std::lock_guard lock(espeak_mutex());
    return voices_locked();
}

imgr::AudioBuffer synthesize(const std::string& text, const std::string& language, double words_per_minute,
                             double pitch) {
    const int rate = (int)std::clamp(words_per_minute, 80.0, 450.0), pitch_value = (int)std::clamp(pitch, 0.0, 100.0);
    int sample_rate = 0;
    {
        std::lock_guard lock(espeak_mutex());
        sample_rate = initialise();
        const std::vector<Voice>& voices = voices_locked();
        // eSpeak NG falls back to some voice for a language it lacks: asked first, so the person is told.
        if (std::none_of(voices.begin(), voices.end(), [&](const Voice& v) { return v.language == language; }))
            throw imgr::Error("eSpeak NG has no voice for '" + language + "'");
    }
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw imgr::Error(std::string("cannot start eSpeak NG: ") + std::strerror(errno));
    const std::string program = speak_program(), rate_text = std::to_string(rate), pitch_text = std::to_string(pitch_value);
    const char* argv[] = {program.c_str(), language.c_str(), rate_text.c_str(), pitch_text.c_str(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, ends[1], STDIN_FILENO);  // dup2 clears close-on-exec
    posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO);
    pid_t child = -1;
    const int spawned = posix_spawn(&child, program.c_str(), &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(ends[1]);
    if (spawned != 0) {
        close(ends[0]);
        throw imgr::Error("cannot start eSpeak NG (" + program + "): " + std::strerror(spawned));
    }
    const std::string bytes = converse(ends[0], text);
    close(ends[0]);
    int wait_status = 0;
    pid_t waited;
    while ((waited = waitpid(child, &wait_status, 0)) < 0 && errno == EINTR) {
    }
    if (waited == child && !(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0))
        throw imgr::Error(WIFSIGNALED(wait_status) ? "eSpeak NG crashed (signal " + std::to_string(WTERMSIG(wait_status)) + ")"
                                                   : std::string("eSpeak NG could not hand over the speech"));
    if (bytes.empty() || (bytes.size() - 1) % sizeof(short) != 0)
        throw imgr::Error("eSpeak NG could not hand over the speech");
    if (bytes[0] == kNoVoice) throw imgr::Error("eSpeak NG has no voice for '" + language + "'");
    if (bytes[0] != kSpoke) throw imgr::Error("eSpeak NG could not speak this text");
    const size_t count = (bytes.size() - 1) / sizeof(short);
    std::vector<float> floats(count);
    for (size_t i = 0; i < count; ++i) {
        short sample;
        std::memcpy(&sample, bytes.data() + 1 + i * sizeof(short), sizeof sample);
        floats[i] = (float)sample / 32768.0f;
    }
    if (floats.empty()) floats.push_back(0.0f);  // empty text: a one-sample clip rather than none
    return imgr::AudioBuffer(sample_rate, 1, std::move(floats));
}

}  // namespace speech
