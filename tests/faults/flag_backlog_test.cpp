// The whole flag path is bounded: when rows come faster than the disk takes
// them, the window says flagging is falling behind, and at the bound a new
// flag is refused with a message saying it was not saved. Every flag that was
// accepted is written, in order; none is dropped silently.
#include "faults/gated_callback.h"

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/flag_queue.h"

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <thread>

namespace {

// Polls as frames would until `done` holds; fails the test rather than hanging.
template <class Done>
void poll_until(imgr::Engine& engine, Done done) {
    for (int i = 0; i < 20000 && !done(); ++i) {
        engine.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    engine.poll();
    REQUIRE(done());
}

size_t count_containing(const std::vector<imgr::Message>& messages, imgr::MessageLevel level, const std::string& text) {
    size_t n = 0;
    for (const imgr::Message& m : messages) n += m.level == level && m.text.find(text) != std::string::npos;
    return n;
}

}  // namespace

TEST_CASE("flag backlog: falling behind is announced once, flags past the bound are refused out loud, the rest written in order") {
    auto disk = std::make_shared<imgr::test::GatedCallback>();
    constexpr size_t kBound = 8;
    imgr::Interface demo([](double x) { return x; }, {imgr::Number("x")}, imgr::Number("y"),
                         {.flagging_callback = disk, .max_waiting_flags = kBound});
    imgr::Engine& engine = demo.engine();
    const imgr::ComponentId x = demo.inputs()[0];
    const imgr::ComponentId flag = demo.engine().find_by_label("Flag").at(0);

    // The first flag reaches the (slow) disk and stays there.
    engine.set_from_user(x, 0.0);
    engine.fire(flag, imgr::Event::Click);
    poll_until(engine, [&] { return engine.runs_finished() >= 1; });
    disk->wait_until_entered(1);

    // Then more clicks than the bound, each admitted (or refused) before the next.
    constexpr int kMoreClicks = 12;
    for (int i = 1; i <= kMoreClicks; ++i) {
        engine.set_from_user(x, (double)i);
        const uint64_t before = engine.runs_finished();
        engine.fire(flag, imgr::Event::Click);
        poll_until(engine, [&] { return engine.runs_finished() > before; });
    }
    const std::vector<imgr::Message> messages = engine.take_messages();
    CHECK(count_containing(messages, imgr::MessageLevel::Warning, "flagging is falling behind") == 1);
    const size_t refused = count_containing(messages, imgr::MessageLevel::Error, "this one was not saved");
    CHECK(refused == kMoreClicks - kBound);
    CHECK(count_containing(messages, imgr::MessageLevel::Error, std::to_string(kBound) + " flags are still waiting") == refused);
    CHECK(engine.busy(flag));  // "Saving…" while the writer works

    disk->open();
    poll_until(engine, [&] { return engine.idle(); });
    // Accepted: the one at the disk and the bound's worth that waited; in the order clicked.
    const std::vector<imgr::test::GatedCallback::Row> rows = disk->rows();
    REQUIRE(rows.size() == 1 + kBound);
    for (size_t i = 0; i < rows.size(); ++i) CHECK(std::get<double>(rows[i].values[0]) == (double)i);
    CHECK(std::get<std::string>(engine.component(flag).spec.value) == "Saved (" + std::to_string(rows.size()) + ")");

    // Once the backlog is gone, flags are accepted again (and a later backlog would be announced again).
    engine.set_from_user(x, 100.0);
    engine.fire(flag, imgr::Event::Click);
    poll_until(engine, [&] { return engine.idle(); });
    CHECK(disk->rows().size() == 2 + kBound);
    CHECK(count_containing(engine.take_messages(), imgr::MessageLevel::Error, "not saved") == 0);
}

TEST_CASE("flag backlog: automatic flagging goes through the same bound") {
    auto disk = std::make_shared<imgr::test::GatedCallback>();
    constexpr size_t kBound = 4;
    imgr::Interface demo([](double x) { return x; }, {imgr::Number("x")}, imgr::Number("y"),
                         {.flagging_mode = imgr::FlaggingMode::Auto, .flagging_callback = disk,
                          .max_waiting_flags = kBound});
    imgr::Engine& engine = demo.engine();
    const imgr::ComponentId x = demo.inputs()[0];
    const imgr::ComponentId submit = demo.engine().find_by_label("Submit").at(0);

    // Each Submit runs the function, then admits its automatic flag (two runs).
    auto submit_value = [&](double value) {
        engine.set_from_user(x, value);
        const uint64_t before = engine.runs_finished();
        engine.fire(submit, imgr::Event::Click);
        poll_until(engine, [&] { return engine.runs_finished() >= before + 2; });
    };
    submit_value(0.0);
    disk->wait_until_entered(1);
    constexpr int kMore = 7;
    for (int i = 1; i <= kMore; ++i) submit_value((double)i);
    const std::vector<imgr::Message> messages = engine.take_messages();
    CHECK(count_containing(messages, imgr::MessageLevel::Error, "this one was not saved") == kMore - kBound);
    disk->open();
    poll_until(engine, [&] { return engine.idle(); });
    const auto rows = disk->rows();
    REQUIRE(rows.size() == 1 + kBound);
    for (size_t i = 0; i < rows.size(); ++i) CHECK(std::get<double>(rows[i].values[0]) == (double)i);
}

TEST_CASE("flag backlog: flags still waiting when the window closes are written, in order, not lost") {
    auto disk = std::make_shared<imgr::test::GatedCallback>();
    imgr::Interface demo([](double x) { return x; }, {imgr::Number("x")}, imgr::Number("y"),
                          {.flagging_callback = disk, .max_waiting_flags = 8});
    imgr::Engine& engine = demo.engine();
    const imgr::ComponentId x = demo.inputs()[0];
    const imgr::ComponentId flag = engine.find_by_label("Flag").at(0);

    // One flag at the (slow) disk, three admitted behind it.
    for (int i = 0; i < 4; ++i) {
        engine.set_from_user(x, (double)i);
        const uint64_t before = engine.runs_finished();
        engine.fire(flag, imgr::Event::Click);
        poll_until(engine, [&] { return engine.runs_finished() > before; });
        if (i == 0) disk->wait_until_entered(1);
    }
    REQUIRE(disk->rows().empty());

    // The window closes: no more frames, so the engine starts no more writer runs.
    disk->open();
    imgr::BlocksAccess::finish_run(demo);  // as launch() does when the window closes
    const std::vector<imgr::test::GatedCallback::Row> rows = disk->rows();
    REQUIRE(rows.size() == 4);
    for (size_t i = 0; i < rows.size(); ++i) CHECK(std::get<double>(rows[i].values[0]) == (double)i);
}

namespace {
// Each "Saved (N)" a button showed, in order: read after every poll, so none
// is missed however long the test thread is held up (a passing value reverts
// only in a later poll).
struct SavedLabels {
    std::map<imgr::ComponentId, std::vector<int>> seen;
    void look(const imgr::Engine& engine, imgr::ComponentId button) {
        const std::string& text = std::get<std::string>(engine.component(button).spec.value);
        if (!text.starts_with("Saved (")) return;
        const int n = std::stoi(text.substr(7));
        std::vector<int>& list = seen[button];
        if (list.empty() || list.back() != n) list.push_back(n);
    }
};
}  // namespace

TEST_CASE("flag buttons: each button's Saved (N) counts up to the row that button wrote, not another button's") {
    auto disk = std::make_shared<imgr::test::GatedCallback>();
    imgr::Interface demo([](double x) { return x; }, {imgr::Number("x")}, imgr::Number("y"),
                         {.flagging_options = {"a", "b"}, .flagging_callback = disk});
    imgr::Engine& engine = demo.engine();
    const imgr::ComponentId x = demo.inputs()[0];
    const imgr::ComponentId a = engine.find_by_label("Flag as a").at(0), b = engine.find_by_label("Flag as b").at(0);
    SavedLabels labels;
    auto click = [&](imgr::ComponentId button, double value) {
        engine.set_from_user(x, value);
        const uint64_t before = engine.runs_finished();
        engine.fire(button, imgr::Event::Click);
        poll_until(engine, [&] { return engine.runs_finished() > before; });  // admitted
    };
    // a's first row reaches the (slow) disk; a's second waits behind it, b's row after that.
    // b's writer starts at once and waits for the disk: once it is free it finds a's second row first.
    click(a, 0);
    disk->wait_until_entered(1);
    click(a, 1);
    click(b, 2);
    disk->open();
    poll_until(engine, [&] {
        labels.look(engine, a);
        labels.look(engine, b);
        return engine.idle();
    });
    const std::vector<imgr::test::GatedCallback::Row> rows = disk->rows();
    REQUIRE(rows.size() == 3);
    for (size_t i = 0; i < rows.size(); ++i) CHECK(std::get<double>(rows[i].values[0]) == (double)i);  // in click order
    // Row N (counting from 1) is the one each "Saved (N)" names: it must be that button's own.
    CHECK(labels.seen[a] == std::vector<int>{1, 2});
    CHECK(labels.seen[b] == std::vector<int>{3});
    for (const auto& [button, counts] : labels.seen)
        for (int n : counts) CHECK(rows.at((size_t)n - 1).flag_option == (button == a ? "a" : "b"));
}

TEST_CASE("Blocks flag_button: flags still waiting when the window closes are written by the app, in order") {
    imgr::test::GatedCallback disk;  // owned by main(), as in the seed
    imgr::Blocks demo;
    auto x = demo.add(imgr::Number("x"));
    auto flag = demo.add(imgr::Button("Flag"));
    demo.flag_button(flag, disk, {x});
    imgr::Engine& engine = demo.engine();
    CHECK(std::get<imgr::ButtonProps>(engine.component(flag.id()).spec.props).busy_text == "Saving…");
    for (int i = 0; i < 4; ++i) {
        engine.set_from_user(x.id(), (double)i);
        const uint64_t before = engine.runs_finished();
        engine.fire(flag.id(), imgr::Event::Click);
        poll_until(engine, [&] { return engine.runs_finished() > before; });
        if (i == 0) disk.wait_until_entered(1);
    }
    CHECK(engine.busy(flag.id()));  // "Saving…"
    REQUIRE(disk.rows().empty());
    disk.open();
    imgr::BlocksAccess::finish_run(demo);  // as launch() does when the window closes: no more frames
    const std::vector<imgr::test::GatedCallback::Row> rows = disk.rows();
    REQUIRE(rows.size() == 4);
    for (size_t i = 0; i < rows.size(); ++i) CHECK(std::get<double>(rows[i].values[0]) == (double)i);
}

TEST_CASE("flag queue: a writer reports its own source's row, writing the rows before it first, in order") {
    imgr::FlagQueue queue(8);
    for (int source : {0, 0, 1}) REQUIRE(queue.push({{imgr::Value(double(source))}, "", source}).accepted);
    std::vector<int> written_sources;
    int rows = 0;
    auto write = [&](const imgr::FlagRequest& request) {
        written_sources.push_back(request.source);
        return ++rows;
    };
    // Source 1's writer runs first: it writes both rows of source 0 on the way to its own (row 3).
    const imgr::FlagQueue::Written one = queue.write_through(1, write);
    CHECK(one.took);
    CHECK(one.rows == 3);
    CHECK(written_sources == std::vector<int>{0, 0, 1});
    // Source 0's writers then report rows 1 and 2, already written, writing nothing more.
    CHECK(queue.write_through(0, write).rows == 1);
    CHECK(queue.write_through(0, write).rows == 2);
    CHECK(written_sources.size() == 3);
    CHECK_FALSE(queue.write_through(0, write).took);  // nothing of source 0 left
    CHECK(queue.waiting() == 0);
}
