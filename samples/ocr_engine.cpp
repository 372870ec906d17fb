#include "ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

std::string find_tessdata(const std::string& language) {
    std::vector<std::string> candidates;
    if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
        candidates.push_back(prefix);
        candidates.push_back(std::string(prefix) + "/tessdata");
    }
    candidates.push_back("/usr/share/tesseract-ocr/5/tessdata");
    for (const std::string& dir : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(std::filesystem::path(dir) / (language + ".traineddata"), ec)) return dir;
    }
    return "";
}

OcrEngine::OcrEngine(const std::string& language) : api_(std::make_unique<tesseract::TessBaseAPI>()) {
    const std::string tessdata = find_tessdata(language);
    if (tessdata.empty())
        throw std::runtime_error("Tesseract's '" + language + "' model (" + language +
                                 ".traineddata) is not installed: apt-get install tesseract-ocr-" + language +
                                 ", or set TESSDATA_PREFIX to the folder that holds it");
    if (api_->Init(tessdata.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        throw std::runtime_error("Tesseract could not load '" + language + "' from " + tessdata);
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    // Images from screens and generators carry no resolution; without one Tesseract guesses and says so on stderr.
    api_->SetVariable("user_defined_dpi", "300");
}

OcrEngine::~OcrEngine() {
    if (api_) api_->End();
}

OcrResult OcrEngine::read(const imgr::ImageBuffer& image) {
    OcrResult result;
    if (image.empty() || image.pixel_count() == 0) return result;
    // Grey, whatever the input's channels and pixel type: Tesseract binarises it anyway.
    const int w = image.width(), h = image.height();
    std::vector<unsigned char> grey((size_t)w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            grey[(size_t)y * w + x] = (unsigned char)((image.sample(x, y, 0) * 299 + image.sample(x, y, 1) * 587 +
                                                       image.sample(x, y, 2) * 114) / 1000);
    api_->SetImage(grey.data(), w, h, 1, w);
    if (api_->Recognize(nullptr) != 0) throw std::runtime_error("Tesseract could not read the image");
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    int line = -1;
    if (it) do {
            if (it->Empty(tesseract::RIL_WORD)) continue;
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
            std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
            OcrWord word;
            word.text = text ? text.get() : "";
            word.confidence = it->Confidence(tesseract::RIL_WORD);
            word.line = std::max(line, 0);
            it->BoundingBox(tesseract::RIL_WORD, &word.x0, &word.y0, &word.x1, &word.y1);
            if (!word.text.empty()) result.words.push_back(std::move(word));
        } while (it->Next(tesseract::RIL_WORD));
    api_->Clear();
    return result;
}

std::string ocr_text(const OcrResult& result, float min_confidence) {
    std::string text;
    int line = -1;
    for (const OcrWord& word : result.words) {
        if (word.confidence < min_confidence) continue;
        if (line >= 0) text += word.line != line ? "\n" : " ";
        line = word.line;
        text += word.text;
    }
    return text;
}
