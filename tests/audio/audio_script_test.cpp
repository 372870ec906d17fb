// The script language's audio parts: `click "label" at T` parses (and prints
// back), `expect` compares a clip by duration, sample rate and channels, and
// replay compares clips and videos by what they are (the media module's kinds).
#include <doctest/doctest.h>
#include <imgr/driver/expectation.h>
#include <imgr/driver/script.h>
#include <imgr/media/module_link.h>  // the media kinds' traits are registered by the module, as in an app
#include <imgr/model/kinds/compare.h>

#include <cmath>

#include "audio/audio_test_media.h"

using namespace imgr;

namespace {
ScriptParseResult parse(std::string_view text) { return parse_script(text, "tour.txt", "/tmp"); }
}  // namespace

TEST_CASE("click LABEL at T parses to a media seek, at X Y to an image pixel, and both print back") {
    auto r = parse("click \"Speech\" at 1.5\nclick \"Image\" at 10 20 # a pixel\nclick \"Go\"\n");
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.commands.size() == 3);
    CHECK(std::get<ClickTimeCommand>(r.commands[0].action) == ClickTimeCommand{"Speech", 1.5});
    CHECK(std::get<ClickPixelCommand>(r.commands[1].action) == ClickPixelCommand{"Image", 10, 20});
    CHECK(std::get<ClickCommand>(r.commands[2].action) == ClickCommand{"Go"});
    CHECK(format_command(r.commands[0].action) == "click \"Speech\" at 1.5");
    CHECK(format_command(r.commands[1].action) == "click \"Image\" at 10 20");
}

TEST_CASE("a malformed click position stops the script with FILE:LINE") {
    const std::string needs = "click ... at needs an image pixel X Y";
    CHECK(parse("click \"Speech\" at").error.find("tour.txt:1: " + needs) == 0);
    CHECK(parse("\nclick \"Speech\" at soon").error.find("tour.txt:2: " + needs) == 0);
    CHECK(parse("click \"Speech\" at 1 2 3").error.find("tour.txt:1: " + needs) == 0);
    CHECK(parse("click \"Speech\" now").error == "tour.txt:1: unexpected 'now' after the command");
    CHECK_FALSE(parse("click \"Speech\" at inf").ok());
    CHECK_FALSE(parse("click \"Speech\" at -1").ok());
}

TEST_CASE("expect compares a clip by duration, sample rate and channels") {
    const Value clip = test::tone(440, 1.5, 16000);
    CHECK_FALSE(check_expected(clip, Json{{"duration", 1.5}, {"sample_rate", 16000}, {"channels", 1}}));
    CHECK_FALSE(check_expected(clip, Json{{"sample_rate", 16000}}));
    CHECK_FALSE(check_expected(clip, Json{{"duration", 1.5004}}));  // within half a millisecond
    auto wrong_rate = check_expected(clip, Json{{"sample_rate", 22050}});
    REQUIRE(wrong_rate);
    CHECK(wrong_rate->find("\"sample_rate\":16000") != std::string::npos);
    CHECK(check_expected(clip, Json{{"duration", 1.6}}));
    auto bad_form = check_expected(clip, Json(1.5));
    REQUIRE(bad_form);
    CHECK(bad_form->find("audio is compared with") != std::string::npos);
    CHECK(check_expected(clip, Json{{"length", 1.5}}));
    CHECK_FALSE(check_expected(Value(AudioBuffer{}), Json(nullptr)));
    CHECK(check_expected(clip, Json(nullptr)));
    CHECK(check_expected(Value(AudioBuffer{}), Json{{"duration", 1.5}}));
}

TEST_CASE("replay compares a clip by its samples' SNR and a video by size, rate and length") {
    std::vector<float> tone(1600);
    for (size_t i = 0; i < tone.size(); ++i) tone[i] = 0.5f * (float)std::sin(2 * M_PI * 440 * (double)i / 16000);
    std::vector<float> rounded = tone;  // as a 16-bit WAV keeps it
    for (float& s : rounded) s = std::round(s * 32767.0f) / 32767.0f;
    const AudioBuffer clip(16000, 1, tone);
    CHECK(compare_values(clip, AudioBuffer(16000, 1, rounded)).same);
    CHECK(compare_values(clip, AudioBuffer(22050, 1, tone)).detail.find("16000 Hz") != std::string::npos);
    std::vector<float> louder = tone;
    for (float& s : louder) s *= 1.5f;
    CHECK(compare_values(clip, AudioBuffer(16000, 1, louder)).detail.find("SNR") != std::string::npos);

    const VideoValue video{"a.mp4", 2.0, 25, 320, 240, 50};
    VideoValue reencoded = video;
    reencoded.path = "b.mp4";
    reencoded.duration = 2.02;  // within a frame
    CHECK(compare_values(video, reencoded).same);
    reencoded.width = 640;
    CHECK(compare_values(video, reencoded).detail == "320x240 -> 640x240");

}
