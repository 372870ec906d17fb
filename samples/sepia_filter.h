// The sepia filter of the seed's Blocks demo (samples/sepia.cpp), in a header
// so that bench/bench_window.cpp measures the very same handler.
#pragma once
#include <imgr/imgr.h>

#include <algorithm>
#include <vector>

// strength * sepia matrix + (1 - strength) * identity, scaled so the brightest channel is 1.
inline imgr::ImageBuffer sepia(const imgr::ImageBuffer& input, double strength) {
    if (input.empty()) return {};
    const double sepia_matrix[3][3] = {{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}};
    float filter[3][3];
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            filter[r][c] = float((strength * sepia_matrix[r][c] + (1 - strength) * (r == c)) / 255.0);

    // Any input (grey, RGBA, float) read as RGBA8: made once per input image and kept with it.
    const imgr::ImageBuffer rgba = input.to_rgba8();
    const uint8_t* in = rgba.u8();
    std::vector<float> out(input.pixel_count() * 3);
    float brightest = 0;
    for (size_t i = 0; i < input.pixel_count(); ++i, in += 4) {
        const float rgb[3] = {float(in[0]), float(in[1]), float(in[2])};
        for (int r = 0; r < 3; ++r) {
            const float v = filter[r][0] * rgb[0] + filter[r][1] * rgb[1] + filter[r][2] * rgb[2];
            out[i * 3 + r] = v;
            brightest = std::max(brightest, v);
        }
    }
    // sepia_img /= sepia_img.max()
    if (brightest > 0)
        for (float& v : out) v /= brightest;
    return imgr::ImageBuffer(input.width(), input.height(), 3, std::move(out));
}
