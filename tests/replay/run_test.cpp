// run_replay on folders the tests write: rows in flagged order whatever order
// they finish in, on several threads; each kind of bad row; corrections as
// the expected answer; and the lines and the summary exactly as documented.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/json_logger.h>
#include <imgr/engine/replay/replay.h>
#include <imgr/model/image_io.h>

#include <mutex>
#include <set>
#include <thread>

#include "flagging/flagging_support.h"

using namespace imgr;
using imgr::test::TempDir;
using imgr::test::write_text;

namespace {

double calculator(double a, const std::string& op, double b) {
    if (op == "add") return a + b;
    if (op == "subtract") return a - b;
    if (op == "divide") {
        if (b == 0) throw Error("Cannot divide by zero!");
        return a / b;
    }
    throw Error("Choose an operation first");
}

ReplaySpec calculator_spec(HandlerFn fn = erase_handler(calculator)) {
    ReplaySpec spec;
    spec.fields = {{"num1", ComponentKind::Number, NumberProps{}},
                   {"operation", ComponentKind::Radio, ChoiceProps{{"add", "subtract", "divide"}}},
                   {"num2", ComponentKind::Number, NumberProps{}},
                   {"Output", ComponentKind::Number, NumberProps{}}};
    spec.inputs = {0, 1, 2};
    spec.outputs = {3};
    spec.handler = std::move(fn);
    return spec;
}

struct Collected {
    std::vector<std::string> lines;
    std::vector<ReplayRow> rows;
    ReplaySummary summary;
};

Collected replay(const ReplaySpec& spec, const std::filesystem::path& dir, ReplayOptions options = {}) {
    Collected out;
    options.on_row = [&](const ReplayRow& row) {
        out.lines.push_back(format_replay_row(row));
        out.rows.push_back(row);
    };
    out.summary = run_replay(spec, dir, options);
    return out;
}

}  // namespace

TEST_CASE("a folder the CSVLogger wrote: unchanged rows, a changed one named, a failing one with its message") {
    TempDir dir;
    CSVLogger logger;
    logger.setup({{"num1", ComponentKind::Number}, {"operation", ComponentKind::Radio}, {"num2", ComponentKind::Number},
                  {"Output", ComponentKind::Number}},
                 dir.path().string(), {.flag_column = true});
    logger.flag({5.0, std::string("add"), 7.0, 12.0}, "other");
    logger.flag({5.0, std::string("add"), 7.0, -12.0}, "wrong sign");  // the model then said -12
    logger.flag({4.0, std::string("divide"), 0.0, 0.0});
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{"row 1 (other): unchanged", "row 2 (wrong sign): changed: Output -12 -> 12",
                                              "row 3: failed: Cannot divide by zero!"});
    CHECK(format_replay_summary(c.summary) == "replay: 3 rows, 1 unchanged, 1 changed, 1 failed, 0 unreadable");
    CHECK(c.summary.exit_code() == 1);
}

TEST_CASE("every row unchanged exits 0, an empty or missing folder exits 2 saying why") {
    TempDir dir;
    JSONLogger logger;
    logger.setup({{"num1", ComponentKind::Number}, {"operation", ComponentKind::Radio}, {"num2", ComponentKind::Number},
                  {"Output", ComponentKind::Number}},
                 dir.path().string());
    logger.flag({1.5, std::string("subtract"), 0.25, 1.25});
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{"row 1: unchanged"});
    CHECK(c.summary.exit_code() == 0);

    TempDir empty;
    const ReplaySummary none = run_replay(calculator_spec(), empty.path());
    CHECK(none.exit_code() == 2);
    CHECK(none.error.find("holds no flagged data") != std::string::npos);
    write_text(empty / "logs.csv", "num1,operation,num2,Output,timestamp\n");
    CHECK(run_replay(calculator_spec(), empty.path()).error.find("no flagged rows") != std::string::npos);
    CHECK(run_replay(calculator_spec(), empty / "missing").exit_code() == 2);
}

