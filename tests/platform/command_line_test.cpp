#include <doctest/doctest.h>
#include <imgr/platform/command_line.h>

using imgr::parse_command_line;

TEST_CASE("no arguments gives the defaults") {
    auto r = parse_command_line(std::vector<std::string>{});
    CHECK(r.error.empty());
    CHECK(r.options.fps == 30);
    CHECK_FALSE(r.options.headless);
    CHECK(r.options.width == 0);
}

TEST_CASE("every flag of docs/command-line.md is understood") {
    auto r = parse_command_line({"--script", "tour.txt", "--screenshot", "a.png", "--record", "out.mp4", "--fps", "60",
                                 "--pace", "fast", "--size", "800x600", "--flagging-dir", "flags", "--headless",
                                 "--frames", "5"});
    REQUIRE(r.error.empty());
    CHECK(r.options.script == "tour.txt");
    CHECK(r.options.screenshot == "a.png");
    CHECK(r.options.record == "out.mp4");
    CHECK(r.options.fps == 60);
    CHECK(r.options.pace_fast);
    CHECK(r.options.width == 800);
    CHECK(r.options.height == 600);
    CHECK(r.options.flagging_dir == "flags");
    CHECK(r.options.headless);
    CHECK(r.options.frames == 5);
}

TEST_CASE("--flag=value works like --flag value") {
    auto r = parse_command_line({"--size=640x480", "--screenshot=x.png"});
    REQUIRE(r.error.empty());
    CHECK(r.options.width == 640);
    CHECK(r.options.screenshot == "x.png");
}

TEST_CASE("--help is recognised") { CHECK(parse_command_line({"--help"}).options.help); }

TEST_CASE("an unknown flag is an error naming it") {
    auto r = parse_command_line({"--headless", "--colour", "red"});
    CHECK(r.error.find("--colour") != std::string::npos);
}

TEST_CASE("bad values are errors that say what was expected") {
    CHECK(parse_command_line({"--size", "800"}).error.find("WIDTHxHEIGHT") != std::string::npos);
    CHECK_FALSE(parse_command_line({"--size", "0x600"}).error.empty());
    CHECK_FALSE(parse_command_line({"--size", "800x600x3"}).error.empty());
    CHECK_FALSE(parse_command_line({"--fps", "fast"}).error.empty());
    CHECK_FALSE(parse_command_line({"--fps", "0"}).error.empty());
    CHECK_FALSE(parse_command_line({"--frames", "-1"}).error.empty());
    CHECK_FALSE(parse_command_line({"--pace", "slow"}).error.empty());
    CHECK(parse_command_line({"--screenshot"}).error.find("needs") != std::string::npos);
}

TEST_CASE("the usage lists every flag") {
    const std::string text = imgr::usage("app");
    for (const char* flag : {"--script", "--screenshot", "--record", "--fps", "--pace", "--size", "--flagging-dir",
                             "--headless", "--frames", "--help"})
        CHECK_MESSAGE(text.find(flag) != std::string::npos, flag);
}

TEST_CASE("the replay options: a folder, a tolerance from 0 to 1, a report file") {
    auto r = parse_command_line({"--replay", "flagged", "--replay-tolerance", "1e-6", "--replay-report", "r.html"});
    REQUIRE(r.error.empty());
    CHECK(r.options.replay == "flagged");
    CHECK(r.options.replay_tolerance == 1e-6);
    CHECK(r.options.replay_report == "r.html");
    CHECK(parse_command_line(std::vector<std::string>{}).options.replay_tolerance == 1e-9);
    CHECK(parse_command_line({"--replay-tolerance", "-1"}).error ==
          "--replay-tolerance needs a number from 0 to 1, not '-1'");
    CHECK_FALSE(parse_command_line({"--replay-tolerance", "abc"}).error.empty());
    CHECK_FALSE(parse_command_line({"--replay", ""}).error.empty());
}

TEST_CASE("--serve takes an optional [HOST:]PORT, 127.0.0.1:5900 by default") {
    auto plain = parse_command_line({"--serve", "--size", "800x600"});
    REQUIRE(plain.error.empty());
    CHECK(plain.options.serve);
    CHECK(plain.options.serve_host == "127.0.0.1");
    CHECK(plain.options.serve_port == 5900);
    CHECK(plain.options.width == 800);
    auto port = parse_command_line({"--serve", "5901"});
    REQUIRE(port.error.empty());
    CHECK(port.options.serve_host == "127.0.0.1");
    CHECK(port.options.serve_port == 5901);
    auto both = parse_command_line({"--serve=localhost:6000", "--serve-view-only"});
    REQUIRE(both.error.empty());
    CHECK(both.options.serve_host == "localhost");
    CHECK(both.options.serve_port == 6000);
    CHECK(both.options.serve_view_only);
    CHECK(parse_command_line({"--serve", "127.0.0.1:99999"}).error.find("--serve needs [HOST:]PORT") == 0);
}

TEST_CASE("--serve on an address other machines reach needs --serve-password, and says why") {
    auto refused = parse_command_line({"--serve", "0.0.0.0:5900"});
    CHECK(refused.error.find("needs --serve-password FILE") != std::string::npos);
    CHECK(refused.error.find("VNC authentication is not encryption") != std::string::npos);
    CHECK(refused.error.find("SSH tunnel") != std::string::npos);
    auto allowed = parse_command_line({"--serve", "0.0.0.0:5900", "--serve-password", "pw.txt"});
    CHECK(allowed.error.empty());
    CHECK(allowed.options.serve_password == "pw.txt");
    CHECK(parse_command_line({"--serve-password", "pw.txt"}).error == "--serve-password needs --serve");
    CHECK(imgr::is_loopback_host("127.0.0.2"));
    CHECK(imgr::is_loopback_host("::1"));
    CHECK_FALSE(imgr::is_loopback_host("192.168.1.4"));
}

TEST_CASE("--watch is a switch, refused with --script, --record and --replay, which run one binary start to end") {
    CHECK(parse_command_line({"--watch"}).options.watch);
    CHECK_FALSE(parse_command_line(std::vector<std::string>{}).options.watch);
    CHECK(parse_command_line({"--watch", "--size", "800x600", "--headless"}).error.empty());
    CHECK(parse_command_line({"--watch", "--script", "t.tour"}).error ==
          "--watch cannot be used with --script, which must run one binary from start to end");
    CHECK(parse_command_line({"--record", "frames", "--watch"}).error ==
          "--watch cannot be used with --record, which must run one binary from start to end");
    CHECK(parse_command_line({"--watch", "--replay=flagged"}).error ==
          "--watch cannot be used with --replay, which must run one binary from start to end");
    CHECK(imgr::usage("app").find("--watch") != std::string::npos);
}

TEST_CASE("--watch-build CMD implies --watch, and --watch-sources DIR needs it") {
    auto r = parse_command_line({"--watch-build", "cmake --build build", "--watch-sources", "src"});
    REQUIRE(r.error.empty());
    CHECK(r.options.watch);
    CHECK(r.options.watch_build == "cmake --build build");
    CHECK(r.options.watch_sources == "src");
    CHECK(parse_command_line({"--watch", "--watch-sources", "src"}).error ==
          "--watch-sources needs --watch-build: it names what the build follows");
    CHECK(parse_command_line({"--watch-build", "make", "--script", "t.tour"}).error ==
          "--watch cannot be used with --script, which must run one binary from start to end");
    CHECK_FALSE(parse_command_line({"--watch-build", ""}).error.empty());
}
