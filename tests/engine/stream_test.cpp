// Streaming handlers (imgr::Stream<T>) and stopping runs, without a window:
// every value in order when the UI keeps up, latest-wins and bounded when it
// does not, failures mid-stream, chains after the end, cancellation at a
// co_yield and at a Progress report, timers that stream.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <support/settle.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace std::chrono_literals;
using imgr_test::settle;

namespace {

// Waits (without asserting on time) until `done` holds, polling the engine as a frame would.
template <class Pred>
bool poll_until(imgr::Engine& engine, Pred done, std::chrono::milliseconds limit = 10000ms) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        engine.poll();
        std::this_thread::sleep_for(200us);
    }
    return true;
}

// A stream that waits after each value until the UI side has shown it: the
// "slow" stream, whose every value must arrive.
struct Lockstep {
    std::atomic<int> shown{0};
    bool wait_shown(int value) const {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (shown.load() < value)
            if (std::chrono::steady_clock::now() > deadline) return false;
            else std::this_thread::sleep_for(50us);
        return true;
    }
};

imgr::Stream<double> count_in_lockstep(std::shared_ptr<Lockstep> step, int count) {
    for (int i = 1; i <= count; ++i) {
        co_yield (double)i;
        if (!step->wait_shown(i)) co_return;
    }
}

struct StreamApp {
    imgr::Blocks demo{"stream"};
    imgr::Handle<double> n, out;
    imgr::Handle<std::string> go, stop;
    StreamApp() {
        n = demo.add(imgr::Number("n"));
        out = demo.add(imgr::Number("out"));
        go = demo.add(imgr::Button("Go"));
        stop = demo.add(imgr::Button("Stop"));
    }
    // Every value `out` took, by a change listener: it runs on a worker while the test reads.
    std::mutex seen_mutex;
    std::vector<double> seen_values;
    void record_changes() {
        out.change(
            [this](double v) {
                std::lock_guard lock(seen_mutex);
                seen_values.push_back(v);
            },
            {out});
    }
    std::vector<double> seen() {
        std::lock_guard lock(seen_mutex);
        return seen_values;
    }
};

}  // namespace

TEST_CASE_FIXTURE(StreamApp, "a slow stream: every yielded value arrives, in order, and the last one stays") {
    auto step = std::make_shared<Lockstep>();
    go.click([step](double count) { return count_in_lockstep(step, (int)count); }, {n}, out);
    std::vector<double> shown;
    n.set(30);
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] {
        if (shown.empty() || shown.back() != out.value()) shown.push_back(out.value());
        step->shown = (int)out.value();
        return demo.engine().idle();
    }));
    std::vector<double> expected;
    for (int i = 0; i <= 30; ++i) expected.push_back(i);  // 0: the value before the first yield
    CHECK(shown == expected);
    CHECK(out.value() == 30);
}

TEST_CASE_FIXTURE(StreamApp, "a fast stream is coalesced: the latest value wins and one value per run waits") {
    record_changes();
    auto produced = std::make_shared<std::atomic<int>>(0);
    go.click(
        [produced]() -> imgr::Stream<double> {
            for (int i = 1; i <= 100000; ++i) {
                co_yield (double)i;
                produced->store(i);
            }
        },
        {}, out);
    demo.engine().fire(go.id(), imgr::Event::Click);
    // No frame while it yields 100,000 values: what waits for the UI stays one value.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (produced->load() < 100000 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    REQUIRE(produced->load() == 100000);
    CHECK(demo.engine().streamed_values_waiting() == 1);
    settle(demo.engine());
    CHECK(out.value() == 100000);
    const std::vector<double> changes = seen();
    REQUIRE_FALSE(changes.empty());
    CHECK(changes.size() <= 2);  // the first value may have been taken by a frame before the rest; then only the last
    CHECK(changes.back() == 100000);
}

TEST_CASE_FIXTURE(StreamApp, "a stream with several outputs yields tuples, each yield updates them all") {
    auto label = demo.add(imgr::Textbox("label"));
    auto step = std::make_shared<Lockstep>();
    go.click(
        [step]() -> imgr::Stream<std::tuple<double, std::string>> {
            for (int i = 1; i <= 3; ++i) {
                co_yield {i * 10.0, "step " + std::to_string(i)};
                if (!step->wait_shown(i)) co_return;
            }
        },
        {}, {out, label});
    std::vector<std::string> labels;
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] {
        if (labels.empty() || labels.back() != label.value()) labels.push_back(label.value());
        step->shown = (int)(out.value() / 10);
        return demo.engine().idle();
    }));
    CHECK(labels == std::vector<std::string>{"", "step 1", "step 2", "step 3"});
    CHECK(out.value() == 30);
}