TEST_CASE("a correction is the expected answer, and a note is shown with the row") {
    TempDir dir;
    write_text(dir / "logs.csv",
               "num1,operation,num2,Output,Output (corrected),note,flag,timestamp\n"
               "5,add,7,-12,12,\"sign, flipped\",wrong sign,t\n"  // corrected to what the function now says
               "5,add,7,12,13,,off by one,t\n"                      // corrected to something it does not say
               "5,add,7,12,,,other,t\n");                           // no correction: the flagged output
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{"row 1 (wrong sign): unchanged (note: sign, flipped)",
                                              "row 2 (off by one): changed: Output (corrected) 13 -> 12",
                                              "row 3 (other): unchanged"});
}

TEST_CASE("bad rows are unreadable with FILE:LINE and why, the other rows still run") {
    TempDir dir;
    write_text(dir / "logs.csv",
               "num1,operation,num2,Output,timestamp\n"
               "5,add,7,12,t\n"
               "5,add,7\n"                 // wrong column count
               "five,add,7,12,t\n"         // not a number
               "1,add,1,2,t\n"
               "2,add,");                  // cut short
    write_text(dir / "logs_1.csv", "num1,op,num2,Output,timestamp\n1,add,1,2,t\n");  // another app's header
    const Collected c = replay(calculator_spec(), dir.path());
    CHECK(c.lines == std::vector<std::string>{
                         "row 1: unchanged",
                         "row 2: unreadable: logs.csv:3: 3 columns where the header has 5",
                         "row 3: unreadable: logs.csv:4: column \"num1\": 'five' is not a value a Number can take",
                         "row 4: unchanged",
                         "row 5: unreadable: logs.csv:6: the row is cut short: 3 columns where the header has 5",
                         "row 6: unreadable: logs_1.csv:2: the header (line 1) does not match the app's components: "
                         "no column \"operation\""});
    CHECK(format_replay_summary(c.summary) == "replay: 6 rows, 2 unchanged, 0 changed, 0 failed, 4 unreadable");
}

TEST_CASE("images: loaded from their PNGs, a missing or corrupt one makes the row unreadable") {
    TempDir dir;
    CSVLogger logger;
    logger.setup({{"Input", ComponentKind::Image}, {"Output", ComponentKind::Image}}, dir.path().string());
    const ImageBuffer input = imgr::test::test_image(16, 8, 1);
    auto invert = [](const ImageBuffer& image) {
        ImageBuffer out(image.width(), image.height(), image.channels());
        for (size_t i = 0; i < image.pixel_count() * (size_t)image.channels(); ++i) out.mutable_u8()[i] = 255 - image.u8()[i];
        return out;
    };
    logger.flag({input, invert(input)});
    logger.flag({input, input});  // flagged when the model returned its input
    logger.flag({input, invert(input)});
    logger.flag({input, invert(input)});
    std::filesystem::remove(dir / "Input" / "2.png");
    write_text(dir / "Input" / "3.png", "garbage");
    ReplaySpec spec;
    spec.fields = {{"Input", ComponentKind::Image, ImageProps{}}, {"Output", ComponentKind::Image, ImageProps{}}};
    spec.inputs = {0};
    spec.outputs = {1};
    spec.handler = erase_handler(invert);
    const Collected c = replay(spec, dir.path());
    REQUIRE(c.lines.size() == 4);
    CHECK(c.lines[0] == "row 1: unchanged");
    CHECK(c.lines[1].find("row 2: changed: Output max difference") == 0);
    CHECK(c.lines[2].find("row 3: unreadable: logs.csv:4: column \"Input\": cannot load the flagged image") == 0);
    CHECK(c.lines[3].find("row 4: unreadable: logs.csv:5: column \"Input\": cannot load the flagged image") == 0);
}

