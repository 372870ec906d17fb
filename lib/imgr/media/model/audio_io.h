// Reading and writing audio files through libsndfile: WAV, FLAC, OGG/Vorbis
// (and MP3 when the installed libsndfile was built with it: Debian's 1.2 is).
// Behind size limits, like images, so a hostile file cannot exhaust memory.
// Built without libsndfile (IMGR_HAVE_SNDFILE off), every call fails saying so.
#pragma once
#include "imgr/model/audio.h"
#include "imgr/model/file_write.h"
#include "imgr/model/io_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace imgr {

struct AudioLimits {
    size_t max_samples = size_t(64) << 20;  // 256 MB of floats: about 12 minutes of 44.1 kHz stereo
    int max_channels = 64;
    int max_sample_rate = 1'000'000;
};

// ok() and error as every I/O result (io_result.h); the audio is empty on failure.
struct [[nodiscard]] AudioLoadResult : IoResult {
    AudioBuffer audio;
};

bool audio_files_supported();  // false when imgr was built without libsndfile

// Decodes a file; the clip's source is set to path. Channels are kept.
AudioLoadResult load_audio_file(const std::string& path, const AudioLimits& limits = {});
AudioLoadResult load_audio_memory(const uint8_t* bytes, size_t size, const AudioLimits& limits = {});

// The encoded bytes of a clip; `format` is a file extension: "wav" (16-bit PCM),
// "flac" (16-bit), "ogg" (Vorbis), "mp3" (Debian's libsndfile 1.2 encodes it
// with LAME). Fails on an empty clip or an unknown format.
struct [[nodiscard]] AudioEncodeResult : IoResult {
    std::vector<uint8_t> bytes;
};
AudioEncodeResult encode_audio(const AudioBuffer& audio, const std::string& format);

// encode_audio by the path's extension, then write_file_atomically (as save_png does).
IoResult save_audio_file(const std::string& path, const AudioBuffer& audio, Durability durability = Durability::Fsync);

}  // namespace imgr