TEST_CASE_FIXTURE(StreamApp, "an exception mid-stream keeps the last good value, shows the message, skips .success()") {
    auto step = std::make_shared<Lockstep>();
    std::atomic<int> then_ran{0}, success_ran{0};
    go.click(
          [step]() -> imgr::Stream<double> {
              co_yield 1.0;
              if (!step->wait_shown(1)) co_return;
              co_yield 2.0;
              if (!step->wait_shown(2)) co_return;
              throw std::runtime_error("the model diverged");
          },
          {}, out)
        .then([&] { ++then_ran; });
    go.click([] { return imgr::Stream<double>(); }, {}, n).success([&] { ++success_ran; });  // an empty stream succeeds
    auto failing = go.click(
        []() -> imgr::Stream<double> {
            co_yield 5.0;
            throw imgr::Error("stopped on purpose");
        },
        {}, n);
    failing.success([&] { ++success_ran; });
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] {
        step->shown = (int)out.value();
        return demo.engine().idle();
    }));
    CHECK(out.value() == 2);
    CHECK(n.value() == 5);
    CHECK(then_ran == 1);
    CHECK(success_ran == 1);  // only the empty stream's step
    std::vector<std::string> texts;
    for (const imgr::Message& m : demo.engine().take_messages()) texts.push_back(m.text);
    REQUIRE(texts.size() == 2);
    CHECK((texts[0].find("the model diverged") != std::string::npos || texts[1].find("the model diverged") != std::string::npos));
    CHECK((texts[0] == "stopped on purpose" || texts[1] == "stopped on purpose"));
}

TEST_CASE_FIXTURE(StreamApp, ".then() runs after the stream ended and sees its last value") {
    auto step = std::make_shared<Lockstep>();
    auto after = demo.add(imgr::Number("after"));
    std::atomic<bool> stream_ended{false};
    std::atomic<bool> then_saw_end{false};
    go.click(
          [step, &stream_ended]() -> imgr::Stream<double> {
              for (int i = 1; i <= 5; ++i) {
                  co_yield (double)i;
                  if (!step->wait_shown(i)) co_return;
              }
              stream_ended = true;
          },
          {}, out)
        .then(
            [&](double last) {
                then_saw_end = stream_ended.load();
                return last * 100;
            },
            {out}, after);
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] {
        step->shown = (int)out.value();
        return demo.engine().idle();
    }));
    CHECK(then_saw_end);
    CHECK(after.value() == 500);
}

namespace {
// Counts values yielded and whether the coroutine's frame was destroyed.
struct Witness {
    std::atomic<int> yielded{0};
    std::atomic<bool> destroyed{false};
};
struct SetOnDestroy {
    std::shared_ptr<Witness> witness;
    ~SetOnDestroy() { witness->destroyed = true; }
};
imgr::Stream<double> forever(std::shared_ptr<Witness> witness) {
    SetOnDestroy guard{witness};
    for (int i = 1;; ++i) {
        witness->yielded = i;
        co_yield (double)i;
        std::this_thread::sleep_for(1ms);
    }
}
}  // namespace

TEST_CASE_FIXTURE(StreamApp, "Stop (cancels=) ends a stream at its next co_yield, nothing of it arrives later") {
    auto witness = std::make_shared<Witness>();
    auto run = go.click([witness] { return forever(witness); }, {}, out);
    stop.click(nullptr, {}, {}, {.cancels = {run}});
    record_changes();
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] { return out.value() >= 5; }));
    demo.engine().fire(stop.id(), imgr::Event::Click);
    CHECK_FALSE(demo.engine().busy(out.id()));  // at once: the window does not wait for the worker
    const int yielded_at_stop = witness->yielded;
    const double shown_at_stop = out.value();
    // The coroutine is not resumed again: its frame is destroyed (at the latest after the yield it was in).
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!witness->destroyed && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    REQUIRE(witness->destroyed);
    // A change listener of a value shown before the stop may still be running: counted once it ends.
    REQUIRE(poll_until(demo.engine(), [&] { return demo.engine().idle(); }));
    const size_t changes_at_stop = seen().size();
    CHECK(witness->yielded <= yielded_at_stop + 1);
    for (int frame = 0; frame < 20; ++frame) {  // frames after the stop show what was there
        demo.engine().poll();
        std::this_thread::sleep_for(1ms);
    }
    CHECK(out.value() == shown_at_stop);
    CHECK(seen().size() == changes_at_stop);
    // A new run starts fresh after a stop.
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] { return witness->yielded >= 3 && !demo.engine().idle(); }));
    demo.engine().fire(stop.id(), imgr::Event::Click);
    CHECK_FALSE(demo.engine().busy(out.id()));
    settle(demo.engine());  // the change listener's last runs
}

