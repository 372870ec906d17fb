// The event graph without a window: listeners, trigger modes, chains,
// failures and cycles, as in Gradio's Blocks.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <support/settle.h>

#include <atomic>
#include <limits>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

namespace {

double calculator(double num1, const std::string& operation, double num2) {
    if (operation == "add") return num1 + num2;
    if (operation == "subtract") return num1 - num2;
    if (operation == "multiply") return num1 * num2;
    if (operation == "divide") {
        if (num2 == 0) throw imgr::Error("Cannot divide by zero!");
        return num1 / num2;
    }
    throw std::invalid_argument("unknown operation " + operation);
}

using imgr_test::settle;

struct Calculator {
    imgr::Blocks demo{"calc"};
    imgr::Handle<double> num1, num2, output;
    imgr::Handle<std::string> operation, submit;
    Calculator() {
        demo.row([&] {
            demo.column([&] {
                num1 = demo.add(imgr::Number("num1"));
                operation = demo.add(imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}));
                num2 = demo.add(imgr::Number("num2"));
                submit = demo.add(imgr::Button("Submit").primary());
            });
            output = demo.add(imgr::Number("Output"));
        });
        submit.click(calculator, {num1, operation, num2}, output);
    }
};

}  // namespace

TEST_CASE_FIXTURE(Calculator, "a click runs the handler on a worker and fills the output") {
    auto& engine = demo.engine();
    engine.set_from_user(num1.id(), 5.0);
    engine.set_from_user(operation.id(), std::string("add"));
    engine.set_from_user(num2.id(), 7.0);
    engine.fire(submit.id(), imgr::Event::Click);
    CHECK_FALSE(engine.idle());
    CHECK(engine.busy(output.id()));
    settle(engine);
    CHECK(output.value() == 12.0);
    CHECK_FALSE(engine.busy(output.id()));
}

TEST_CASE_FIXTURE(Calculator, "inputs are snapshotted when the event fires") {
    auto& engine = demo.engine();
    engine.set_from_user(num1.id(), 2.0);
    engine.set_from_user(operation.id(), std::string("multiply"));
    engine.set_from_user(num2.id(), 3.0);
    engine.fire(submit.id(), imgr::Event::Click);
    engine.set_from_user(num1.id(), 100.0);  // after the click: not seen by that run
    settle(engine);
    CHECK(output.value() == 6.0);
}

TEST_CASE_FIXTURE(Calculator, "imgr::Error and other exceptions become messages, the app goes on") {
    auto& engine = demo.engine();
    engine.set_from_user(num1.id(), 1.0);
    engine.set_from_user(operation.id(), std::string("divide"));
    engine.fire(submit.id(), imgr::Event::Click);
    settle(engine);
    auto messages = engine.take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].level == imgr::MessageLevel::Error);
    CHECK(messages[0].text == "Cannot divide by zero!");
    CHECK(output.value() == 0.0);
    engine.set_from_user(num2.id(), 4.0);
    engine.fire(submit.id(), imgr::Event::Click);
    settle(engine);
    CHECK(output.value() == 0.25);
}

TEST_CASE("a value set to what it already is fires nothing, so cycles end") {
    imgr::Blocks demo;
    auto a = demo.add(imgr::Number("a"));
    auto b = demo.add(imgr::Number("b"));
    std::atomic<int> runs{0};
    a.change([&](double x) { ++runs; return x; }, {a}, b);
    b.change([&](double x) { ++runs; return x; }, {b}, a);
    demo.engine().set_from_user(a.id(), 3.0);
    settle(demo.engine());
    CHECK(a.value() == 3.0);
    CHECK(b.value() == 3.0);
    CHECK(runs.load() == 2);  // a -> b, then b -> a sets 3 again: no change, the cycle ends
}

TEST_CASE("a cycle whose handlers never converge is stopped after 100 runs, with a warning, and the app goes on") {
    imgr::Blocks demo;
    auto a = demo.add(imgr::Number("a"));
    auto b = demo.add(imgr::Number("b"));
    std::atomic<int> runs{0};
    a.change([&](double x) { ++runs; return x + 1; }, {a}, b);  // each step a new value: never equal
    b.change([&](double x) { ++runs; return x + 1; }, {b}, a);
    demo.engine().set_from_user(a.id(), 1.0);
    settle(demo.engine(), std::chrono::milliseconds(20000));
    CHECK(runs.load() == 101);  // the person's change, then 100 set off by outputs
    CHECK(b.value() + a.value() > 100);
    const std::vector<imgr::Message> messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].level == imgr::MessageLevel::Warning);
    CHECK(messages[0].text.find("an event cycle was stopped") == 0);
    // A person's next change starts a fresh chain, which runs again (and is stopped again).
    demo.engine().set_from_user(a.id(), -5.0);
    settle(demo.engine(), std::chrono::milliseconds(20000));
    CHECK(runs.load() == 202);
}

