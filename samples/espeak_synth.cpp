#include "espeak_synth.h"

#include <espeak-ng/speak_lib.h>
#include <imgr/model/file_write.h>  // write_all: the child's samples into the pipe

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace speech {
namespace {

// Guards eSpeak NG's initialisation, and each fork: a child must never copy it half initialised.
std::mutex& espeak_mutex() {
    static std::mutex mutex;
    return mutex;
}

std::vector<short>* collecting = nullptr;  // where the callback puts samples; only ever set in a child

int collect(short* samples, int count, espeak_EVENT*) {
    if (samples && count > 0 && collecting) collecting->insert(collecting->end(), samples, samples + count);
    return 0;  // 0: go on
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
    espeak_SetSynthCallback(collect);
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

// What a child sends first, before its samples.
enum ChildStatus : char { kSpoke = 0, kNoVoice = 1, kCouldNotSpeak = 2 };

// In the forked child, where eSpeak NG has never spoken: speaks, sends the status
// and the samples through `fd`, and ends without the parent's exit handlers.
[[noreturn]] void speak_in_child(int fd, const std::string& text, const std::string& language, int rate, int pitch) {
    bool sent = false;
    try {
        std::vector<short> samples;
        char status = kSpoke;
        espeak_VOICE wanted{};
        wanted.languages = language.c_str();
        if (espeak_SetVoiceByProperties(&wanted) != EE_OK) {
            status = kNoVoice;
        } else {
            espeak_SetParameter(espeakRATE, rate, 0);
            espeak_SetParameter(espeakPITCH, pitch, 0);
            collecting = &samples;
            if (espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr) != EE_OK)
                status = kCouldNotSpeak;
        }
        sent = imgr::write_all(fd, &status, 1, "the pipe to the parent") &&
               imgr::write_all(fd, samples.data(), samples.size() * sizeof(short), "the pipe to the parent");
    } catch (...) {
    }
    _exit(sent ? 0 : 1);
}

// Everything the child sent, up to its end.
std::string read_until_closed(int fd) {
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
    int sample_rate = 0, pipe_fds[2];
    pid_t child = -1;
    {
        std::lock_guard lock(espeak_mutex());
        sample_rate = initialise();
        const std::vector<Voice>& voices = voices_locked();
        // eSpeak NG falls back to some voice for a language it lacks: asked first, so the person is told.
        if (std::none_of(voices.begin(), voices.end(), [&](const Voice& v) { return v.language == language; }))
            throw imgr::Error("eSpeak NG has no voice for '" + language + "'");
        if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw imgr::Error(std::string("cannot start eSpeak NG: ") + std::strerror(errno));
        child = fork();
        if (child == 0) {
            close(pipe_fds[0]);
            speak_in_child(pipe_fds[1], text, language, rate, pitch_value);
        }
        if (child < 0) {
            const int error = errno;
            close(pipe_fds[0]);
            close(pipe_fds[1]);
            throw imgr::Error(std::string("cannot start eSpeak NG: ") + std::strerror(error));
        }
    }
    close(pipe_fds[1]);
    const std::string bytes = read_until_closed(pipe_fds[0]);
    close(pipe_fds[0]);
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
