// OcrEngine (samples/ocr_engine.h) reading text rendered at test time with
// DejaVu Sans: the words come back exactly, in reading order and lines, with
// boxes inside the image around the ink and confidences in 0..100.
#include <doctest/doctest.h>

#include "ocr_engine.h"
#include "text_image.h"

#include <cstdlib>
#include <stdexcept>

namespace {

// Whether any dark pixel lies inside the box: a word's box holds its ink.
bool has_ink(const imgr::ImageBuffer& image, const OcrWord& word) {
    for (int y = word.y0; y < word.y1; ++y)
        for (int x = word.x0; x < word.x1; ++x)
            if (image.sample(x, y, 0) < 100) return true;
    return false;
}

}  // namespace

TEST_CASE("ocr engine: rendered text is read back word for word, line by line") {
    const imgr::ImageBuffer page = render_text_image({"Hello imgr world", "second line 42"}, kDejaVuSans);
    OcrEngine engine;
    const OcrResult result = engine.read(page);
    std::vector<std::string> words;
    for (const OcrWord& word : result.words) words.push_back(word.text);
    CHECK(words == std::vector<std::string>{"Hello", "imgr", "world", "second", "line", "42"});
    CHECK(ocr_text(result) == "Hello imgr world\nsecond line 42");
    REQUIRE(result.words.size() == 6);
    for (size_t i = 0; i < result.words.size(); ++i) {
        const OcrWord& word = result.words[i];
        CAPTURE(word.text);
        CHECK(word.line == (i < 3 ? 0 : 1));
        CHECK(word.x0 >= 0);
        CHECK(word.y0 >= 0);
        CHECK(word.x1 <= page.width());
        CHECK(word.y1 <= page.height());
        CHECK(word.x0 < word.x1);
        CHECK(word.y0 < word.y1);
        CHECK(has_ink(page, word));
        CHECK(word.confidence >= 0);
        CHECK(word.confidence <= 100);
        if (i > 0 && word.line == result.words[i - 1].line) CHECK(word.x0 >= result.words[i - 1].x1);  // left to right
    }
    CHECK(result.words[3].y0 >= result.words[0].y1);  // the second line below the first
}

TEST_CASE("ocr engine: the confidence filter drops words below it from the text") {
    OcrResult result;
    result.words = {{"sure", 0, 0, 1, 1, 95, 0}, {"maybe", 2, 0, 3, 1, 40, 0}, {"next", 0, 2, 1, 3, 90, 1}};
    CHECK(ocr_text(result) == "sure maybe\nnext");
    CHECK(ocr_text(result, 50) == "sure\nnext");
    CHECK(ocr_text(result, 96).empty());
}

TEST_CASE("ocr engine: an empty image reads as no words — the engine is reusable after it") {
    OcrEngine engine;
    CHECK(engine.read(imgr::ImageBuffer{}).words.empty());
    const OcrResult result = engine.read(render_text_image({"again"}, kDejaVuSans));
    REQUIRE(result.words.size() == 1);
    CHECK(result.words[0].text == "again");
}

TEST_CASE("ocr engine: a missing language model is a clear message saying what to install") {
    CHECK(!find_tessdata("eng").empty());
    CHECK(find_tessdata("no_such_language").empty());
    try {
        OcrEngine engine("no_such_language");
        FAIL("an engine without its model was made");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("apt-get install tesseract-ocr-no_such_language") != std::string::npos);
    }
}
