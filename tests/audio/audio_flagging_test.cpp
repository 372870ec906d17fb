// Flagging an Audio component: the clip is saved as <label>/N.wav (the cell is
// the relative path), numbered as images are, and loads back from the row as
// the Flagged panel's "Load into the demo" does (value_from_cell).
#include "imgr/engine/engine.h"
#include "imgr/media/audio_builder.h"
#include <doctest/doctest.h>

#include "audio/audio_test_media.h"
#include "flagging/flagging_support.h"
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/media/model/audio_io.h"

#include <chrono>
#include <thread>

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

namespace {
void settle(Engine& engine) {
    for (int i = 0; i < 5000 && !engine.idle(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        engine.poll();
    }
    engine.poll();
}
ComponentId by_label(Blocks& demo, const std::string& label) {
    auto found = demo.engine().find_by_label(label);
    REQUIRE(found.size() == 1);
    return found[0];
}
AudioBuffer reversed(const AudioBuffer& clip) {
    std::vector<float> samples(clip.samples().rbegin(), clip.samples().rend());
    return AudioBuffer(clip.sample_rate(), clip.channels(), std::move(samples));
}
}  // namespace

TEST_CASE("an Interface flags a clip, and its Flagged panel loads it back into the Audio input") {
    if (!audio_files_supported()) return;
    test::TempDir dir;
    Interface demo(reversed, {Audio("Clip")}, Audio("Reversed"),
                   {.flagging_dir = dir.path().string(), .show_flagged = true});
    Engine& engine = demo.engine();
    const AudioBuffer first = test::tone(300, 0.4, 16000);
    engine.set_from_user(by_label(demo, "Clip"), first);
    engine.fire(by_label(demo, "Submit"), Event::Click);
    settle(engine);
    engine.fire(by_label(demo, "Flag"), Event::Click);
    settle(engine);
    CHECK(std::filesystem::is_regular_file(dir / "Clip/0.wav"));
    CHECK(std::filesystem::is_regular_file(dir / "Reversed/0.wav"));
    const auto& table = std::get<TableValue>(engine.component(by_label(demo, "Flagged samples")).spec.value);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0][0] == "Clip/0.wav");

    engine.set_from_user(by_label(demo, "Clip"), test::tone(900, 1.0, 8000));  // something else meanwhile
    const ComponentId choice = by_label(demo, "Flagged sample");
    const auto& choices = std::get<ChoiceProps>(engine.component(choice).spec.props).choices;
    REQUIRE(choices.size() == 1);
    engine.set_from_user(choice, choices[0]);
    engine.fire(by_label(demo, "Load into the demo"), Event::Click);
    settle(engine);
    const auto& loaded = std::get<AudioBuffer>(engine.component(by_label(demo, "Clip")).spec.value);
    CHECK(loaded.sample_rate() == 16000);
    CHECK(loaded.frames() == first.frames());
}
