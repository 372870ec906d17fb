// A small wrapper over Tesseract 5 for the OCR sample: an ImageBuffer in,
// words with boxes and confidences out. One OcrEngine is one TessBaseAPI,
// which is not safe to use from two threads at once: callers share one
// engine behind a mutex, or keep one per thread.
#pragma once
#include <imgr/model/image.h>

#include <memory>
#include <string>
#include <vector>

namespace tesseract {
class TessBaseAPI;
}

struct OcrWord {
    std::string text;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // image pixels, right and bottom exclusive
    float confidence = 0;                // Tesseract's, 0..100
    int line = 0;                        // the text line it is on, counted from 0 over the page
};

struct OcrResult {
    std::vector<OcrWord> words;          // in reading order
};

// Where Tesseract's language data is: $TESSDATA_PREFIX when it holds
// <language>.traineddata, else Debian's /usr/share/tesseract-ocr/5/tessdata;
// "" when neither has it.
std::string find_tessdata(const std::string& language = "eng");

class OcrEngine {
public:
    // Loads the language model; throws std::runtime_error saying what to install when it is missing.
    explicit OcrEngine(const std::string& language = "eng");
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    OcrResult read(const imgr::ImageBuffer& image);  // an empty image reads as no words

private:
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

// The words at or above min_confidence as text: words of a line joined by spaces, lines by '\n'.
std::string ocr_text(const OcrResult& result, float min_confidence = 0);
