// The chat sample's n-gram model: trained on a text, a seed gives the same
// reply every time, replies use only the text's characters, and the
// training text is found (or another file in the folder, said so).
#include <doctest/doctest.h>

#include "flagging/flagging_support.h"
#include "ngram_model.h"

namespace {

// A text generated here: sentences built from a few words, so the model has structure to learn.
std::string training_text() {
    const char* subjects[] = {"The program", "A licence", "Every user", "This work"};
    const char* verbs[] = {"may copy", "must keep", "can share", "will modify"};
    const char* objects[] = {"the source code.", "this notice.", "the covered work.", "any copy."};
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += std::string(subjects[i % 4]) + " " + verbs[(i / 4) % 4] + " " + objects[(i / 16) % 4] + " ";
    return text;
}

}  // namespace

TEST_CASE("the same prompt and seed give the same reply - another seed another one") {
    ngram::Model model(5);
    model.train(training_text());
    REQUIRE(model.trained());
    const std::string a = model.reply("hello", 7);
    CHECK(a == model.reply("hello", 7));
    CHECK(a.size() >= 60);
    CHECK(a.size() <= 240);
    bool differs = false;
    for (std::uint64_t seed = 8; seed < 20 && !differs; ++seed) differs = model.reply("hello", seed) != a;
    CHECK(differs);
}

TEST_CASE("a reply uses only characters of the training text, and ends at a sentence") {
    const std::string text = training_text();
    ngram::Model model(6);
    model.train(text);
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const std::string reply = model.reply("Zebra ×", seed);  // characters the text lacks only in the prompt
        for (char c : reply) CHECK_MESSAGE(text.find(c) != std::string::npos, "character ", (int)c);
        CHECK((reply.size() == 240 || ngram::reply_complete(reply, 60, 240)));
    }
    CHECK(model.alphabet().find('.') != std::string::npos);
    CHECK(model.alphabet().find('Z') == std::string::npos);
}

TEST_CASE("the model learns its text: a long context continues it as written") {
    ngram::Model model(8);
    model.train("abcdefghij abcdefghij abcdefghij ");
    ngram::Model::Generator generator = model.generate("abcd", 1);
    // After a line break the model backs off; after "abcdefgh" only one continuation exists.
    std::string text;
    for (int i = 0; i < 40; ++i) text += generator.next();
    CHECK(text.find("abcdefghij") != std::string::npos);
}

TEST_CASE("an untrained model replies with nothing") {
    ngram::Model model;
    CHECK_FALSE(model.trained());
    CHECK(model.reply("anything", 1).empty());
}

TEST_CASE("the training text: the preferred file, else another in the folder, each said") {
    imgr::test::TempDir dir;
    imgr::test::write_text(dir / "B", "second text");
    imgr::test::write_text(dir / "A", "first text");
    ngram::TrainingText found = ngram::load_training_text(dir.path(), "B");
    CHECK(found.content == "second text");
    CHECK(found.note == "trained on " + (dir / "B").string());
    found = ngram::load_training_text(dir.path(), "GPL-3");
    CHECK(found.content == "first text");
    CHECK(found.note.find("GPL-3 cannot be read; trained on " + (dir / "A").string() + " instead") != std::string::npos);
    found = ngram::load_training_text(dir / "missing", "GPL-3");
    CHECK(found.path.empty());
    CHECK(found.note.find("no readable text in") == 0);
}

TEST_CASE("seeds come from the conversation: same message and history, same seed") {
    CHECK(ngram::seed_for("hi", 0) == ngram::seed_for("hi", 0));
    CHECK(ngram::seed_for("hi", 0) != ngram::seed_for("hi", 2));
    CHECK(ngram::seed_for("hi", 0) != ngram::seed_for("ho", 0));
}

TEST_CASE("reflow joins hard-wrapped lines and keeps paragraphs - a reply starts with a word") {
    CHECK(ngram::reflow("  GNU GENERAL\n  PUBLIC   LICENSE\r\n\n   Version 3\n") == "GNU GENERAL PUBLIC LICENSE\n\nVersion 3");
    ngram::Model model(4);
    model.train("\n   indented words here.\n   more words.\n");
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
        const std::string reply = model.reply("x", seed, 5, 40);
        REQUIRE_FALSE(reply.empty());
        CHECK(reply[0] != ' ');
        CHECK(reply[0] != '\n');
    }
}
