#include "grabcut_cut.h"

#include <imgr/opencv.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>

std::tuple<imgr::AnnotatedImageValue, imgr::ImageBuffer, imgr::LabelValue> cut_out(
    const imgr::ImageEditorValue& picture, double iterations, imgr::Progress& progress) {
    if (picture.empty()) throw imgr::Error("Upload a picture, then paint on it");
    const imgr::ImageBuffer object = imgr::painted_mask(picture.layers.at(0), kGrabcutObject);
    const imgr::ImageBuffer background = imgr::painted_mask(picture.layers.at(0), kGrabcutBackground);
    const int w = picture.background.width(), h = picture.background.height();

    // GrabCut's seed: the strokes surely, the box around every stroke probably object.
    cv::Mat mask(h, w, CV_8UC1, cv::Scalar(cv::GC_PR_BGD));
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    bool any_object = false;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = (size_t)y * w + x;
            if (!object.u8()[i] && !background.u8()[i]) continue;
            any_object |= object.u8()[i] != 0;
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
    if (!any_object) throw imgr::Error("Paint an \"object\" stroke across what you want cut out");
    mask(cv::Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1)).setTo(cv::GC_PR_FGD);
    for (size_t i = 0; i < (size_t)w * h; ++i) {
        if (object.u8()[i]) mask.data[i] = cv::GC_FGD;
        if (background.u8()[i]) mask.data[i] = cv::GC_BGD;
    }

    cv::Mat bgr;
    cv::cvtColor(imgr::to_mat(picture.background.to_rgba8()), bgr, cv::COLOR_BGRA2BGR);
    cv::Mat background_model, object_model;
    cv::theRNG().state = 0x9e3779b9;  // GrabCut's k-means starts from the thread's RNG: the same cut on every run
    const int rounds = std::max(1, (int)iterations);
    for (int i = 0; i < rounds; ++i) {
        progress((double)i / rounds, "GrabCut iteration " + std::to_string(i + 1) + " of " + std::to_string(rounds));
        cv::grabCut(bgr, mask, cv::Rect(), background_model, object_model, 1,
                    i == 0 ? cv::GC_INIT_WITH_MASK : cv::GC_EVAL);
    }

    // The object: sure and probable object pixels.
    imgr::ImageBuffer cut(w, h, 1);
    imgr::ImageBuffer transparent(w, h, 4);
    const imgr::ImageBuffer rgba = picture.background.to_rgba8();
    size_t area = 0;
    int bx0 = w, by0 = h, bx1 = 0, by1 = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = (size_t)y * w + x;
            const bool in = mask.data[i] == cv::GC_FGD || mask.data[i] == cv::GC_PR_FGD;
            if (!in) continue;
            cut.mutable_u8()[i] = 255;
            std::copy_n(rgba.u8() + i * 4, 4, transparent.mutable_u8() + i * 4);
            ++area;
            bx0 = std::min(bx0, x), by0 = std::min(by0, y), bx1 = std::max(bx1, x + 1), by1 = std::max(by1, y + 1);
        }
    imgr::AnnotatedImageValue shown{picture.background, {}, {{"object", cut}}};
    if (area) shown.boxes.push_back({(double)bx0, (double)by0, (double)bx1, (double)by1, "object", 1.0});
    const double share = (double)area / ((double)w * h);
    imgr::LabelValue label({{"object", share}, {"background", 1 - share}});
    label.label = std::to_string(area) + " px";
    return {shown, transparent, label};
}

