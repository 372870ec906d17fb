#include "imgr/media/model/audio_io.h"

#include "imgr/model/file_read.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#if IMGR_HAVE_SNDFILE
#include <sndfile.h>
#endif

namespace imgr {

namespace {
std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    for (char& ch : ext) ch = (char)std::tolower((unsigned char)ch);
    return ext;
}
}  // namespace

#if IMGR_HAVE_SNDFILE

namespace {

// libsndfile reads and writes through these callbacks, so files go through
// read_file / write_file_atomically like every other file imgr touches.
struct MemoryFile {
    std::vector<uint8_t> bytes;
    const uint8_t* data = nullptr;  // reading: the caller's bytes; writing: bytes.data()
    sf_count_t size = 0;
    sf_count_t position = 0;
    bool writable = false;
};

sf_count_t memory_length(void* user) { return static_cast<MemoryFile*>(user)->size; }
sf_count_t memory_seek(sf_count_t offset, int whence, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    const sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? file->position : file->size;
    const sf_count_t target = base + offset;
    if (target < 0) return -1;
    file->position = target;
    return target;
}
sf_count_t memory_read(void* out, sf_count_t count, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    const sf_count_t n = std::max<sf_count_t>(0, std::min(count, file->size - file->position));
    if (n > 0) std::memcpy(out, (file->writable ? file->bytes.data() : file->data) + file->position, (size_t)n);
    file->position += n;
    return n;
}
sf_count_t memory_write(const void* in, sf_count_t count, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    const sf_count_t end = file->position + count;
    if ((size_t)end > file->bytes.size()) file->bytes.resize((size_t)end);
    std::memcpy(file->bytes.data() + file->position, in, (size_t)count);
    file->position = end;
    file->size = std::max(file->size, end);
    return count;
}
sf_count_t memory_tell(void* user) { return static_cast<MemoryFile*>(user)->position; }

SF_VIRTUAL_IO memory_io() { return {memory_length, memory_seek, memory_read, memory_write, memory_tell}; }

// A decoder's complaint in words a person can act on.
std::string sndfile_reason(SNDFILE* file) {
    std::string reason = sf_strerror(file);
    if (reason.empty()) reason = "not an audio file libsndfile can read";
    return reason;
}

// libsndfile 1.2 spends minutes (found by fuzzing: 13 s and counting on a 160-byte file)
// parsing a WAV whose metadata chunk (LIST, ...) claims to run far past the end of the
// file. Such a file is refused before libsndfile sees it. Only the samples ('data') may
// end past the end: a truncated recording is still read up to where it stops.
std::string wav_chunk_overrun(const uint8_t* bytes, size_t size) {
    if (size < 12 || std::memcmp(bytes + 8, "WAVE", 4) != 0) return "";
    const bool little = std::memcmp(bytes, "RIFF", 4) == 0;
    if (!little && std::memcmp(bytes, "RIFX", 4) != 0) return "";
    for (size_t at = 12; at + 8 <= size;) {
        const uint8_t* b = bytes + at + 4;
        const uint64_t length = little ? (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24
                                       : (uint64_t)b[3] | (uint64_t)b[2] << 8 | (uint64_t)b[1] << 16 | (uint64_t)b[0] << 24;
        const uint64_t end = at + 8 + length;
        if (end > size) {
            if (std::memcmp(bytes + at, "data", 4) == 0) return "";
            std::string name;
            for (int i = 0; i < 4; ++i) name += std::isprint(bytes[at + i]) ? (char)bytes[at + i] : '?';
            return "its '" + name + "' chunk claims " + std::to_string(length) + " bytes, more than the file holds";
        }
        at = (size_t)(end + (length & 1));  // chunks start on even offsets
    }
    return "";
}

}  // namespace

bool audio_files_supported() { return true; }

static AudioLoadResult decode_audio(const uint8_t* bytes, size_t size, const AudioLimits& limits) {
    AudioLoadResult result;
    if (const std::string overrun = wav_chunk_overrun(bytes, size); !overrun.empty()) {
        result.error = "is not a supported audio file: a corrupt WAV, " + overrun;
        return result;
    }
    MemoryFile file;
    file.data = bytes;
    file.size = (sf_count_t)size;
    SF_VIRTUAL_IO io = memory_io();
    SF_INFO info{};
    SNDFILE* sf = sf_open_virtual(&io, SFM_READ, &info, &file);
    if (!sf) {
        result.error = "is not a supported audio file (WAV, FLAC, OGG, MP3): " + sndfile_reason(nullptr);
        return result;
    }
    struct Closer {
        SNDFILE* f;
        ~Closer() { sf_close(f); }
    } closer{sf};
    if (info.channels < 1 || info.channels > limits.max_channels) {
        result.error = "has " + std::to_string(info.channels) + " channels (at most " +
                       std::to_string(limits.max_channels) + " are read)";
        return result;
    }
    if (info.samplerate < 1 || info.samplerate > limits.max_sample_rate) {
        result.error = "has a sample rate of " + std::to_string(info.samplerate) + " Hz (1 to " +
                       std::to_string(limits.max_sample_rate) + " Hz are read)";
        return result;
    }
    // Some formats (MP3, a truncated WAV) do not know their length: read in blocks, bounded by the limit.
    std::vector<float> samples;
    const size_t block_frames = 16384;
    std::vector<float> block(block_frames * (size_t)info.channels);
    for (;;) {
        const sf_count_t got = sf_readf_float(sf, block.data(), (sf_count_t)block_frames);
        if (got <= 0) break;
        if (samples.size() + (size_t)got * (size_t)info.channels > limits.max_samples) {
            result.error = "is longer than the limit of " + std::to_string(limits.max_samples) + " samples";
            return result;
        }
        samples.insert(samples.end(), block.begin(), block.begin() + (std::ptrdiff_t)((size_t)got * (size_t)info.channels));
    }
    if (sf_error(sf) != SF_ERR_NO_ERROR) {
        result.error = "is corrupt: " + sndfile_reason(sf);
        return result;
    }
    result.audio = AudioBuffer(info.samplerate, info.channels, std::move(samples));
    return result;
}

AudioEncodeResult encode_audio(const AudioBuffer& audio, const std::string& format) {
    AudioEncodeResult result;
    if (audio.empty()) {
        result.error = "no audio to save";
        return result;
    }
    SF_INFO info{};
    info.samplerate = audio.sample_rate();
    info.channels = audio.channels();
    if (format == "wav") info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    else if (format == "flac") info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    else if (format == "ogg") info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    else if (format == "mp3") info.format = SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;  // libsndfile >= 1.1 with LAME
    else {
        result.error = "cannot save audio as '" + format + "' (wav, flac, ogg or mp3)";
        return result;
    }
    MemoryFile file;
    file.writable = true;
    SF_VIRTUAL_IO io = memory_io();
    SNDFILE* sf = sf_open_virtual(&io, SFM_WRITE, &info, &file);
    if (!sf) {
        result.error = "cannot encode " + format + ": " + sndfile_reason(nullptr);
        return result;
    }
    // Out-of-range floats are clipped, not wrapped, when they become integers.
    sf_command(sf, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    const sf_count_t frames = (sf_count_t)audio.frames();
    const sf_count_t written = sf_writef_float(sf, audio.samples().data(), frames);
    const std::string reason = written == frames ? "" : sndfile_reason(sf);
    sf_close(sf);
    if (!reason.empty()) {
        result.error = "cannot encode " + format + ": " + reason;
        return result;
    }
    file.bytes.resize((size_t)file.size);
    result.bytes = std::move(file.bytes);
    return result;
}

#else  // built without libsndfile

bool audio_files_supported() { return false; }

static AudioLoadResult decode_audio(const uint8_t*, size_t, const AudioLimits&) {
    AudioLoadResult result;
    result.error = "cannot be read: imgr was built without libsndfile (apt-get install libsndfile1-dev)";
    return result;
}

AudioEncodeResult encode_audio(const AudioBuffer&, const std::string& format) {
    AudioEncodeResult result;
    result.error = "cannot encode " + format + ": imgr was built without libsndfile (apt-get install libsndfile1-dev)";
    return result;
}

#endif

// decode_audio's errors are predicates ("is corrupt: ..."), completed by what was read.
AudioLoadResult load_audio_memory(const uint8_t* bytes, size_t size, const AudioLimits& limits) {
    AudioLoadResult result = decode_audio(bytes, size, limits);
    if (!result) result.error = "the audio data " + result.error;
    return result;
}

AudioLoadResult load_audio_file(const std::string& path, const AudioLimits& limits) {
    AudioLoadResult result;
    FileRead read = read_file(path);
    if (!read) {
        result.error = read.error;
        result.os_error = read.os_error;
        return result;
    }
    result = decode_audio(reinterpret_cast<const uint8_t*>(read.content.data()), read.content.size(), limits);
    if (!result) {
        result.error = "'" + path + "' " + result.error;
        return result;
    }
    result.audio.source = path;
    return result;
}

IoResult save_audio_file(const std::string& path, const AudioBuffer& audio, Durability durability) {
    AudioEncodeResult encoded = encode_audio(audio, lower_extension(path));
    if (!encoded) return IoResult::failure("cannot save '" + path + "': " + encoded.error);
    return write_file_atomically(path, encoded.bytes.data(), encoded.bytes.size(), durability);
}

}  // namespace imgr
