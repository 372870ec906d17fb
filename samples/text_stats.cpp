// Text statistics with flagging_mode auto: every submission is saved, and the
// window says so. Counts are in Unicode code points, not bytes.
#include <imgr/imgr.h>

#include <tuple>

namespace {

// Splits UTF-8 into code points; an invalid byte counts as one (U+FFFD).
std::vector<std::string> code_points(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = (unsigned char)text[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + n > text.size()) n = 1;
        for (size_t k = 1; k < n; ++k)
            if (((unsigned char)text[i + k] >> 6) != 0x2) n = 1;
        out.push_back(n == 1 && c >= 0x80 ? std::string("\xEF\xBF\xBD") : text.substr(i, n));
        i += n;
    }
    return out;
}

bool is_space(const std::string& cp) {
    return cp == " " || cp == "\n" || cp == "\t" || cp == "\r" || cp == "\xE3\x80\x80" /* ideographic space */;
}

}  // namespace

std::tuple<double, double, std::string> text_stats(const std::string& text) {
    const std::vector<std::string> characters = code_points(text);
    double words = 0;
    bool in_word = false;
    for (const std::string& cp : characters) {
        if (!is_space(cp) && !in_word) ++words;
        in_word = !is_space(cp);
    }
    std::string reversed;
    for (auto it = characters.rbegin(); it != characters.rend(); ++it) reversed += *it;
    return {(double)characters.size(), words, reversed};
}

int main(int argc, char** argv) {
    imgr::Interface demo(text_stats, {imgr::Textbox("text").lines(4).placeholder("Type or paste any text")},
                         {imgr::Number("characters"), imgr::Number("words"), imgr::Textbox("reversed").lines(4)},
                         {.title = "Text statistics",
                          .description = "Counts characters (Unicode code points) and words, and reverses the text.",
                          .flagging_mode = imgr::FlaggingMode::Auto});
    return demo.launch(argc, argv);
}