TEST_CASE("a burst of 1000 slider changes gives a bounded number of runs, the last with the final value") {
    imgr::Blocks demo;
    auto slider = demo.add(imgr::Slider("strength", 0, 1000, 0));
    auto out = demo.add(imgr::Number("out"));
    std::atomic<int> runs{0};
    slider.change(
        [&](double v) {
            ++runs;
            std::this_thread::sleep_for(2ms);
            return v;
        },
        {slider}, out);
    for (int i = 1; i <= 1000; ++i) {
        demo.engine().set_from_user(slider.id(), (double)i);
        if (i % 50 == 0) demo.engine().poll();
    }
    settle(demo.engine());
    CHECK(out.value() == 1000.0);
    CHECK(runs.load() < 100);
    CHECK(demo.engine().runs_started() == (uint64_t)runs.load());
}

TEST_CASE("trigger modes: once ignores clicks while running, multiple queues them") {
    imgr::Blocks demo;
    auto once = demo.add(imgr::Button("once"));
    auto many = demo.add(imgr::Button("many"));
    std::atomic<int> once_runs{0}, many_runs{0};
    once.click([&] { ++once_runs; std::this_thread::sleep_for(20ms); });
    many.click([&] { ++many_runs; std::this_thread::sleep_for(5ms); }, {}, {},
               {.trigger_mode = imgr::TriggerMode::Multiple});
    for (int i = 0; i < 5; ++i) {
        demo.engine().fire(once.id(), imgr::Event::Click);
        demo.engine().fire(many.id(), imgr::Event::Click);
    }
    settle(demo.engine());
    CHECK(once_runs.load() == 1);
    CHECK(many_runs.load() == 5);
}

TEST_CASE("then always runs after a step - success only after one that did not fail") {
    imgr::Blocks demo;
    auto button = demo.add(imgr::Button("go"));
    auto fail = demo.add(imgr::Checkbox("fail"));
    auto log = demo.add(imgr::Textbox("log"));
    std::atomic<int> then_runs{0}, success_runs{0};
    button
        .click([](bool should_fail) {
            if (should_fail) throw imgr::Error("failed on purpose");
            return std::string("first");
        },
               {fail}, log)
        .then([&](const std::string& text) { ++then_runs; return text + ", then"; }, {log}, log)
        .success([&](const std::string& text) { ++success_runs; return text + ", success"; }, {log}, log);
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    CHECK(log.value() == "first, then, success");
    demo.engine().set_from_user(fail.id(), true);
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    CHECK(then_runs.load() == 2);     // then: after the failure too
    CHECK(success_runs.load() == 2);  // success follows then, which succeeded
}

TEST_CASE("success is skipped when the step before it failed") {
    imgr::Blocks demo;
    auto button = demo.add(imgr::Button("go"));
    auto out = demo.add(imgr::Textbox("out"));
    std::atomic<int> success_runs{0};
    button.click([]() -> std::string { throw std::runtime_error("boom"); }, {}, out)
        .success([&] { ++success_runs; });
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    CHECK(success_runs.load() == 0);
    auto messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].text == "the handler for the click of 'go' failed: boom");
}

TEST_CASE("input fires only for the user - change for the user and the program") {
    imgr::Blocks demo;
    auto text = demo.add(imgr::Textbox("text"));
    std::atomic<int> inputs{0}, changes{0};
    text.input([&](const std::string&) { ++inputs; }, {text});
    text.change([&](const std::string&) { ++changes; }, {text}, {}, {.trigger_mode = imgr::TriggerMode::Multiple});
    demo.engine().set_from_user(text.id(), std::string("typed"));
    settle(demo.engine());
    demo.engine().set_from_program(text.id(), std::string("set by code"));
    settle(demo.engine());
    CHECK(inputs.load() == 1);
    CHECK(changes.load() == 2);
}

TEST_CASE("one handler on several triggers, like gr.on") {
    imgr::Blocks demo;
    auto a = demo.add(imgr::Number("a"));
    auto button = demo.add(imgr::Button("go"));
    auto out = demo.add(imgr::Number("out"));
    demo.on({a.on(imgr::Event::Change), button.on(imgr::Event::Click)}, [](double x) { return x * 2; }, {a}, out);
    demo.engine().set_from_user(a.id(), 4.0);
    settle(demo.engine());
    CHECK(out.value() == 8.0);
    out.set(0.0);
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    CHECK(out.value() == 8.0);
}

