// Flagging an Audio component: the clip is saved as <label>/N.wav (the cell is
// the relative path), numbered as images are, and loads back from the row as
// the Flagged panel's "Load into the demo" does (value_from_cell).
#include <doctest/doctest.h>

#include "audio/audio_test_media.h"
#include "flagging/flagging_support.h"
#include "imgr/engine/flagged_rows.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/model/audio_io.h"

using namespace imgr;

TEST_CASE("a flagged clip is saved as <label>/N.wav and loads back from its row") {
    if (!audio_files_supported()) return;
    test::TempDir dir;
    CSVLogger logger;
    logger.setup({{"speech", ComponentKind::Audio}, {"text", ComponentKind::Textbox}}, dir.path().string());
    const AudioBuffer first = test::tone(220, 0.3, 16000), second = test::tone(880, 0.2, 22050, 2);
    CHECK(logger.flag({first, std::string("hello")}) == 1);
    CHECK(logger.flag({second, std::string("world")}) == 2);
    CHECK(logger.flag({AudioBuffer{}, std::string("nothing")}) == 3);  // no clip: an empty cell, no file
    CHECK(std::filesystem::is_regular_file(dir / "speech/0.wav"));
    CHECK(std::filesystem::is_regular_file(dir / "speech/1.wav"));
    CHECK_FALSE(std::filesystem::exists(dir / "speech/2.wav"));

    const auto rows = test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"speech", "text", "timestamp"});
    CHECK(rows[1][0] == "speech/0.wav");
    CHECK(rows[2][0] == "speech/1.wav");
    CHECK(rows[3][0] == "");

    const FlaggedRows flagged = read_flagged_rows(logger);
    REQUIRE(flagged.rows.size() == 3);
    const Value back = value_from_cell(ComponentKind::Audio, AudioProps{}, flagged.rows[1][0], flagged.dir);
    const auto& clip = std::get<AudioBuffer>(back);
    CHECK(clip.sample_rate() == 22050);
    CHECK(clip.channels() == 2);
    CHECK(clip.frames() == second.frames());
    CHECK(std::get<AudioBuffer>(value_from_cell(ComponentKind::Audio, AudioProps{}, "", flagged.dir)).empty());
    CHECK_THROWS_WITH_AS(value_from_cell(ComponentKind::Audio, AudioProps{}, "speech/9.wav", flagged.dir),
                         doctest::Contains("cannot load the flagged audio"), Error);

    // Numbering continues across restarts and never overwrites.
    CSVLogger again;
    again.setup({{"speech", ComponentKind::Audio}, {"text", ComponentKind::Textbox}}, dir.path().string());
    CHECK(again.flag({first, std::string("again")}) == 4);
    CHECK(std::filesystem::is_regular_file(dir / "speech/2.wav"));
}

TEST_CASE("the JSON logger stores a flagged clip as its relative path too") {
    if (!audio_files_supported()) return;
    test::TempDir dir;
    JSONLogger logger;
    logger.setup({{"clip", ComponentKind::Audio}}, dir.path().string());
    CHECK(logger.flag({test::tone(440, 0.1)}) == 1);
    const Json record = Json::parse(test::read_text(dir / "logs.jsonl"));
    CHECK(record["clip"] == "clip/0.wav");
    AudioLoadResult loaded = load_audio_file((dir / "clip/0.wav").string());
    REQUIRE(loaded);
    CHECK(loaded.audio.duration() == doctest::Approx(0.1));
}
