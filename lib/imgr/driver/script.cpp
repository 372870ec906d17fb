#include "imgr/driver/script.h"

#include "imgr/model/file_read.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

namespace imgr {

namespace fs = std::filesystem;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Splits one line into tokens, each handed whole to the JSON parser later:
// a JSON string (escapes honoured), a bracketed array or object (nested
// strings honoured, so "]" or "#" inside them do not end it), or a bare word
// (a command, number, true/false/null) ending at whitespace or '#'.
class LineLexer {
public:
    explicit LineLexer(std::string_view line) : line_(line) {}

    // The next token; nullopt at the end of the line, at a comment, or on error (then error() says why).
    std::optional<std::string_view> next() {
        while (pos_ < line_.size() && is_space(line_[pos_])) ++pos_;
        if (pos_ >= line_.size() || line_[pos_] == '#') return std::nullopt;
        const size_t start = pos_;
        const char first = line_[pos_];
        if (first == '"') {
            if (!skip_string()) return fail("unterminated string: a closing \" is missing");
        } else if (first == '[' || first == '{') {
            int depth = 0;
            while (pos_ < line_.size()) {
                const char c = line_[pos_];
                if (c == '"') {
                    if (!skip_string()) return fail("unterminated string: a closing \" is missing");
                    continue;
                }
                ++pos_;
                if (c == '[' || c == '{') ++depth;
                if ((c == ']' || c == '}') && --depth == 0) break;
            }
            if (depth != 0)
                return fail(first == '[' ? "unterminated array: a closing ] is missing"
                                         : "unterminated object: a closing } is missing");
        } else {
            while (pos_ < line_.size() && !is_space(line_[pos_]) && line_[pos_] != '#') ++pos_;
        }
        return line_.substr(start, pos_ - start);
    }

    const std::string& error() const { return error_; }

    // The next token without taking it.
    std::optional<std::string_view> peek() {
        const size_t saved = pos_;
        auto token = next();
        pos_ = saved;
        error_.clear();
        return token;
    }

private:
    // At an opening quote: moves past the closing one. False when the line ends first.
    bool skip_string() {
        ++pos_;
        while (pos_ < line_.size()) {
            const char c = line_[pos_++];
            if (c == '\\' && pos_ < line_.size())
                ++pos_;
            else if (c == '"')
                return true;
        }
        return false;
    }
    std::optional<std::string_view> fail(std::string message) {
        error_ = std::move(message);
        return std::nullopt;
    }

    std::string_view line_;
    size_t pos_ = 0;
    std::string error_;
};

// nlohmann's what() starts with "[json.exception.parse_error.101] parse error at line 1, column 4: ";
// the line and column are those of the token, not of the script, so only the reason is kept.
std::string json_reason(const std::exception& e) {
    std::string text = e.what();
    if (auto bracket = text.find("] "); text.starts_with("[json.exception") && bracket != std::string::npos)
        text.erase(0, bracket + 2);
    if (text.starts_with("parse error")) {
        if (auto colon = text.find(": "); colon != std::string::npos) text.erase(0, colon + 2);
    }
    // The JSON parser names its grammar rule; a script author only needs what follows.
    constexpr std::string_view rule = "syntax error while parsing value - ";
    if (text.starts_with(rule)) text.erase(0, rule.size());
    return text;
}

bool looks_like_word(std::string_view token) {
    return !token.empty() && ((token[0] >= 'a' && token[0] <= 'z') || (token[0] >= 'A' && token[0] <= 'Z'));
}

fs::path path_from_utf8(const std::string& utf8) {
    // Through u8string so a non-ASCII name is right whatever the platform's narrow encoding.
    return fs::path(std::u8string(utf8.begin(), utf8.end()));
}

// Parses the arguments of one command. Each method returns nullopt with error set on failure.
class CommandParser {
public:
    CommandParser(LineLexer& lexer, const fs::path& base_dir) : lexer_(lexer), base_dir_(base_dir) {}

    std::string error;

    std::optional<std::string> label() { return json_string("label"); }

    std::optional<Json> value() {
        auto token = lexer_.next();
        if (!token) return fail<Json>(lexer_.error().empty() ? "missing value" : lexer_.error());
        try {
            return Json::parse(*token);
        } catch (const Json::exception& e) {
            if (looks_like_word(*token))
                return fail<Json>("bad JSON value: " + std::string(*token) + " (strings need double quotes)");
            return fail<Json>("bad JSON value: " + std::string(*token) + " (" + json_reason(e) + ")");
        }
    }

    std::optional<fs::path> path() {
        auto text = json_string("path");
        if (!text) return std::nullopt;
        if (text->empty()) return fail<fs::path>("empty path");
        fs::path p = path_from_utf8(*text);
        return p.is_absolute() ? p : base_dir_ / p;
    }