TEST_CASE("several outputs from a tuple, and updates that change properties") {
    imgr::Blocks demo;
    auto text = demo.add(imgr::Textbox("text"));
    auto length = demo.add(imgr::Number("length"));
    auto upper = demo.add(imgr::Textbox("upper"));
    auto hint = demo.add(imgr::Textbox("hint"));
    text.change(
        [](const std::string& s) {
            std::string u = s;
            for (char& c : u) c = (char)std::toupper((unsigned char)c);
            return std::tuple{(double)s.size(), u, imgr::update().visible(!s.empty()).label("hint for " + s)};
        },
        {text}, {length, upper, hint});
    demo.engine().set_from_user(text.id(), std::string("abc"));
    settle(demo.engine());
    CHECK(length.value() == 3.0);
    CHECK(upper.value() == "ABC");
    const auto& hint_state = demo.engine().component(hint.id()).spec.common;
    CHECK(hint_state.visible);
    CHECK(hint_state.label == "hint for abc");
}

TEST_CASE("progress reported by a handler is visible on its outputs while it runs") {
    imgr::Blocks demo;
    auto button = demo.add(imgr::Button("go"));
    auto out = demo.add(imgr::Number("out"));
    std::atomic<bool> reported{false}, release{false};
    button.click(
        [&](imgr::Progress& progress) {
            progress(0.5, "halfway");
            reported = true;
            while (!release) std::this_thread::sleep_for(1ms);
            return 1.0;
        },
        {}, out);
    demo.engine().fire(button.id(), imgr::Event::Click);
    while (!reported) std::this_thread::sleep_for(1ms);
    std::string description;
    CHECK(demo.engine().progress(out.id(), &description) == doctest::Approx(0.5));
    CHECK(description == "halfway");
    release = true;
    settle(demo.engine());
    CHECK(demo.engine().progress(out.id()) < 0);
}

TEST_CASE("a timer runs its handler periodically") {
    imgr::Blocks demo;
    auto count = demo.add(imgr::Number("count"));
    demo.every(0.01, [](double n) { return n + 1; }, {count}, count);
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (count.value() < 3 && std::chrono::steady_clock::now() < deadline) {
        demo.engine().poll();
        std::this_thread::sleep_for(2ms);
    }
    CHECK(count.value() >= 3);
    CHECK(demo.engine().seconds_until_next_timer() <= 0.01);
}

TEST_CASE("a handler taking imgr::Values gets every input, of any type") {
    imgr::Blocks demo;
    auto a = demo.add(imgr::Number("a", 1.5));
    auto b = demo.add(imgr::Textbox("b", "x"));
    auto button = demo.add(imgr::Button("Flag"));
    imgr::Values seen;
    button.click([&](const imgr::Values& values) { seen = values; }, {a, b});
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    REQUIRE(seen.size() == 2);
    CHECK(std::get<double>(seen[0]) == 1.5);
    CHECK(std::get<std::string>(seen[1]) == "x");
}

TEST_CASE("a slow handler does not hold up other listeners") {
    imgr::Blocks demo;
    auto slow = demo.add(imgr::Button("slow"));
    auto fast = demo.add(imgr::Button("fast"));
    auto out = demo.add(imgr::Number("out"));
    std::atomic<bool> release{false};
    slow.click([&] { while (!release) std::this_thread::sleep_for(1ms); });
    fast.click([] { return 1.0; }, {}, out);
    demo.engine().fire(slow.id(), imgr::Event::Click);
    demo.engine().fire(fast.id(), imgr::Event::Click);
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (out.value() != 1.0 && std::chrono::steady_clock::now() < deadline) {
        demo.engine().poll();
        std::this_thread::sleep_for(1ms);
    }
    CHECK(out.value() == 1.0);
    release = true;
    settle(demo.engine());
}

TEST_CASE("a handler that never returns is left behind: the person is told, and the button works again") {
    imgr::Blocks demo;
    demo.engine().set_stuck_after(0.05);
    auto button = demo.add(imgr::Button("go"));
    auto out = demo.add(imgr::Number("out"));
    std::atomic<bool> release{false};
    std::atomic<int> calls{0};
    button.click(
        [&] {
            if (calls++ == 0)
                while (!release) std::this_thread::sleep_for(1ms);  // stuck until the test ends
            return (double)calls.load();
        },
        {}, out);
    demo.engine().fire(button.id(), imgr::Event::Click);
    std::this_thread::sleep_for(80ms);
    demo.engine().poll();
    CHECK(demo.engine().idle());
    auto messages = demo.engine().take_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].level == imgr::MessageLevel::Warning);
    CHECK(messages[0].text.find("the handler for the click of 'go' has run for over 0.05 s") == 0);
    demo.engine().fire(button.id(), imgr::Event::Click);
    settle(demo.engine());
    CHECK(out.value() == 2.0);
    release = true;  // the stuck run ends; its late result is dropped
    std::this_thread::sleep_for(20ms);
    demo.engine().poll();
    CHECK(out.value() == 2.0);
}

