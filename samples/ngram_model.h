// A character-level n-gram language model: small, honest, and fast enough to
// train at start-up. It counts which character follows each context of up to
// `order` characters in a text; generating picks the next character with
// those counts (backing off to shorter contexts the text never had), drawn
// from a seeded generator so a reply is reproducible.
#pragma once
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ngram {

class Model {
public:
    explicit Model(int order = 6) : order_(order < 1 ? 1 : order), tables_((size_t)order_ + 1) {}

    void train(std::string_view text);
    bool trained() const { return !alphabet_.empty(); }
    int order() const { return order_; }
    const std::string& alphabet() const { return alphabet_; }  // every character the text has, sorted

    // Generates text one character at a time after `prompt` (its last
    // characters are the first context). Same model, prompt and seed: same text.
    class Generator {
    public:
        char next();                         // the next character
        const std::string& text() const { return text_; }  // generated so far
    private:
        friend class Model;
        Generator(const Model& model, std::string context, std::uint64_t seed);
        const Model* model_;
        std::string context_, text_;
        std::mt19937_64 random_;             // its output sequence is fixed by the C++ standard
    };
    Generator generate(std::string_view prompt, std::uint64_t seed) const;

    // A whole reply: up to `max_chars`, ending after a sentence once it has `min_chars`.
    std::string reply(std::string_view prompt, std::uint64_t seed, size_t min_chars = 60, size_t max_chars = 240) const;

private:
    struct Counts {
        std::vector<std::pair<char, std::uint32_t>> next;  // following character -> times seen
        std::uint32_t total = 0;
    };
    char sample(std::string_view context, std::mt19937_64& random) const;

    int order_;
    std::vector<std::unordered_map<std::string, Counts>> tables_;  // tables_[k]: contexts of k characters
    std::string alphabet_;
};

// A hard-wrapped text (a licence file) as paragraphs: runs of spaces and single
// line breaks become one space, a blank line stays a paragraph break.
std::string reflow(std::string_view text);

// Whether a reply is done: a sentence ended after min_chars, or max_chars reached.
bool reply_complete(const std::string& text, size_t min_chars, size_t max_chars);

// The text to train on: `preferred` in `folder` when it is readable, else the
// first readable file there (sorted by name). `note` says which was used and why.
struct TrainingText {
    std::filesystem::path path;  // empty when nothing could be read
    std::string content;
    std::string note;
};
TrainingText load_training_text(const std::filesystem::path& folder, const std::string& preferred);

// A seed from the words of a conversation: the same conversation gets the same reply.
std::uint64_t seed_for(std::string_view message, size_t history_size, std::uint64_t base = 2026);

}  // namespace ngram
