// Two apps in one process, headless (engine level, no window): each has its
// own messages and its own flagging folder, and nothing of one reaches the
// other — not while both run, and not after one of them is gone.
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/engine/flagging/csv.h>
#include <imgr/engine/flagging/csv_logger.h>

#include <atomic>
#include <optional>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_two_apps_test_" + name);
    fs::remove_all(dir);
    return dir;
}

std::vector<imgr::CsvRow> rows_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return imgr::parse_csv(text.str());
}

// Polls both apps as their frames would, until neither has work left.
void settle(imgr::Blocks& a, imgr::Blocks& b) {
    for (int i = 0; i < 5000 && !(a.engine().idle() && b.engine().idle()); ++i) {
        a.engine().poll();
        b.engine().poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    a.engine().poll();
    b.engine().poll();
    REQUIRE(a.engine().idle());
    REQUIRE(b.engine().idle());
}

std::vector<std::string> texts(const std::vector<imgr::Message>& messages) {
    std::vector<std::string> out;
    for (const imgr::Message& m : messages) out.push_back(m.text);
    return out;
}

// An app as a user writes one: a Textbox, a button whose handler talks to the
// person, and a flag button writing with a CSVLogger set up with its components.
struct App {
    imgr::Blocks blocks;
    imgr::CSVLogger callback;
    imgr::Handle<std::string> text, greet, flag;
    App(const std::string& name, const fs::path& requested_dir) : blocks(name) {
        text = blocks.add(imgr::Textbox("text").value(name));
        greet = blocks.add(imgr::Button("Greet"));
        flag = blocks.add(imgr::Button("Flag"));
        greet.click([name](const std::string& value) {
            imgr::info("hello from " + name);
            imgr::warning(value + " warns");
        }, {text});
        callback.setup({text}, requested_dir.string());
        blocks.flag_button(flag, callback, {text});
    }
};

}  // namespace

TEST_CASE("two apps in one process: each gets its own handlers' messages and writes to its own flagging folder") {
    const fs::path root = fresh_dir("both");
    App first("first", root / "requested_first");
    App second("second", root / "requested_second");
    // As launch() does with each app's --flagging-dir.
    imgr::BlocksAccess::flagging_dir_override(first.blocks)->set((root / "first").string());
    imgr::BlocksAccess::flagging_dir_override(second.blocks)->set((root / "second").string());

    for (int round = 0; round < 3; ++round) {
        // A new value each round: a flag of what was already saved writes no row (docs/flagging.md).
        first.blocks.engine().set_from_user(first.text.id(), "first " + std::to_string(round));
        second.blocks.engine().set_from_user(second.text.id(), "second " + std::to_string(round));
        first.blocks.engine().fire(first.greet.id(), imgr::Event::Click);
        second.blocks.engine().fire(second.greet.id(), imgr::Event::Click);
        first.blocks.engine().fire(first.flag.id(), imgr::Event::Click);
        second.blocks.engine().fire(second.flag.id(), imgr::Event::Click);
        settle(first.blocks, second.blocks);
    }

    const std::vector<std::string> first_messages = texts(first.blocks.engine().take_messages());
    const std::vector<std::string> second_messages = texts(second.blocks.engine().take_messages());
    REQUIRE(first_messages.size() == 6);
    REQUIRE(second_messages.size() == 6);
    for (size_t i = 0; i < 6; ++i) {
        const std::string round = std::to_string(i / 2);
        CHECK(first_messages[i] == (i % 2 == 0 ? "hello from first" : "first " + round + " warns"));
        CHECK(second_messages[i] == (i % 2 == 0 ? "hello from second" : "second " + round + " warns"));
    }

    const std::vector<imgr::CsvRow> first_rows = rows_of(root / "first" / "logs.csv");
    const std::vector<imgr::CsvRow> second_rows = rows_of(root / "second" / "logs.csv");
    REQUIRE(first_rows.size() == 4);
    REQUIRE(second_rows.size() == 4);
    for (size_t r = 1; r < 4; ++r) {
        CHECK(first_rows[r][0] == "first " + std::to_string(r - 1));
        CHECK(second_rows[r][0] == "second " + std::to_string(r - 1));
    }
    CHECK_FALSE(fs::exists(root / "requested_first"));
    CHECK_FALSE(fs::exists(root / "requested_second"));
    fs::remove_all(root);
}

TEST_CASE("an app that ends takes nothing of another with it: the other's messages still reach its window") {
    const fs::path root = fresh_dir("one_ends");
    App lasting("lasting", root / "lasting");
    {
        App brief("brief", root / "brief");
        brief.blocks.engine().fire(brief.greet.id(), imgr::Event::Click);
        settle(brief.blocks, lasting.blocks);
        CHECK(brief.blocks.engine().take_messages().size() == 2);
    }  // its engine is destroyed here
    lasting.blocks.engine().fire(lasting.greet.id(), imgr::Event::Click);
    settle(lasting.blocks, lasting.blocks);
    CHECK(texts(lasting.blocks.engine().take_messages()) ==
          std::vector<std::string>{"hello from lasting", "lasting warns"});
    fs::remove_all(root);
}

TEST_CASE("a message posted outside any handler run reaches no app's window") {
    App app("app", fresh_dir("outside"));
    imgr::warning("from main(), not from a handler");  // printed to stderr
    app.blocks.engine().poll();
    CHECK(app.blocks.engine().take_messages().empty());
}

TEST_CASE("work one app does off the UI thread keeps only that app busy, and wakes only its window") {
    imgr::Engine decoding, quiet;
    std::atomic<int> decoding_wakes{0}, quiet_wakes{0};
    decoding.set_wake([&] { ++decoding_wakes; });
    quiet.set_wake([&] { ++quiet_wakes; });
    REQUIRE(decoding.idle());
    REQUIRE(quiet.idle());

    imgr::BackgroundWork work = decoding.start_background_work();
    CHECK_FALSE(decoding.idle());  // a script's `wait idle` in this app waits for the spectrogram
    CHECK(quiet.idle());           // the other app's `wait idle` does not

    // Handed to a worker, as a component does; finishing it wakes its own app only.
    std::thread worker([job = std::move(work)]() mutable { job.finish(); });
    worker.join();
    CHECK(decoding.idle());
    CHECK(decoding_wakes.load() == 1);
    CHECK(quiet_wakes.load() == 0);
}

TEST_CASE("background work that outlives its app finishes without touching it") {
    std::optional<imgr::BackgroundWork> work;
    {
        imgr::Engine app;
        work.emplace(app.start_background_work());
    }
    work->finish();  // the counter is shared with the job: nothing dangles
    work.reset();
}
