// One utterance of eSpeak NG in a process of its own, for espeak_synth.cpp:
//   espeak_speak LANGUAGE WORDS_PER_MINUTE PITCH  < text  > status byte, then 16-bit samples
// A fresh process per clip because eSpeak NG keeps state from one utterance into
// the next; exec'd rather than forked from the app because a copy of a threaded
// process may find a lock (the allocator's, a driver's) held forever.
// Status byte: 0 spoke, 1 no such voice, 2 could not speak. Exit 0 when all was sent.
#include <espeak-ng/speak_lib.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<short> samples;

int collect(short* wave, int count, espeak_EVENT*) {
    if (wave && count > 0) samples.insert(samples.end(), wave, wave + count);
    return 0;  // 0: go on
}

bool write_all(const void* data, size_t size) {
    const char* at = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = write(STDOUT_FILENO, at, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        at += n;
        size -= (size_t)n;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: espeak_speak LANGUAGE WORDS_PER_MINUTE PITCH < text\n";
        return 2;
    }
    // All of the text before any output: the parent writes it whole, then reads.
    const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    char status = 0;
    if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT) <= 0) {
        status = 2;
    } else {
        espeak_SetSynthCallback(collect);
        espeak_VOICE wanted{};
        wanted.languages = argv[1];
        if (espeak_SetVoiceByProperties(&wanted) != EE_OK) {
            status = 1;
        } else {
            espeak_SetParameter(espeakRATE, std::atoi(argv[2]), 0);
            espeak_SetParameter(espeakPITCH, std::atoi(argv[3]), 0);
            if (espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr) != EE_OK)
                status = 2;
        }
        espeak_Terminate();
    }
    const bool sent = write_all(&status, 1) && write_all(samples.data(), samples.size() * sizeof(short));
    return sent ? 0 : 1;
}
