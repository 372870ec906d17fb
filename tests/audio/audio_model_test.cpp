// AudioBuffer, its files (libsndfile), its waveform columns and its spectrogram (FFTW).
#include <doctest/doctest.h>

#include "audio/audio_test_media.h"
#include "imgr/media/model/audio_io.h"
#include "imgr/media/model/audio_spectrogram.h"
#include "imgr/media/model/audio_waveform.h"
#include "imgr/model/value.h"

#include <filesystem>
#include <fstream>

using namespace imgr;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_audio_" + std::string(name) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
float max_difference(const AudioBuffer& a, const AudioBuffer& b) {
    float worst = 0;
    for (size_t i = 0; i < a.samples().size(); ++i) worst = std::max(worst, std::abs(a.samples()[i] - b.samples()[i]));
    return worst;
}
}  // namespace

TEST_CASE("an AudioBuffer is interleaved frames with a rate, and says what it holds") {
    AudioBuffer clip(8000, 2, {0.1f, -0.1f, 0.2f, -0.2f, 0.3f, -0.3f, 0.4f, -0.4f});
    CHECK(clip.frames() == 4);
    CHECK(clip.duration() == doctest::Approx(0.0005));
    CHECK(clip.sample(2, 1) == doctest::Approx(-0.3f));
    CHECK(clip.mono() == std::vector<float>{0, 0, 0, 0});
    const AudioBuffer part = clip.slice(1, 2);
    CHECK(part.frames() == 2);
    CHECK(part.sample(0, 0) == doctest::Approx(0.2f));
    CHECK(clip.slice(3, 100).frames() == 1);  // clamped to the clip
    CHECK_THROWS_AS(AudioBuffer(8000, 2, {0.1f, 0.2f, 0.3f}), std::invalid_argument);
    CHECK_THROWS_AS(AudioBuffer(0, 1, {0.1f}), std::invalid_argument);
    CHECK(describe(Value(clip)) == "audio 0.0005 s, 8000 Hz, 2 channels");
    CHECK(to_json(Value(clip)) == Json{{"duration", 0.0005}, {"sample_rate", 8000}, {"channels", 2}});
    CHECK(to_json(Value(AudioBuffer{})).is_null());
    CHECK(values_equal(Value(clip), Value(AudioBuffer(8000, 2, clip.samples()))));
    CHECK_FALSE(values_equal(Value(clip), Value(part)));
}

TEST_CASE("a clip survives a WAV and a FLAC round trip through libsndfile") {
    if (!audio_files_supported()) {
        MESSAGE("built without libsndfile");
        CHECK_FALSE(load_audio_file("x.wav"));
        return;
    }
    const fs::path dir = temp_dir("roundtrip");
    const AudioBuffer original = test::tone(440, 0.25, 22050, 2);
    for (const char* name : {"clip.wav", "clip.flac"}) {
        CAPTURE(name);
        REQUIRE(save_audio_file((dir / name).string(), original));
        AudioLoadResult loaded = load_audio_file((dir / name).string());
        REQUIRE_MESSAGE(loaded, loaded.error);
        CHECK(loaded.audio.sample_rate() == 22050);
        CHECK(loaded.audio.channels() == 2);
        CHECK(loaded.audio.frames() == original.frames());
        CHECK(max_difference(loaded.audio, original) < 1.0f / 16384);  // 16-bit quantisation
        CHECK(loaded.audio.source == (dir / name).string());
    }
    // OGG/Vorbis is lossy: the length and the rate come back.
    REQUIRE(save_audio_file((dir / "clip.ogg").string(), original));
    AudioLoadResult ogg = load_audio_file((dir / "clip.ogg").string());
    REQUIRE_MESSAGE(ogg, ogg.error);
    CHECK(ogg.audio.frames() == original.frames());
    CHECK(ogg.audio.sample_rate() == 22050);
    // MP3 (Debian's libsndfile 1.2 reads it with mpg123): the rate and about the length come back.
    REQUIRE(save_audio_file((dir / "clip.mp3").string(), original));
    AudioLoadResult mp3 = load_audio_file((dir / "clip.mp3").string());
    REQUIRE_MESSAGE(mp3, mp3.error);
    CHECK(mp3.audio.sample_rate() == 22050);
    CHECK(mp3.audio.duration() == doctest::Approx(0.25).epsilon(0.2));
    fs::remove_all(dir);
}

