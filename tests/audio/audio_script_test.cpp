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

TEST_CASE("click LABEL at T parses to a click with one position, at X Y to two") {
    auto r = parse("click \"Speech\" at 1.5\nclick \"Image\" at 10 20 # a pixel\nclick \"Go\"\n");
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.commands.size() == 3);
    CHECK(std::get<ClickCommand>(r.commands[0].action) == ClickCommand{"Speech", {1.5}});
    CHECK(std::get<ClickCommand>(r.commands[1].action) == ClickCommand{"Image", {10, 20}});
    CHECK(std::get<ClickCommand>(r.commands[2].action).at.empty());
    CHECK(format_command(r.commands[0].action) == "click \"Speech\" at 1.5");
    CHECK(format_command(r.commands[1].action) == "click \"Image\" at 10 20");
}

TEST_CASE("a malformed click position stops the script with FILE:LINE") {
    auto missing = parse("click \"Speech\" at");
    CHECK(missing.error == "tour.txt:1: click ... at needs a time T or a pixel X Y");
    auto word = parse("\nclick \"Speech\" at soon");
    CHECK(word.error.find("tour.txt:2: click ... at needs numbers") == 0);
    auto extra = parse("click \"Speech\" at 1 2 3");
    CHECK(extra.error == "tour.txt:1: unexpected '3' after the command");
    auto other = parse("click \"Speech\" now");
    CHECK(other.error == "tour.txt:1: unexpected 'now' after the command");
    CHECK_FALSE(parse("click \"Speech\" at inf").ok());
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
