#include "imgr/model/png_encoder.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace imgr {
namespace {

// Level 1: most of level 9's size on these images at a fraction of its time
// (the filter, not the match search, does most of the work on photographs).
constexpr int kZlibLevel = Z_BEST_SPEED;
constexpr uint8_t kFilterUp = 2;             // each byte minus the one above it
constexpr size_t kMaxChunkData = size_t(1) << 30;  // PNG chunk lengths stop at 2^31 - 1

void put_be32(std::vector<uint8_t>& out, uint32_t v) {
    const uint8_t bytes[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    out.insert(out.end(), bytes, bytes + 4);
}

void put_chunk(std::vector<uint8_t>& out, const char type[4], const uint8_t* data, size_t size) {
    put_be32(out, (uint32_t)size);
    const size_t type_at = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data, data + size);
    // The CRC covers the type and the data.
    uLong crc = crc32(0L, out.data() + type_at, 4);
    if (size > 0) crc = crc32_z(crc, data, size);  // (zlib answers 0 for a null buffer)
    put_be32(out, (uint32_t)crc);
}

// The image data as PNG stores it before compression: each row prefixed by
// its filter type, compressed a row at a time so no filtered copy of the
// whole image is kept.
bool compress_rows(const uint8_t* pixels, int width, int height, int channels, std::vector<uint8_t>& zdata) {
    z_stream stream{};
    if (deflateInit(&stream, kZlibLevel) != Z_OK) return false;
    const size_t stride = (size_t)width * channels;
    std::vector<uint8_t> row(stride + 1);
    row[0] = kFilterUp;
    uint8_t buffer[1 << 16];
    bool ok = true;
    for (int y = 0; y < height && ok; ++y) {
        const uint8_t* line = pixels + stride * y;
        if (y == 0) {
            std::memcpy(row.data() + 1, line, stride);  // above the first row is zero
        } else {
            const uint8_t* above = line - stride;
            for (size_t i = 0; i < stride; ++i) row[i + 1] = (uint8_t)(line[i] - above[i]);
        }
        stream.next_in = row.data();
        stream.avail_in = (uInt)row.size();
        const int flush = y + 1 == height ? Z_FINISH : Z_NO_FLUSH;
        int status;
        do {
            stream.next_out = buffer;
            stream.avail_out = sizeof buffer;
            status = deflate(&stream, flush);
            if (status == Z_STREAM_ERROR) {
                ok = false;
                break;
            }
            zdata.insert(zdata.end(), buffer, buffer + (sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
    }
    deflateEnd(&stream);
    return ok;
}

}  // namespace

std::vector<uint8_t> encode_png8(const uint8_t* pixels, int width, int height, int channels) {
    std::vector<uint8_t> out;
    if (!pixels || width <= 0 || height <= 0) return out;
    const uint8_t color_type = channels == 1 ? 0 : channels == 3 ? 2 : channels == 4 ? 6 : 255;
    if (color_type == 255) return out;
    // A row too long for zlib's 32-bit counts cannot be written (nor made: no image is that wide).
    if ((size_t)width * channels + 1 > 0xFFFFFFFFu) return out;

    std::vector<uint8_t> zdata;
    if (!compress_rows(pixels, width, height, channels, zdata)) return out;

    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    out.reserve(zdata.size() + 64);
    out.insert(out.end(), signature, signature + 8);
    std::vector<uint8_t> header;
    put_be32(header, (uint32_t)width);
    put_be32(header, (uint32_t)height);
    const uint8_t rest[5] = {8, color_type, 0, 0, 0};  // bit depth, colour type, deflate, adaptive filtering, no interlace
    header.insert(header.end(), rest, rest + 5);
    put_chunk(out, "IHDR", header.data(), header.size());
    for (size_t at = 0; at < zdata.size(); at += kMaxChunkData)
        put_chunk(out, "IDAT", zdata.data() + at, std::min(kMaxChunkData, zdata.size() - at));
    put_chunk(out, "IEND", nullptr, 0);
    return out;
}

}  // namespace imgr