TEST_CASE("a corrupt or unsupported audio file gives a clear message and no audio") {
    if (!audio_files_supported()) return;
    const fs::path dir = temp_dir("corrupt");
    {
        std::ofstream(dir / "noise.wav") << "RIFF....WAVEfmt this is not a wave file at all";
    }
    AudioLoadResult bad = load_audio_file((dir / "noise.wav").string());
    CHECK_FALSE(bad);
    CHECK(bad.audio.empty());
    CHECK(bad.error.find("noise.wav") != std::string::npos);
    CHECK(bad.error.find("not a supported audio file") != std::string::npos);

    AudioLoadResult missing = load_audio_file((dir / "absent.wav").string());
    CHECK_FALSE(missing);
    CHECK(missing.error.find("absent.wav") != std::string::npos);

    // A truncated file: the header is kept, most data cut. Either it loads what is there or it says why.
    REQUIRE(save_audio_file((dir / "whole.wav").string(), test::tone(300, 0.5)));
    const auto size = fs::file_size(dir / "whole.wav");
    fs::copy_file(dir / "whole.wav", dir / "cut.wav");
    fs::resize_file(dir / "cut.wav", size / 3);
    AudioLoadResult cut = load_audio_file((dir / "cut.wav").string());
    if (cut) CHECK(cut.audio.frames() < test::tone(300, 0.5).frames());
    else CHECK_FALSE(cut.error.empty());

    CHECK_FALSE(save_audio_file((dir / "clip.xyz").string(), test::tone(300, 0.1)));
    CHECK_FALSE(save_audio_file((dir / "empty.wav").string(), AudioBuffer{}));
    AudioLimits tiny;
    tiny.max_samples = 100;
    AudioLoadResult long_clip = load_audio_file((dir / "whole.wav").string(), tiny);
    CHECK_FALSE(long_clip);
    CHECK(long_clip.error.find("limit") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a WAV whose metadata chunk claims more bytes than the file holds is refused at once") {
    if (!audio_files_supported()) return;
    // The header of a 160-byte file the fuzzer found: libsndfile alone parses it for minutes
    // (its LIST chunk claims 8 MB).
    std::vector<uint8_t> wav = {
        0x52, 0x49, 0x46, 0x46, 0x66, 0x03, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20,
        0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x40, 0x1f, 0x00, 0x00, 0x80, 0x3e, 0x00, 0x00,
        0x02, 0x00, 0x10, 0x00, 0x4c, 0x49, 0x53, 0x54, 0x1a, 0x00, 0x80, 0x00, 0x49, 0x4e, 0x46, 0x4f,
        0x49, 0x53, 0x46, 0x54, 0x0e, 0x00, 0x00, 0x00, 0x4c, 0x61};
    wav.resize(160, 0xff);
    const AudioLoadResult refused = load_audio_memory(wav.data(), wav.size());
    CHECK_FALSE(refused);
    CHECK(refused.error.find("a corrupt WAV") != std::string::npos);
    CHECK(refused.error.find("'LIST' chunk claims 8388634 bytes") != std::string::npos);

    // Samples cut short are not refused: a truncated recording reads up to where it stops.
    const fs::path dir = temp_dir("overrun");
    REQUIRE(save_audio_file((dir / "whole.wav").string(), test::tone(300, 0.5)));
    fs::resize_file(dir / "whole.wav", fs::file_size(dir / "whole.wav") / 2);
    const AudioLoadResult cut = load_audio_file((dir / "whole.wav").string());
    CHECK_MESSAGE(cut, cut.error);
    fs::remove_all(dir);
}

TEST_CASE("waveform columns hold each column's lowest and highest sample") {
    // 8 frames in 4 columns: two frames a column.
    AudioBuffer clip(8, 1, {0.1f, -0.5f, 0.9f, 0.2f, -1.0f, -0.2f, 0.0f, 0.0f});
    const auto columns = waveform_columns(clip, 4);
    REQUIRE(columns.size() == 4);
    CHECK(columns[0].low == doctest::Approx(-0.5f));
    CHECK(columns[0].high == doctest::Approx(0.1f));
    CHECK(columns[1].low == doctest::Approx(0.2f));
    CHECK(columns[1].high == doctest::Approx(0.9f));
    CHECK(columns[2].low == doctest::Approx(-1.0f));
    CHECK(columns[3].high == doctest::Approx(0.0f));
    // Stereo is averaged; more columns than frames repeat the frame under each.
    AudioBuffer stereo(8, 2, {1.0f, 0.0f, -1.0f, 0.0f});
    const auto wide = waveform_columns(stereo, 4);
    REQUIRE(wide.size() == 4);
    CHECK(wide[0].high == doctest::Approx(0.5f));
    CHECK(wide[3].low == doctest::Approx(-0.5f));
    // A range of the clip only.
    const auto part = waveform_columns(clip, 1, 4, 2);
    REQUIRE(part.size() == 1);
    CHECK(part[0].low == doctest::Approx(-1.0f));
    CHECK(part[0].high == doctest::Approx(-0.2f));
    CHECK(waveform_columns(AudioBuffer{}, 10).empty());
}

TEST_CASE("the spectrogram of a pure tone peaks at the tone's bin") {
    if (!spectrograms_supported()) {
        CHECK_FALSE(compute_spectrogram(test::tone(1000, 0.5)).error.empty());
        return;
    }
    // 16 kHz, 512-sample windows: 31.25 Hz a bin; 1000 Hz is bin 32, 3000 Hz bin 96.
    for (double hz : {1000.0, 3000.0}) {
        CAPTURE(hz);
        const Spectrogram s = compute_spectrogram(test::tone(hz, 0.5, 16000));
        REQUIRE(s.error.empty());
        CHECK(s.bins == 257);
        CHECK(s.frames > 20);
        const int frame = s.frames / 2;
        int peak = 0;
        for (int b = 1; b < s.bins; ++b)
            if (s.at(frame, b) > s.at(frame, peak)) peak = b;
        CHECK(peak == (int)std::lround(hz / 31.25));
        CHECK(s.bin_hz(peak) == doctest::Approx(hz));
        // Far from the tone the energy is far below it.
        CHECK(s.at(frame, peak) - s.at(frame, (peak + 100) % s.bins) > 40.0f);
    }
    // Long clips keep the image texture-sized.
    const Spectrogram long_one = compute_spectrogram(test::tone(440, 120, 16000), {512, 256, 1000});
    CHECK(long_one.frames <= 1000);
    const ImageBuffer image = spectrogram_image(long_one);
    CHECK(image.width() == long_one.frames);
    CHECK(image.height() == long_one.bins);
    CHECK(image.channels() == 4);
}