TEST_CASE_FIXTURE(StreamApp, "a plain handler sees imgr::Cancelled at its next Progress report, its result is dropped") {
    std::atomic<bool> started{false}, saw_cancelled{false};
    auto run = go.click(
        [&](imgr::Progress& progress) {
            started = true;
            try {
                for (int i = 0; i < 100000; ++i) {
                    progress(i / 100000.0, "working");
                    std::this_thread::sleep_for(1ms);
                }
            } catch (const imgr::Cancelled&) {
                saw_cancelled = true;
            }
            return 99.0;  // comes too late to be shown
        },
        {}, out);
    stop.click(nullptr, {}, {}, {.cancels = {run}});
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] { return started.load(); }));
    demo.engine().fire(stop.id(), imgr::Event::Click);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!saw_cancelled && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    CHECK(saw_cancelled);
    std::this_thread::sleep_for(5ms);
    settle(demo.engine());
    CHECK(out.value() == 0);
    CHECK(demo.engine().take_messages().empty());  // a stop is not an error
}

TEST_CASE_FIXTURE(StreamApp, "Progress works inside a stream, and a stopped stream's Progress raises Cancelled") {
    auto witness = std::make_shared<Witness>();
    std::atomic<double> reported{-1};
    auto run = go.click(
        [witness](imgr::Progress& progress) -> imgr::Stream<double> {
            SetOnDestroy guard{witness};
            for (int i = 1;; ++i) {
                progress(0.5, "halfway");
                witness->yielded = i;
                co_yield (double)i;
                std::this_thread::sleep_for(1ms);
            }
        },
        {}, out);
    stop.click(nullptr, {}, {}, {.cancels = {run}});
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] { return out.value() >= 2; }));
    std::string description;
    CHECK(demo.engine().progress(out.id(), &description) == 0.5);
    CHECK(description == "halfway");
    CHECK(demo.engine().streaming(out.id()));
    demo.engine().fire(stop.id(), imgr::Event::Click);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!witness->destroyed && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    CHECK(witness->destroyed);
    CHECK_FALSE(demo.engine().streaming(out.id()));
}

TEST_CASE_FIXTURE(StreamApp, "a timer can stream: each tick's values arrive") {
    auto step = std::make_shared<Lockstep>();
    auto ticks = std::make_shared<std::atomic<int>>(0);
    auto on = demo.add(imgr::Checkbox("on", true));
    demo.every(
        0.001,
        [step, ticks]() -> imgr::Stream<double> {
            const int tick = ++*ticks;
            for (int i = 1; i <= 3; ++i) {
                co_yield tick * 10.0 + i;  // 11, 12, 13, then 21, 22, 23
                if (!step->wait_shown(tick * 10 + i)) co_return;
            }
        },
        {}, out, {}, on);
    std::vector<double> shown;
    REQUIRE(poll_until(demo.engine(), [&] {
        if (shown.empty() || shown.back() != out.value()) shown.push_back(out.value());
        step->shown = (int)out.value();
        if (out.value() == 23) on.set(false);
        return out.value() == 23 && demo.engine().idle();
    }));
    CHECK(shown == std::vector<double>{0, 11, 12, 13, 21, 22, 23});
}

TEST_CASE("Interface: Submit reads Stop while the function streams, a click on it stops, and it reads Submit after") {
    auto witness = std::make_shared<Witness>();
    imgr::Interface demo([witness](double) { return forever(witness); }, {imgr::Number("n")}, imgr::Number("out"),
                         {.flagging_mode = imgr::FlaggingMode::Never});
    auto& engine = demo.engine();
    const auto submit = engine.find_by_label("Submit");
    REQUIRE(submit.size() == 1);
    CHECK_FALSE(engine.shows_stop(submit[0]));
    CHECK(engine.find_by_label("Stop").empty());
    engine.fire(submit[0], imgr::Event::Click);
    CHECK(engine.shows_stop(submit[0]));
    CHECK(engine.find_by_label("Stop") == submit);  // a script's click "Stop"
    const imgr::ComponentId out = demo.outputs()[0];
    REQUIRE(poll_until(engine, [&] { return std::get<double>(engine.component(out).spec.value) >= 3; }));
    engine.fire(submit[0], imgr::Event::Click);  // the same button, now Stop
    CHECK_FALSE(engine.shows_stop(submit[0]));
    CHECK(engine.idle());
    const double shown = std::get<double>(engine.component(out).spec.value);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!witness->destroyed && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    CHECK(witness->destroyed);
    for (int frame = 0; frame < 10; ++frame) engine.poll();
    CHECK(std::get<double>(engine.component(out).spec.value) == shown);
}

