// The script language's audio parts: `click "label" at T` parses (and prints
// back), `expect` compares a clip by duration, sample rate and channels.
#include <doctest/doctest.h>
#include <imgr/driver/expectation.h>
#include <imgr/driver/script.h>

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
