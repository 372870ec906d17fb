// The zlib PNG encoder writes files that stb_image reads back exactly and
// whose structure any reader accepts: signature, chunk CRCs, an IHDR that
// says what the pixels are, and a zlib stream of filtered rows.
#include <doctest/doctest.h>
#include <imgr/model/image_io.h>
#include <imgr/model/png_encoder.h>
#include <zlib.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

using imgr::ImageBuffer;

namespace {

ImageBuffer noise(int width, int height, int channels, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<uint8_t> pixels((size_t)width * height * channels);
    for (uint8_t& p : pixels) p = (uint8_t)random();
    return ImageBuffer(width, height, channels, std::move(pixels));
}

uint32_t be32(const uint8_t* p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

struct Chunk {
    std::string type;
    std::vector<uint8_t> data;
};

// Splits a PNG into its chunks, checking the signature and every CRC.
std::vector<Chunk> chunks_of(const std::vector<uint8_t>& png) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    REQUIRE(png.size() >= 8);
    REQUIRE(std::memcmp(png.data(), signature, 8) == 0);
    std::vector<Chunk> chunks;
    for (size_t at = 8; at < png.size();) {
        REQUIRE(at + 12 <= png.size());
        const uint32_t length = be32(&png[at]);
        REQUIRE(at + 12 + length <= png.size());
        const uint8_t* type = &png[at + 4];
        const uint32_t crc = (uint32_t)crc32(0L, type, 4 + length);
        CHECK(crc == be32(&png[at + 8 + length]));
        chunks.push_back({std::string((const char*)type, 4), std::vector<uint8_t>(type + 4, type + 4 + length)});
        at += 12 + length;
    }
    return chunks;
}

}  // namespace

TEST_CASE("encoded PNGs read back exactly, at any size and channel count") {
    for (int channels : {1, 3, 4})
        for (std::pair<int, int> size : {std::pair{1, 1}, {1, 50}, {77, 1}, {301, 203}}) {
            const int w = size.first, h = size.second;  // not a structured binding: CAPTURE's lambda takes them
            CAPTURE(channels);
            CAPTURE(w);
            CAPTURE(h);
            const ImageBuffer image = noise(w, h, channels, (unsigned)(w * 7 + h + channels));
            const std::vector<uint8_t> png = imgr::encode_png(image);
            const imgr::ImageLoadResult result = imgr::load_image_memory(png.data(), png.size());
            REQUIRE(result.error == "");
            CHECK(result.image.channels() == channels);
            CHECK(result.image == image);
        }
}

TEST_CASE("the PNG's chunks are well formed: IHDR first, IDAT a zlib stream of one filtered row after another, IEND last") {
    const int width = 129, height = 64, channels = 3;
    const ImageBuffer image = noise(width, height, channels, 3);
    const std::vector<Chunk> chunks = chunks_of(imgr::encode_png(image));
    REQUIRE(chunks.size() >= 3);
    CHECK(chunks.front().type == "IHDR");
    CHECK(chunks.back().type == "IEND");
    CHECK(chunks.back().data.empty());
    const std::vector<uint8_t>& header = chunks.front().data;
    REQUIRE(header.size() == 13);
    CHECK(be32(&header[0]) == (uint32_t)width);
    CHECK(be32(&header[4]) == (uint32_t)height);
    CHECK(header[8] == 8);   // bits per channel
    CHECK(header[9] == 2);   // truecolour
    CHECK(header[10] == 0);  // deflate
    CHECK(header[11] == 0);  // adaptive filtering
    CHECK(header[12] == 0);  // not interlaced

    std::vector<uint8_t> compressed;
    for (size_t i = 1; i + 1 < chunks.size(); ++i) {
        CHECK(chunks[i].type == "IDAT");
        compressed.insert(compressed.end(), chunks[i].data.begin(), chunks[i].data.end());
    }
    const size_t stride = (size_t)width * channels;
    std::vector<uint8_t> rows(height * (stride + 1) + 1);  // one byte more: there must be nothing after the rows
    uLongf size = (uLongf)rows.size();
    REQUIRE(uncompress(rows.data(), &size, compressed.data(), (uLong)compressed.size()) == Z_OK);
    REQUIRE(size == height * (stride + 1));
    for (int y = 0; y < height; ++y) CHECK(rows[y * (stride + 1)] <= 4);  // a filter type PNG defines
}

TEST_CASE("a float image is saved with its own channels, rounded as on screen") {
    const std::vector<float> values = {0.0f, 0.5f, 1.0f, 0.2f, 2.0f, -1.0f};
    const ImageBuffer image(2, 1, 3, values);
    const std::vector<uint8_t> png = imgr::encode_png(image);
    const imgr::ImageLoadResult result = imgr::load_image_memory(png.data(), png.size());
    REQUIRE(result.error == "");
    REQUIRE(result.image.channels() == 3);
    const ImageBuffer shown = image.to_rgba8();
    for (int x = 0; x < 2; ++x)
        for (int c = 0; c < 3; ++c) CHECK(result.image.sample(x, 0, c) == shown.sample(x, 0, c));
}

TEST_CASE("nothing to encode gives no bytes") {
    const uint8_t pixel[4] = {};
    CHECK(imgr::encode_png8(pixel, 0, 1, 3).empty());
    CHECK(imgr::encode_png8(pixel, 1, 1, 2).empty());  // grey+alpha is not an ImageBuffer layout
    CHECK(imgr::encode_png8(nullptr, 1, 1, 3).empty());
}
