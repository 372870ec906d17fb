// imgr/opencv.h: cv::Mat <-> imgr::ImageBuffer, for projects that use OpenCV
// (Debian's libopencv-core-dev; link opencv_core, or imgr_deps::opencv_core
// from find_package(imgr)). Header-only: include it only where OpenCV is.
//
//   imgr::ImageBuffer shown = imgr::from_mat(frame);      // BGR(A) -> RGB(A), 8-bit or float
//   cv::Mat bgr = imgr::to_mat(image);                      // RGB(A) -> BGR(A), a new Mat
//
// OpenCV keeps colour images in BGR order and imgr (like PNG files) in RGB:
// both functions swap the channels of 3- and 4-channel images unless told the
// Mat is already RGB. 8-bit Mats become 8-bit images; 32-bit float Mats float
// images (0..1, as imgr shows them). 1, 3 and 4 channels; anything else (16-bit,
// 2 channels, an empty Mat) throws std::invalid_argument naming what it got.
#pragma once
#include "imgr/model/image.h"

#include <opencv2/core.hpp>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace imgr {

enum class MatOrder { BGR, RGB };

namespace detail {
inline void check_mat(const cv::Mat& mat) {
    if (mat.empty()) throw std::invalid_argument("imgr::from_mat: the Mat is empty");
    if (mat.dims != 2) throw std::invalid_argument("imgr::from_mat: a Mat of " + std::to_string(mat.dims) + " dimensions");
    const int channels = mat.channels(), depth = mat.depth();
    if (channels != 1 && channels != 3 && channels != 4)
        throw std::invalid_argument("imgr::from_mat: " + std::to_string(channels) + " channels (1, 3 or 4 are shown)");
    if (depth != CV_8U && depth != CV_32F)
        throw std::invalid_argument("imgr::from_mat: element depth " + std::to_string(depth) +
                                    " (CV_8U or CV_32F; convert with Mat::convertTo)");
}
// Swaps channels 0 and 2 of each pixel (BGR <-> RGB) in place.
template <class T>
void swap_red_blue(T* pixels, size_t count, int channels) {
    for (size_t i = 0; i < count; ++i) std::swap(pixels[i * channels], pixels[i * channels + 2]);
}
}  // namespace detail

// A copy of the Mat's pixels as an ImageBuffer (rows made contiguous, channels in RGB order).
inline ImageBuffer from_mat(const cv::Mat& mat, MatOrder order = MatOrder::BGR) {
    detail::check_mat(mat);
    const int width = mat.cols, height = mat.rows, channels = mat.channels();
    const bool swap = order == MatOrder::BGR && channels >= 3;
    const size_t row_values = (size_t)width * channels;
    if (mat.depth() == CV_8U) {
        std::vector<uint8_t> pixels((size_t)height * row_values);
        for (int y = 0; y < height; ++y) std::memcpy(&pixels[(size_t)y * row_values], mat.ptr<uint8_t>(y), row_values);
        if (swap) detail::swap_red_blue(pixels.data(), (size_t)width * height, channels);
        return ImageBuffer(width, height, channels, std::move(pixels));
    }
    std::vector<float> pixels((size_t)height * row_values);
    for (int y = 0; y < height; ++y)
        std::memcpy(&pixels[(size_t)y * row_values], mat.ptr<float>(y), row_values * sizeof(float));
    if (swap) detail::swap_red_blue(pixels.data(), (size_t)width * height, channels);
    return ImageBuffer(width, height, channels, std::move(pixels));
}

// A new Mat holding a copy of the image (CV_8UC1/3/4 or CV_32FC1/3/4, BGR order unless asked for RGB).
inline cv::Mat to_mat(const ImageBuffer& image, MatOrder order = MatOrder::BGR) {
    if (image.empty()) throw std::invalid_argument("imgr::to_mat: the image is empty");
    const int width = image.width(), height = image.height(), channels = image.channels();
    if (channels != 1 && channels != 3 && channels != 4)
        throw std::invalid_argument("imgr::to_mat: " + std::to_string(channels) + " channels");
    const bool swap = order == MatOrder::BGR && channels >= 3;
    const size_t count = (size_t)width * height;
    if (image.type() == PixelType::U8) {
        cv::Mat mat(height, width, CV_MAKETYPE(CV_8U, channels));
        std::memcpy(mat.data, image.u8(), count * channels);
        if (swap) detail::swap_red_blue(mat.ptr<uint8_t>(), count, channels);
        return mat;
    }
    cv::Mat mat(height, width, CV_MAKETYPE(CV_32F, channels));
    std::memcpy(mat.data, image.f32(), count * channels * sizeof(float));
    if (swap) detail::swap_red_blue(mat.ptr<float>(), count, channels);
    return mat;
}

}  // namespace imgr