TEST_CASE("Interface: a function that ends by itself turns Stop back into Submit") {
    imgr::Interface demo(
        [](double n) -> imgr::Stream<double> {
            for (int i = 1; i <= (int)n; ++i) co_yield (double)i;
        },
        {imgr::Number("n", 4)}, imgr::Number("out"), {.flagging_mode = imgr::FlaggingMode::Never});
    auto& engine = demo.engine();
    const imgr::ComponentId submit = engine.find_by_label("Submit").at(0);
    engine.fire(submit, imgr::Event::Click);
    CHECK(engine.shows_stop(submit));
    settle(engine);
    CHECK_FALSE(engine.shows_stop(submit));
    CHECK(std::get<double>(engine.component(demo.outputs()[0]).spec.value) == 4);
}

TEST_CASE("cancels= names a listener of the same Blocks") {
    imgr::Blocks a("a"), b("b");
    auto go = a.add(imgr::Button("Go"));
    auto stop = b.add(imgr::Button("Stop"));
    auto run = go.click([] {});
    CHECK_THROWS_AS(stop.click(nullptr, {}, {}, {.cancels = {run}}), imgr::UsageError);
}

TEST_CASE_FIXTURE(StreamApp, "in lockstep (recording), a stream shows every value, one per frame, however fast it yields") {
    demo.engine().set_stream_lockstep(true);
    go.click(
        []() -> imgr::Stream<double> {
            for (int i = 1; i <= 200; ++i) co_yield (double)i;
        },
        {}, out);
    demo.engine().fire(go.id(), imgr::Event::Click);
    std::vector<double> frames;
    for (int frame = 0; frame < 1000 && !demo.engine().idle(); ++frame) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!demo.engine().settled() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50us);
        demo.engine().poll();  // the frame
        frames.push_back(out.value());
    }
    std::vector<double> expected;
    for (int i = 1; i <= 200; ++i) expected.push_back(i);
    if (!frames.empty() && frames.back() == 200 && frames.size() == 201) frames.pop_back();  // the end may take a frame of its own
    CHECK(frames == expected);
}

TEST_CASE("an app closed while a lockstep stream waits for a frame does not hang") {
    auto witness = std::make_shared<Witness>();
    {
        StreamApp app;
        app.demo.engine().set_stream_lockstep(true);
        app.go.click([witness] { return forever(witness); }, {}, app.out);
        app.demo.engine().fire(app.go.id(), imgr::Event::Click);
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (app.demo.engine().streamed_values_waiting() == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(1ms);
        REQUIRE(app.demo.engine().streamed_values_waiting() == 1);
        std::this_thread::sleep_for(5ms);
        CHECK(witness->yielded == 1);  // it waits for a frame before the next value
    }  // the engine's destruction releases it; the executor then waits for it to end
    CHECK(witness->destroyed);
}

TEST_CASE_FIXTURE(StreamApp, "a flag while a stream runs saves what is on screen") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("imgr_stream_flag_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto step = std::make_shared<Lockstep>();
    auto release = std::make_shared<std::atomic<bool>>(false);
    go.click(
        [step, release]() -> imgr::Stream<double> {
            co_yield 1.0;
            if (!step->wait_shown(1)) co_return;
            co_yield 2.0;
            const auto deadline = std::chrono::steady_clock::now() + 10s;
            while (!*release && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
            co_yield 3.0;
        },
        {}, out);
    imgr::CSVLogger callback;
    callback.setup({out}, dir.string());
    auto flag = demo.add(imgr::Button("Flag"));
    demo.flag_button(flag, callback, {out});
    demo.engine().fire(go.id(), imgr::Event::Click);
    REQUIRE(poll_until(demo.engine(), [&] {
        step->shown = (int)out.value();
        return out.value() == 2;
    }));
    demo.engine().fire(flag.id(), imgr::Event::Click);
    auto rows = [&] {
        std::ifstream file(dir / "logs.csv");
        std::vector<std::string> lines;
        for (std::string line; std::getline(file, line);) lines.push_back(line);
        return lines;
    };
    REQUIRE(poll_until(demo.engine(), [&] { return rows().size() == 2; }));
    CHECK(rows()[1].rfind("2,", 0) == 0);  // the value on screen when Flag was clicked
    *release = true;
    settle(demo.engine());
    CHECK(out.value() == 3);
    fs::remove_all(dir);
}
