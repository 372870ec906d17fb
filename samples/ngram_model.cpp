#include "ngram_model.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ngram {

void Model::train(std::string_view text) {
    std::string seen = alphabet_;
    for (size_t i = 0; i < text.size(); ++i) {
        const char next = text[i];
        for (int k = 0; k <= order_ && (size_t)k <= i; ++k) {
            Counts& counts = tables_[(size_t)k][std::string(text.substr(i - (size_t)k, (size_t)k))];
            auto found = std::find_if(counts.next.begin(), counts.next.end(), [&](const auto& p) { return p.first == next; });
            if (found == counts.next.end())
                counts.next.emplace_back(next, 1);
            else
                ++found->second;
            ++counts.total;
        }
        if (seen.find(next) == std::string::npos) seen += next;
    }
    std::sort(seen.begin(), seen.end());
    alphabet_ = seen;
}

// The longest suffix of the context the text had decides; a context never
// seen backs off to a shorter one, down to the characters' own frequencies.
char Model::sample(std::string_view context, std::mt19937_64& random) const {
    for (int k = std::min<int>(order_, (int)context.size()); k >= 0; --k) {
        const auto& table = tables_[(size_t)k];
        auto found = table.find(std::string(context.substr(context.size() - (size_t)k)));
        if (found == table.end() || found->second.total == 0) continue;
        // random_() % total, not a std:: distribution: those differ between standard libraries.
        std::uint64_t pick = random() % found->second.total;
        for (const auto& [ch, count] : found->second.next) {
            if (pick < count) return ch;
            pick -= count;
        }
    }
    return ' ';
}

Model::Generator::Generator(const Model& model, std::string context, std::uint64_t seed)
    : model_(&model), context_(std::move(context)), random_(seed) {}

char Model::Generator::next() {
    char ch = model_->sample(context_, random_);
    // A reply starts with a word, not with the space or line break the text had there.
    for (int tries = 0; text_.empty() && (ch == ' ' || ch == '\n') && tries < 64; ++tries) {
        context_ += ch;
        ch = model_->sample(context_, random_);
    }
    text_ += ch;
    context_ += ch;
    if (context_.size() > (size_t)model_->order_) context_.erase(0, context_.size() - (size_t)model_->order_);
    return ch;
}

Model::Generator Model::generate(std::string_view prompt, std::uint64_t seed) const {
    // The prompt's end is the first context, as if the reply continued it after a line break.
    std::string context = std::string(prompt.substr(prompt.size() > (size_t)order_ ? prompt.size() - (size_t)order_ : 0));
    context += '\n';
    return Generator(*this, context, seed);
}

bool reply_complete(const std::string& text, size_t min_chars, size_t max_chars) {
    if (text.size() >= max_chars) return true;
    if (text.size() < min_chars || text.size() < 2) return false;
    const char last = text.back(), before = text[text.size() - 2];
    return last == ' ' && (before == '.' || before == '?' || before == '!');
}

std::string Model::reply(std::string_view prompt, std::uint64_t seed, size_t min_chars, size_t max_chars) const {
    if (!trained()) return {};
    Generator generator = generate(prompt, seed);
    while (!reply_complete(generator.text(), min_chars, max_chars)) generator.next();
    return generator.text();
}

std::string reflow(std::string_view text) {
    std::string out;
    size_t breaks = 0;
    bool space = false;
    for (char c : text) {
        if (c == '\r') continue;
        if (c == '\n') ++breaks;
        if (c == '\n' || c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += breaks >= 2 ? "\n\n" : " ";
        space = false;
        breaks = 0;
        out += c;
    }
    return out;
}

namespace {
bool read_text(const std::filesystem::path& path, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    content = text.str();
    return !content.empty();
}
}  // namespace

TrainingText load_training_text(const std::filesystem::path& folder, const std::string& preferred) {
    TrainingText result;
    if (read_text(folder / preferred, result.content)) {
        result.path = folder / preferred;
        result.note = "trained on " + result.path.string();
        return result;
    }
    std::vector<std::filesystem::path> others;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec)) others.push_back(entry.path());
    std::sort(others.begin(), others.end());
    for (const auto& other : others) {
        if (!read_text(other, result.content)) continue;
        result.path = other;
        result.note = (folder / preferred).string() + " cannot be read; trained on " + other.string() + " instead";
        return result;
    }
    result.note = "no readable text in " + folder.string() + " (looked for " + preferred + " first)";
    return result;
}

std::uint64_t seed_for(std::string_view message, size_t history_size, std::uint64_t base) {
    std::uint64_t hash = 1469598103934665603ull ^ base;  // FNV-1a: the same on every platform
    for (unsigned char c : message) hash = (hash ^ c) * 1099511628211ull;
    return hash ^ (history_size * 0x9E3779B97F4A7C15ull);
}

}  // namespace ngram