    std::optional<ScriptAction> wait() {
        auto token = lexer_.next();
        if (!token) {
            if (!lexer_.error().empty()) return fail<ScriptAction>(lexer_.error());
            return fail<ScriptAction>(kWaitUsage);
        }
        std::string_view t = *token;
        if (t == "idle") return WaitIdleCommand{};
        if (t == "until") {
            auto what = label();
            if (!what) return std::nullopt;
            auto shows = value();
            if (!shows) return std::nullopt;
            return WaitUntilCommand{std::move(*what), std::move(*shows)};
        }
        if (t.ends_with("ms")) {
            auto ms = whole_number(t.substr(0, t.size() - 2));
            if (!ms) return fail<ScriptAction>(kWaitUsage);
            return WaitTimeCommand{std::chrono::milliseconds(*ms)};
        }
        if (t.ends_with("s")) {
            t.remove_suffix(1);
            double seconds = 0;
            auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), seconds);
            // Digits only: from_chars would also take "inf", "nan" and "-".
            const bool digits = !t.empty() && t.find_first_not_of("0123456789.") == std::string_view::npos;
            if (!digits || ec != std::errc() || end != t.data() + t.size() || seconds * 1000 > 2e9)
                return fail<ScriptAction>(kWaitUsage);
            return WaitTimeCommand{std::chrono::milliseconds(std::llround(seconds * 1000))};
        }
        auto frames = whole_number(t);
        if (!frames) return fail<ScriptAction>(kWaitUsage);
        return WaitFramesCommand{*frames};
    }

    // After `click LABEL`: nothing (a button), `at X Y` (an image's pixel) or `at T` (a media time).
    std::optional<ScriptAction> click(std::string label) {
        auto word = lexer_.peek();
        if (!word || *word != "at") return ClickCommand{std::move(label)};
        lexer_.next();
        std::vector<double> numbers;
        while (auto token = lexer_.peek()) {
            double v = 0;
            auto [end, ec] = std::from_chars(token->data(), token->data() + token->size(), v);
            if (ec != std::errc() || end != token->data() + token->size() || !std::isfinite(v) || v < 0) break;
            numbers.push_back(v);
            lexer_.next();
        }
        if (numbers.empty() || numbers.size() > 2)
            return fail<ScriptAction>(
                "click ... at needs an image pixel X Y (whole numbers from 0) or a media time T (seconds from 0)");
        if (numbers.size() == 1) return ClickTimeCommand{std::move(label), numbers[0]};
        for (double v : numbers)
            if (v != std::floor(v) || v > 1e9)
                return fail<ScriptAction>("click ... at X Y: pixel coordinates are whole numbers from 0, got " +
                                          format_number(v));
        return ClickPixelCommand{std::move(label), (int)numbers[0], (int)numbers[1]};
    }

    // After `zoom LABEL`: F at X Y.
    std::optional<ScriptAction> zoom(std::string label) {
        static constexpr const char* usage = "zoom needs a factor and a pixel: zoom \"label\" 8 at X Y";
        auto factor = number();
        if (!factor || !(*factor > 0) || *factor > 256) return fail<ScriptAction>(std::string(usage) + " (factor 0..256)");
        auto word = lexer_.next();
        if (!word || *word != "at") return fail<ScriptAction>(usage);
        auto x = number(), y = number();
        if (!x || !y || *x != std::floor(*x) || *y != std::floor(*y) || *x > 1e9 || *y > 1e9)
            return fail<ScriptAction>(std::string(usage) + " (pixel coordinates are whole numbers from 0)");
        return ZoomCommand{std::move(label), *factor, (int)*x, (int)*y};
    }

    // After `paint LABEL` (or erase): SIZE from X Y to X Y [to X Y ...].
    std::optional<ScriptAction> paint(std::string label, bool erase) {
        const std::string usage = std::string(erase ? "erase" : "paint") + " needs a size and a stroke: " +
                                  (erase ? "erase" : "paint") + " \"label\" 8 from X Y to X Y [to X Y ...]";
        auto size = number();
        if (!size || !(*size > 0) || *size > 1000) return fail<ScriptAction>(usage + " (size: image pixels, above 0, at most 1000)");
        PaintCommand command{std::move(label), *size, {}, erase};
        for (const char* word = "from"; lexer_.peek() || command.points.empty(); word = "to") {
            auto given = lexer_.next();
            if (!given || *given != word) return fail<ScriptAction>(usage);
            auto x = number(), y = number();
            if (!x || !y || *x != std::floor(*x) || *y != std::floor(*y) || *x > 1e9 || *y > 1e9)
                return fail<ScriptAction>(usage + " (pixel coordinates are whole numbers from 0)");
            command.points.emplace_back((int)*x, (int)*y);
        }
        if (command.points.size() < 2) return fail<ScriptAction>(usage + " (a stroke goes from one point to at least one other)");
        return command;
    }

    // After the last argument: anything left on the line is a mistake, not something to ignore.
    bool at_end() {
        auto token = lexer_.next();
        if (token) {
            error = "unexpected '" + std::string(*token) + "' after the command";
            return false;
        }
        if (!lexer_.error().empty()) {
            error = lexer_.error();
            return false;
        }
        return true;
    }

