// Test media made at test time (never downloaded, never committed): a
// testsrc-like clip whose frames carry their own index in flat colour areas
// that survive lossy compression. Left half pure red; right half grey at
// grey_of(i); so a decoded frame says which frame it is.
#pragma once
#include <doctest/doctest.h>
#include <imgr/media/model/video_file.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace imgr_test {

inline int grey_of(int frame) { return 20 + (frame * 4) % 220; }

inline imgr::ImageBuffer synthetic_frame(int index, int width = 320, int height = 240) {
    std::vector<uint8_t> pixels((size_t)width * height * 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &pixels[((size_t)y * width + x) * 3];
            if (x < width / 2) {
                p[0] = 255, p[1] = 0, p[2] = 0;
            } else {
                p[0] = p[1] = p[2] = (uint8_t)grey_of(index);
            }
        }
    return imgr::ImageBuffer(width, height, 3, std::move(pixels));
}

// A fresh folder under the build's temporary folder.
inline std::filesystem::path fresh_dir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("imgr-video-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// `count` frames at `fps` into path; returns its value.
inline imgr::VideoValue make_clip(const std::string& path, int count = 50, double fps = 25, int width = 320,
                                  int height = 240) {
    std::vector<imgr::ImageBuffer> frames;
    for (int i = 0; i < count; ++i) frames.push_back(synthetic_frame(i, width, height));
    imgr::VideoWriteResult written = imgr::write_video_file(path, frames, fps);
    REQUIRE_MESSAGE(written.ok(), written.error);
    return written.video;
}

// Which frame a decoded picture is, from its right half's grey (-1 when it is not one of ours).
inline int frame_index_of(const imgr::ImageBuffer& image, int count = 50) {
    const int grey = image.sample(image.width() * 3 / 4, image.height() / 2, 1);
    int best = -1, best_error = 7;  // within compression noise, and grey levels are 4 apart... nearest wins
    for (int i = 0; i < count; ++i) {
        const int error = std::abs(grey_of(i) - grey);
        if (error < best_error) best = i, best_error = error;
    }
    return best;
}

}  // namespace imgr_test
