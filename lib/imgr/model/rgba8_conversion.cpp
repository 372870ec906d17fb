#include "imgr/model/rgba8_conversion.h"

#include <cstring>

namespace imgr {
namespace {

// The layout is a template parameter so that each loop has a constant stride
// and no per-channel decision inside.
template <int Channels, class In, class ToByte>
void expand(const In* in, size_t pixels, uint8_t* out, ToByte to_byte) {
    for (size_t i = 0; i < pixels; ++i) {
        const In* p = in + i * Channels;
        uint8_t* o = out + i * 4;
        if constexpr (Channels == 1) {
            const uint8_t grey = to_byte(p[0]);
            o[0] = grey;
            o[1] = grey;
            o[2] = grey;
            o[3] = 255;
        } else {
            o[0] = to_byte(p[0]);
            o[1] = to_byte(p[1]);
            o[2] = to_byte(p[2]);
            o[3] = Channels == 4 ? to_byte(p[3]) : (uint8_t)255;
        }
    }
}

template <class In, class ToByte>
void expand_any(const In* in, int channels, size_t pixels, uint8_t* out, ToByte to_byte) {
    switch (channels) {
        case 1: expand<1>(in, pixels, out, to_byte); break;
        case 3: expand<3>(in, pixels, out, to_byte); break;
        default: expand<4>(in, pixels, out, to_byte); break;
    }
}

}  // namespace

void convert_to_rgba8(const uint8_t* in, int channels, size_t pixels, uint8_t* out) {
    if (channels == 4) {
        std::memcpy(out, in, pixels * 4);
        return;
    }
    expand_any(in, channels, pixels, out, [](uint8_t v) { return v; });
}

void convert_to_rgba8(const float* in, int channels, size_t pixels, uint8_t* out) {
    if (channels == 4) {
        for (size_t i = 0; i < pixels * 4; ++i) out[i] = float_to_u8(in[i]);
        return;
    }
    // Floats to bytes over contiguous values (vectorises well), then the bytes
    // to RGBA, a block at a time so that the block stays in the L1 cache.
    constexpr size_t kBlock = 1024;
    uint8_t bytes[kBlock * 3];
    for (size_t start = 0; start < pixels; start += kBlock) {
        const size_t count = pixels - start < kBlock ? pixels - start : kBlock;
        const float* from = in + start * channels;
        for (size_t i = 0; i < count * channels; ++i) bytes[i] = float_to_u8(from[i]);
        convert_to_rgba8(bytes, channels, count, out + start * 4);
    }
}

}  // namespace imgr
