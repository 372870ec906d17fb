// The speech sample's synthesiser: eSpeak NG into memory, each call in a process
// of its own, so calls neither mix their settings nor depend on the calls before them.
#include <doctest/doctest.h>

#include "espeak_synth.h"

#include <cmath>
#include <thread>

namespace {
double rms(const imgr::AudioBuffer& clip) {
    double sum = 0;
    for (float s : clip.samples()) sum += (double)s * s;
    return std::sqrt(sum / (double)std::max<size_t>(1, clip.samples().size()));
}
}  // namespace

TEST_CASE("eSpeak NG speaks a sentence into a non-silent clip of plausible length") {
    const auto voices = speech::list_voices();
    CHECK(voices.size() > 10);
    CHECK(std::any_of(voices.begin(), voices.end(), [](const speech::Voice& v) { return v.language == "en-us"; }));
    // Nine words at 175 words a minute: about three seconds.
    const imgr::AudioBuffer clip = speech::synthesize("The quick brown fox jumps over the lazy dog.", "en-us");
    CHECK(clip.sample_rate() == 22050);
    CHECK(clip.channels() == 1);
    CHECK(clip.duration() > 1.5);
    CHECK(clip.duration() < 6.0);
    CHECK(rms(clip) > 0.01);
    // Faster speech is shorter.
    const imgr::AudioBuffer fast = speech::synthesize("The quick brown fox jumps over the lazy dog.", "en-us", 350);
    CHECK(fast.duration() < clip.duration() * 0.8);
    CHECK_THROWS_AS(speech::synthesize("x", "no-such-language"), imgr::Error);
}

TEST_CASE("two threads synthesising at once get their own clips") {
    imgr::AudioBuffer a, b;
    std::thread first([&] { a = speech::synthesize("One two three four five six.", "en-us", 175); });
    std::thread second([&] { b = speech::synthesize("Seven.", "en-gb", 175); });
    first.join();
    second.join();
    CHECK(a.duration() > b.duration() * 2);  // each got its own words, not a mix
    // And as long as when spoken alone (the settings of the other call did not leak in).
    CHECK(a.duration() == doctest::Approx(speech::synthesize("One two three four five six.", "en-us", 175).duration()).epsilon(0.05));
}

// eSpeak NG keeps state from one utterance into the next (its wave generator's
// phase, pitch flutter, echo): in one process the same call came out 4.2555 s
// first and 4.2610 s after another voice had spoken, so a flagged clip replayed
// as changed. Each call now starts from the state before eSpeak ever spoke.
TEST_CASE("a clip depends only on its own arguments, not on what was spoken before") {
    const std::string text = "Imgr speaks: the quick brown fox jumps over the lazy dog.";
    const imgr::AudioBuffer first = speech::synthesize(text, "en-us", 150, 70);
    speech::synthesize(text, "en-gb", 150, 50);
    const imgr::AudioBuffer after_another = speech::synthesize(text, "en-us", 150, 70);
    const imgr::AudioBuffer again = speech::synthesize(text, "en-us", 150, 70);
    CHECK(first.samples().size() > 22050);
    CHECK(after_another.samples().size() == first.samples().size());
    CHECK(after_another.samples() == first.samples());
    CHECK(again.samples() == first.samples());
}
