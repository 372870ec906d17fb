// OCR with Tesseract 5: drop an image of text; each word read gets a box,
// labelled with the word and scored with Tesseract's confidence. Hover a box
// to read its confidence, and flag what it got wrong (the boxes are saved
// with the image: flagged/words/N.json).
#include <imgr/imgr.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <tuple>

#include "ocr_engine.h"

// One Tesseract for the whole app, behind a mutex: a TessBaseAPI must never be
// used by two threads at once. The Interface runs the function one call at a
// time (its event's concurrency limit is 1), so the lock does not wait in
// practice, while one engine per worker thread would load the model again for
// each thread and keep one copy each (tens of MB). main() owns it, so it is
// closed before Tesseract's own caches are torn down at exit.
struct SharedOcr {
    std::mutex mutex;
    std::unique_ptr<OcrEngine> engine;  // loaded at the first read, so the window opens at once

    OcrResult read(const imgr::ImageBuffer& image) {
        std::lock_guard lock(mutex);
        try {
            if (!engine) engine = std::make_unique<OcrEngine>("eng");
            return engine->read(image);
        } catch (const std::exception& e) {
            throw imgr::Error(e.what());
        }
    }
};

std::tuple<imgr::AnnotatedImageValue, std::string, imgr::LabelValue> read_text(SharedOcr& ocr, const imgr::ImageBuffer& image,
                                                                                 double min_confidence) {
    if (image.empty()) throw imgr::Error("Drop an image of text on the input first");
    const OcrResult result = ocr.read(image);
    imgr::AnnotatedImageValue words{image, {}, {}};
    double sum = 0;
    for (const OcrWord& word : result.words) {
        if (word.confidence < min_confidence) continue;
        words.boxes.push_back({(double)word.x0, (double)word.y0, (double)word.x1, (double)word.y1, word.text,
                               (double)word.confidence});
        sum += word.confidence;
    }
    char mean[64] = "no words";
    if (!words.boxes.empty()) std::snprintf(mean, sizeof mean, "%.1f", sum / (double)words.boxes.size());
    return {words, ocr_text(result, (float)min_confidence), imgr::LabelValue(mean)};
}

int main(int argc, char** argv) {
    SharedOcr ocr;
    auto read = [&ocr](const imgr::ImageBuffer& image, double min_confidence) { return read_text(ocr, image, min_confidence); };
    imgr::Interface demo(read,
                         {imgr::Image("image"), imgr::Slider("min confidence", 0, 100, 0)},
                         {imgr::AnnotatedImage("words").box_labels(false), imgr::Textbox("text").lines(4),
                          imgr::Label("confidence")},
                         {.title = "OCR with Tesseract",
                          .description = "Reads the words of an image with **Tesseract 5**. Hover a box or a word "
                                         "in the legend to see its confidence; flag what it read wrong.",
                          .flagging_mode = imgr::FlaggingMode::Manual,
                          .flagging_options = {"wrong text", "missed words"},
                          .show_flagged = true});
    return demo.launch(argc, argv);
}
