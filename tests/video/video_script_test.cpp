// The script language's video parts: `click "label" at T` parses (and prints
// back), `expect` on a video's duration, fps, size and frame count.
#include <doctest/doctest.h>
#include <imgr/driver/expectation.h>
#include <imgr/driver/script.h>
#include <imgr/media/module_link.h>  // the Video kind's traits come with the module, as in an app

using namespace imgr;

TEST_CASE("click \"label\" at T parses to one number, at X Y to two, a missing or bad number is an error") {
    ScriptParseResult parsed = parse_script("click \"Clip\" at 1.5\nclick \"Picture\" at 10 20\nclick \"Run\"\n", "t.txt", ".");
    REQUIRE_MESSAGE(parsed.ok(), parsed.error);
    REQUIRE(parsed.commands.size() == 3);
    CHECK(std::get<ClickTimeCommand>(parsed.commands[0].action) == ClickTimeCommand{"Clip", 1.5});
    CHECK(std::get<ClickPixelCommand>(parsed.commands[1].action) == ClickPixelCommand{"Picture", 10, 20});
    CHECK(std::get<ClickCommand>(parsed.commands[2].action).label == "Run");
    CHECK(format_command(parsed.commands[0].action) == "click \"Clip\" at 1.5");

    for (const char* bad : {"click \"Clip\" at\n", "click \"Clip\" at soon\n", "click \"Clip\" at 1 2 3\n", "click \"Clip\" 5\n"}) {
        CAPTURE(bad);
        ScriptParseResult result = parse_script(bad, "t.txt", ".");
        CHECK_FALSE(result.ok());
        CHECK(result.error.rfind("t.txt:1: ", 0) == 0);
    }
}

TEST_CASE("expect on a video: any of duration, fps, width, height, frames - duration within half a frame") {
    VideoValue video;
    video.path = "clip.mp4";
    video.duration = 2.0;
    video.fps = 25;
    video.width = 320;
    video.height = 240;
    video.frame_count = 50;
    CHECK_FALSE(check_expected(video, Json::parse(R"({"duration": 2, "fps": 25, "width": 320, "height": 240})")));
    CHECK_FALSE(check_expected(video, Json::parse(R"({"frames": 50})")));
    CHECK_FALSE(check_expected(video, Json::parse(R"({"duration": 2.019})")));
    auto wrong = check_expected(video, Json::parse(R"({"duration": 2.5})"));
    REQUIRE(wrong);
    CHECK(wrong->find("duration") != std::string::npos);
    CHECK(check_expected(video, Json::parse(R"({"width": 640})")));
    CHECK(check_expected(video, Json::parse(R"({"colour": 1})"))->find("no \"colour\"") != std::string::npos);
    CHECK(check_expected(video, Json(nullptr)));
    CHECK_FALSE(check_expected(VideoValue{}, Json(nullptr)));
    CHECK(check_expected(video, Json(5)));
}