TEST_CASE("a timer with an active Checkbox ticks only while it is checked") {
    imgr::Blocks demo;
    auto on = demo.add(imgr::Checkbox("run"));
    auto count = demo.add(imgr::Number("count"));
    demo.every(0.01, [](double n) { return n + 1; }, {count}, count, {}, on);
    CHECK(demo.engine().seconds_until_next_timer() == std::numeric_limits<double>::infinity());
    std::this_thread::sleep_for(30ms);
    settle(demo.engine());
    CHECK(count.value() == 0.0);
    demo.engine().set_from_user(on.id(), true);
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (count.value() < 2 && std::chrono::steady_clock::now() < deadline) {
        demo.engine().poll();
        std::this_thread::sleep_for(2ms);
    }
    CHECK(count.value() >= 2);
}

TEST_CASE("an output image arrives with its RGBA8 form made on the worker, so showing it converts nothing") {
    imgr::Blocks demo;
    auto strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
    auto out = demo.add(imgr::Image("out"));
    strength.change([](double s) { return imgr::ImageBuffer(4, 4, 3, std::vector<float>(48, (float)s)); }, {strength},
                    out);
    demo.engine().set_from_user(strength.id(), 1.0);
    settle(demo.engine());
    const imgr::ImageBuffer image = out.value();
    REQUIRE(image.width() == 4);
    CHECK(image.rgba8_ready());
    CHECK(image.to_rgba8().u8()[0] == 255);
}

TEST_CASE("busy follows an output's runs: queued, running, finished, dropped and abandoned") {
    imgr::Blocks demo;
    auto strength = demo.add(imgr::Slider("strength", 0, 10, 0));
    auto out = demo.add(imgr::Number("out"));
    auto quiet = demo.add(imgr::Number("quiet"));  // an output without progress is never shown busy
    auto other = demo.add(imgr::Number("other"));  // not an output of the slider at all
    std::atomic<int> started{0}, released{0};
    auto held = [&](double v) {
        const int run = started++;
        while (released.load() <= run) std::this_thread::sleep_for(1ms);
        return v;
    };
    strength.change(held, {strength}, out);  // AlwaysLast
    strength.change([](double v) { return v; }, {strength}, quiet, {.show_progress = false});
    auto& engine = demo.engine();
    auto wait_started = [&](int n) {
        while (started.load() < n) std::this_thread::sleep_for(1ms);
    };

    CHECK_FALSE(engine.busy(out.id()));
    engine.set_from_user(strength.id(), 1.0);  // runs
    CHECK(engine.busy(out.id()));
    engine.set_from_user(strength.id(), 2.0);  // queued behind it
    engine.set_from_user(strength.id(), 3.0);  // replaces the queued one (dropped)
    CHECK(engine.busy(out.id()));
    CHECK_FALSE(engine.busy(other.id()));
    wait_started(1);
    released = 1;  // the first run finishes; the queued one starts on the next poll
    while (engine.runs_finished() < 1) {
        engine.poll();
        std::this_thread::sleep_for(1ms);
    }
    CHECK(engine.busy(out.id()));
    released = 2;
    settle(engine);
    CHECK(out.value() == 3.0);
    CHECK_FALSE(engine.busy(out.id()));
    CHECK_FALSE(engine.busy(quiet.id()));

    // A run left behind as stuck stops counting; one queued behind it starts and counts.
    engine.set_stuck_after(0.05);
    engine.set_from_user(strength.id(), 4.0);
    engine.set_from_user(strength.id(), 5.0);  // queued
    CHECK(engine.busy(out.id()));
    std::this_thread::sleep_for(80ms);
    engine.poll();  // the 4.0 run is abandoned, the 5.0 one starts
    CHECK(engine.busy(out.id()));
    std::this_thread::sleep_for(80ms);
    engine.poll();  // abandoned too: nothing left
    CHECK_FALSE(engine.busy(out.id()));
    CHECK(engine.idle());
    released = 100;  // the abandoned runs end; their results are dropped
    std::this_thread::sleep_for(20ms);
    engine.poll();
    CHECK_FALSE(engine.busy(out.id()));
    (void)engine.take_messages();
}
