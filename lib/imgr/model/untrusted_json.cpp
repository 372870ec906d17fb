#include "imgr/model/untrusted_json.h"

#include "imgr/model/quoted_text.h"

#include <stdexcept>

namespace imgr {

void check_json_nesting(std::string_view text, size_t max_depth) {
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                throw std::invalid_argument("JSON nested more than " + std::to_string(max_depth) + " levels deep");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

std::string json_error_message(const std::exception& error) {
    std::string message = error.what();
    if (message.starts_with("[json.exception.")) {
        if (const size_t end = message.find("] "); end != std::string::npos) message.erase(0, end + 2);
    }
    if (const size_t read = message.find("; last read"); read != std::string::npos) message.erase(read);
    return printable(shortened(message, 2 * kQuotedCharacters));
}

}  // namespace imgr