private:
    static constexpr const char* kWaitUsage = "wait needs a frame count, Nms, Ns, idle or until LABEL VALUE";

    template <class T>
    std::optional<T> fail(std::string message) {
        error = std::move(message);
        return std::nullopt;
    }

    // A finite number from 0 (no sign), or nullopt.
    std::optional<double> number() {
        auto token = lexer_.next();
        if (!token) return std::nullopt;
        double v = 0;
        auto [end, ec] = std::from_chars(token->data(), token->data() + token->size(), v);
        if (ec != std::errc() || end != token->data() + token->size() || !std::isfinite(v) || v < 0) return std::nullopt;
        return v;
    }

    static std::optional<int> whole_number(std::string_view t) {
        int n = 0;
        if (t.empty() || t[0] < '0' || t[0] > '9') return std::nullopt;  // no sign, no blank
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
        if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
        return n;
    }

    std::optional<std::string> json_string(const char* what) {
        auto token = lexer_.next();
        if (!token) return fail<std::string>(lexer_.error().empty() ? std::string("missing ") + what : lexer_.error());
        if ((*token)[0] != '"')
            return fail<std::string>(std::string(what) + " must be a JSON string in double quotes, got '" +
                                     std::string(*token) + "'");
        try {
            return Json::parse(*token).get<std::string>();
        } catch (const Json::exception& e) {
            return fail<std::string>("bad JSON string: " + json_reason(e));
        }
    }

    LineLexer& lexer_;
    const fs::path& base_dir_;
};

// One non-blank line: the action, or nullopt with `error` set.
std::optional<ScriptAction> parse_command(std::string_view word, CommandParser& p) {
    std::optional<ScriptAction> action;
    if (word == "set" || word == "expect") {
        auto label = p.label();
        if (!label) return std::nullopt;
        auto value = p.value();
        if (!value) return std::nullopt;
        if (word == "set")
            action = SetCommand{std::move(*label), std::move(*value)};
        else
            action = ExpectCommand{std::move(*label), std::move(*value)};
    } else if (word == "click" || word == "submit") {
        auto label = p.label();
        if (!label) return std::nullopt;
        if (word == "click")
            action = p.click(std::move(*label));
        else
            action = SubmitCommand{std::move(*label)};
    } else if (word == "zoom") {
        auto label = p.label();
        if (!label) return std::nullopt;
        action = p.zoom(std::move(*label));
    } else if (word == "paint" || word == "erase") {
        auto label = p.label();
        if (!label) return std::nullopt;
        action = p.paint(std::move(*label), word == "erase");
    } else if (word == "brush") {
        auto label = p.label();
        if (!label) return std::nullopt;
        auto name = p.label();
        if (!name) return std::nullopt;
        action = BrushCommand{std::move(*label), std::move(*name)};
    } else if (word == "undo") {
        auto label = p.label();
        if (!label) return std::nullopt;
        action = UndoCommand{std::move(*label)};
    } else if (word == "upload") {
        auto label = p.label();
        if (!label) return std::nullopt;
        auto file = p.path();
        if (!file) return std::nullopt;
        action = UploadCommand{std::move(*label), std::move(*file)};
    } else if (word == "wait") {
        action = p.wait();
    } else if (word == "screenshot") {
        auto file = p.path();
        if (!file) return std::nullopt;
        action = ScreenshotCommand{std::move(*file)};
    } else if (word == "like" || word == "dislike") {
        auto label = p.label();
        if (!label) return std::nullopt;
        auto index = p.value();
        if (!index) return std::nullopt;
        if (!index->is_number_unsigned() || index->get<std::uint64_t>() > 1000000) {
            p.error = "'" + std::string(word) + "' needs the message's index (0, 1, ...) after the label";
            return std::nullopt;
        }
        action = LikeCommand{std::move(*label), index->get<int>(), word == "like"};
    } else if (word == "quit") {
        action = QuitCommand{};
    } else {
        p.error = "unknown command '" + std::string(word) + "'";
        return std::nullopt;
    }
    if (!action || !p.at_end()) return std::nullopt;
    return action;
}

