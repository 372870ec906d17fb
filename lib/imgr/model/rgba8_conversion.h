// Converting pixels to RGBA8, the form textures and PNG files take. One tight
// loop per pixel layout, without branches per channel, so that the compiler
// vectorises it (see lib/CMakeLists.txt for the flags that takes).
#pragma once
#include <cstddef>
#include <cstdint>

namespace imgr {

// A float channel (0..1) as 0..255: below 0 and NaN give 0, 1 and above (inf too) 255, rounding half away from zero.
inline uint8_t float_to_u8(float v) {
    // Selects, not early returns, so that loops using this vectorise.
    float clamped = v > 0.0f ? v : 0.0f;  // NaN compares false: 0
    clamped = clamped < 1.0f ? clamped : 1.0f;
    // In double, adding 0.5 to a float below 256 is exact, so truncating
    // rounds half away from zero exactly as std::lround(clamped * 255.0f).
    return (uint8_t)(int)((double)(clamped * 255.0f) + 0.5);
}

// `pixels` pixels of `channels` (1 grey, 3 RGB, 4 RGBA) interleaved values
// each, into pixels * 4 bytes: grey repeats in r, g and b; alpha is 255 when absent.
void convert_to_rgba8(const uint8_t* in, int channels, size_t pixels, uint8_t* out);
void convert_to_rgba8(const float* in, int channels, size_t pixels, uint8_t* out);

}  // namespace imgr