TEST_CASE("rows run on several threads at once and are reported in flagged order") {
    TempDir dir;
    std::string csv = "num1,operation,num2,Output,timestamp\n";
    for (int i = 0; i < 40; ++i) csv += std::to_string(i) + ",add,1," + std::to_string(i + 1) + ",t\n";
    write_text(dir / "logs.csv", csv);
    std::mutex mutex;
    std::set<std::thread::id> threads;
    int running = 0, most_at_once = 0;
    const HandlerFn slow_first = [&](const Values& in, Progress&) -> HandlerOutputs {
        {
            std::lock_guard lock(mutex);
            threads.insert(std::this_thread::get_id());
            most_at_once = std::max(most_at_once, ++running);
        }
        // Early rows finish last: the order of the report cannot come from the order of finishing.
        const double a = std::get<double>(in[0]);
        std::this_thread::sleep_for(std::chrono::milliseconds(a < 4 ? 30 : 1));
        {
            std::lock_guard lock(mutex);
            --running;
        }
        return {Update().value(a + std::get<double>(in[2]))};
    };
    std::vector<int> progress;
    std::vector<double> fractions;
    ReplayOptions options;
    options.threads = 4;
    options.on_progress = [&](int done, double fraction) {
        progress.push_back(done);
        fractions.push_back(fraction);
    };
    const Collected c = replay(calculator_spec(slow_first), dir.path(), options);
    REQUIRE(c.rows.size() == 40);
    for (int i = 0; i < 40; ++i) CHECK(c.rows[(size_t)i].number == i + 1);
    CHECK(c.summary.unchanged == 40);
    CHECK(threads.size() > 1);
    CHECK(threads.count(std::this_thread::get_id()) == 0);  // never on the caller's thread
    CHECK(most_at_once > 1);
    CHECK(most_at_once <= 4);
    CHECK(progress.back() == 40);
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));
    CHECK(fractions.front() > 0);
    CHECK(fractions.back() == doctest::Approx(1.0));
}

TEST_CASE("an Interface replays its function, a Blocks app replays the event it names, or says it cannot") {
    Interface demo(calculator, {Number("num1"), Radio("operation", {"add", "subtract"}), Number("num2")}, Number(),
                   {.flagging_options = {"wrong sign"}});
    std::string why;
    const std::optional<ReplaySpec> spec = BlocksAccess::replay_spec(demo, why);
    REQUIRE(spec);
    CHECK(spec->fields.size() == 4);
    CHECK(spec->fields[3].column == "Output");
    CHECK(spec->inputs == std::vector<size_t>{0, 1, 2});
    CHECK(spec->outputs == std::vector<size_t>{3});

    Blocks blocks("b");
    auto a = blocks.add(Number("a"));
    auto doubled = blocks.add(Number("doubled"));
    auto hidden = blocks.add(Number("hidden"));
    auto run = a.change([](double x) { return 2 * x; }, {a}, doubled);
    CHECK_FALSE(BlocksAccess::replay_spec(blocks, why));
    CHECK(why.find("replay_with") != std::string::npos);
    blocks.replay_with(run, {a, doubled});
    const std::optional<ReplaySpec> named = BlocksAccess::replay_spec(blocks, why);
    REQUIRE(named);
    TempDir dir;
    write_text(dir / "logs.csv", "a,doubled,timestamp\n2,4,t\n3,5,t\n");
    CHECK(replay(*named, dir.path()).lines == std::vector<std::string>{"row 1: unchanged", "row 2: changed: doubled 5 -> 6"});
    // An input the flagged rows do not hold cannot be replayed: said, not guessed.
    auto from_hidden = hidden.change([](double x) { return x; }, {hidden}, doubled);
    blocks.replay_with(from_hidden, {a, doubled});
    CHECK_FALSE(BlocksAccess::replay_spec(blocks, why));
    CHECK(why.find("'hidden'") != std::string::npos);
}

TEST_CASE("a Slider output replays as the engine stores it: snapped to its step, NaN at its minimum") {
    // The function returns its input; the Slider (0 to 1 by 0.1) stores 0.26 as 0.3 and NaN as 0.
    Interface demo([](double x) { return x; }, {Number("x")}, Slider("level", 0, 1).step(0.1));
    std::string why;
    const std::optional<ReplaySpec> spec = BlocksAccess::replay_spec(demo, why);
    REQUIRE(spec);
    TempDir dir;
    write_text(dir / "logs.csv", "x,level,timestamp\n0.26,0.3,t\nnan,0,t\n");
    const Collected c = replay(*spec, dir.path(), {.with_values = true});
    INFO((c.lines.size() > 1 ? c.lines[0] + " / " + c.lines[1] : std::string()));
    CHECK(c.lines == std::vector<std::string>{"row 1: unchanged", "row 2: unchanged"});
    Engine& engine = demo.engine();
    const ComponentId level = engine.find_by_label("level").at(0);
    REQUIRE(c.rows.size() == 2);
    for (const ReplayRow& row : c.rows) {
        engine.set_from_program(level, row.inputs.at(0).flagged);  // the function's raw output
        CHECK(values_equal(engine.component(level).spec.value, row.outputs.at(0).replayed));
    }
}