std::string quoted(const std::string& s) { return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string quoted(const fs::path& p) {
    const std::u8string u8 = p.u8string();
    return quoted(std::string(u8.begin(), u8.end()));
}

}  // namespace

std::string script_error(const std::string& file_name, int line, std::string_view message) {
    return file_name + ":" + std::to_string(line) + ": " + std::string(message);
}

ScriptParseResult parse_script(std::string_view text, const std::string& file_name, const fs::path& base_dir) {
    ScriptParseResult result;
    result.file_name = file_name;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM some editors write
    int line_number = 0;
    while (!text.empty()) {
        const size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++line_number;

        LineLexer lexer(line);
        auto word = lexer.next();
        std::string error = lexer.error();
        if (!word && error.empty()) continue;  // blank or comment
        if (error.empty()) {
            CommandParser parser(lexer, base_dir);
            if (auto action = parse_command(*word, parser)) {
                result.commands.push_back({line_number, std::move(*action)});
                continue;
            }
            error = parser.error;
        }
        result.error = script_error(file_name, line_number, error);
        result.error_line = line_number;
        return result;
    }
    return result;
}

ScriptParseResult load_script(const fs::path& path) {
    const std::string name = path.string();
    auto unreadable = [&](const std::string& why) {
        ScriptParseResult result;
        result.file_name = name;
        result.error = name + ": cannot read script: " + why;
        return result;
    };
    const FileRead file = read_file(path);
    if (file.os_error == EISDIR) return unreadable("it is a folder");
    if (!file) return unreadable(std::strerror(file.os_error));
    std::error_code ec;
    fs::path folder = fs::absolute(path, ec).parent_path();
    if (ec) folder = path.parent_path();
    return parse_script(file.content, name, folder);
}

std::string format_command(const ScriptAction& action) {
    auto value_text = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
    if (auto* c = std::get_if<SetCommand>(&action)) return "set " + quoted(c->label) + " " + value_text(c->value);
    if (auto* c = std::get_if<ClickCommand>(&action)) {
        std::string text = "click " + quoted(c->label);
        for (size_t i = 0; i < c->at.size(); ++i) text += (i == 0 ? " at " : " ") + format_number(c->at[i]);
        return text;
    }
    if (auto* c = std::get_if<SubmitCommand>(&action)) return "submit " + quoted(c->label);
    if (auto* c = std::get_if<UploadCommand>(&action)) return "upload " + quoted(c->label) + " " + quoted(c->file);
    if (auto* c = std::get_if<WaitFramesCommand>(&action)) return "wait " + std::to_string(c->frames);
    if (auto* c = std::get_if<WaitTimeCommand>(&action)) return "wait " + std::to_string(c->duration.count()) + "ms";
    if (std::holds_alternative<WaitIdleCommand>(action)) return "wait idle";
    if (auto* c = std::get_if<ExpectCommand>(&action)) return "expect " + quoted(c->label) + " " + value_text(c->value);
    if (auto* c = std::get_if<ScreenshotCommand>(&action)) return "screenshot " + quoted(c->file);
    if (auto* c = std::get_if<WaitUntilCommand>(&action)) return "wait until " + quoted(c->label) + " " + value_text(c->value);
    if (auto* c = std::get_if<LikeCommand>(&action))
        return (c->liked ? "like " : "dislike ") + quoted(c->label) + " " + std::to_string(c->index);
    if (auto* c = std::get_if<ClickPixelCommand>(&action))
        return "click " + quoted(c->label) + " at " + std::to_string(c->x) + " " + std::to_string(c->y);
    if (auto* c = std::get_if<ZoomCommand>(&action))
        return "zoom " + quoted(c->label) + " " + format_number(c->factor) + " at " + std::to_string(c->x) + " " +
               std::to_string(c->y);
    if (auto* c = std::get_if<PaintCommand>(&action)) {
        std::string text = (c->erase ? "erase " : "paint ") + quoted(c->label) + " " + format_number(c->size);
        for (size_t i = 0; i < c->points.size(); ++i)
            text += (i == 0 ? " from " : " to ") + std::to_string(c->points[i].first) + " " + std::to_string(c->points[i].second);
        return text;
    }
    if (auto* c = std::get_if<BrushCommand>(&action)) return "brush " + quoted(c->label) + " " + quoted(c->name);
    if (auto* c = std::get_if<UndoCommand>(&action)) return "undo " + quoted(c->label);
    if (auto* c = std::get_if<ClickTimeCommand>(&action))
        return "click " + quoted(c->label) + " at " + format_number(c->seconds);
    return "quit";
}

}  // namespace imgr
