// Image files: round trips through the formats stb writes, channel counts
// kept, bad input refused with a message, size limits applied before any
// decoding, and PNGs saved without leaving half-written files.
#include <doctest/doctest.h>
#include <imgr/model/image_io.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using imgr::ImageBuffer;

namespace {

// A smooth pattern, different in every channel, so that JPEG's loss stays small
// and a swapped or dropped channel shows.
ImageBuffer pattern(int width, int height, int channels) {
    std::vector<uint8_t> pixels((size_t)width * height * channels);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                pixels[((size_t)y * width + x) * channels + c] =
                    (uint8_t)(c == 3 ? 255 - 2 * y : (x * 4 + y * 2 + c * 60) % 256);
    return ImageBuffer(width, height, channels, std::move(pixels));
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    out->insert(out->end(), (const uint8_t*)data, (const uint8_t*)data + size);
}

enum class Format { Png, Jpeg, Bmp };

std::vector<uint8_t> stb_encode(const ImageBuffer& image, Format format) {
    std::vector<uint8_t> out;
    const int w = image.width(), h = image.height(), n = image.channels();
    int ok = 0;
    switch (format) {
    case Format::Png: ok = stbi_write_png_to_func(append_bytes, &out, w, h, n, image.u8(), w * n); break;
    case Format::Jpeg: ok = stbi_write_jpg_to_func(append_bytes, &out, w, h, n, image.u8(), 95); break;
    case Format::Bmp: ok = stbi_write_bmp_to_func(append_bytes, &out, w, h, n, image.u8()); break;
    }
    REQUIRE(ok != 0);
    return out;
}

imgr::ImageLoadResult load(const std::vector<uint8_t>& bytes, const imgr::ImageLimits& limits = {}) {
    return imgr::load_image_memory(bytes.data(), bytes.size(), limits);
}

// A fresh, empty folder for one test case (test cases may run in parallel).
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(IMGR_TEST_TMP) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> folder_listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// CRC-32 as PNG chunks use it (ISO 3309, reflected, polynomial 0xEDB88320).
uint32_t crc32(const uint8_t* data, size_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

void put_be32(std::vector<uint8_t>& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back((uint8_t)(v >> shift));
}

// The PNG signature and a well-formed IHDR chunk (8-bit RGBA), nothing after it.
std::vector<uint8_t> png_header(uint32_t width, uint32_t height) {
    std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    put_be32(png, 13);
    const size_t type_at = png.size();
    for (char c : std::string("IHDR")) png.push_back((uint8_t)c);
    put_be32(png, width);
    put_be32(png, height);
    for (uint8_t b : {8, 6, 0, 0, 0}) png.push_back(b);  // depth, colour type RGBA, compression, filter, interlace
    put_be32(png, crc32(&png[type_at], png.size() - type_at));
    return png;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("PNG keeps grey, RGB and RGBA images exactly, as encode_png or stb writes them") {
    for (int channels : {1, 3, 4}) {
        CAPTURE(channels);
        const ImageBuffer image = pattern(37, 21, channels);  // odd width: rows not 4-byte aligned
        for (const std::vector<uint8_t>& bytes : {imgr::encode_png(image), stb_encode(image, Format::Png)}) {
            imgr::ImageLoadResult result = load(bytes);
            REQUIRE(result.error == "");
            CHECK(result);
            CHECK(result.image.channels() == channels);
            CHECK(result.image == image);
        }
    }
}

TEST_CASE("a PNG saved with save_png loads back from its file with the path as source") {
    const fs::path dir = scratch("png_file_round_trip");
    const std::string path = (dir / "picture.png").string();
    const ImageBuffer image = pattern(16, 9, 3);
    REQUIRE(imgr::save_png(path, image).ok());
    imgr::ImageLoadResult result = imgr::load_image_file(path);
    REQUIRE(result.error == "");
    CHECK(result.image == image);
    CHECK(result.image.source == path);
}

TEST_CASE("JPEG decodes close to the original, and a grey image stb wrote (always in colour) reads back as RGB") {
    for (int channels : {3, 1}) {
        CAPTURE(channels);
        const ImageBuffer image = pattern(48, 32, channels);
        imgr::ImageLoadResult result = load(stb_encode(image, Format::Jpeg));
        REQUIRE(result.error == "");
        REQUIRE(result.image.width() == 48);
        REQUIRE(result.image.height() == 32);
        // stb_image_write always writes three components; the loader keeps what the file has.
        REQUIRE(result.image.channels() == 3);
        // Lossy, but at quality 95 a smooth image stays within a few levels.
        double total = 0;
        int worst = 0;
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 48; ++x)
                for (int c = 0; c < 3; ++c) {
                    const int diff = std::abs((int)image.sample(x, y, c) - (int)result.image.sample(x, y, c));
                    total += diff;
                    worst = std::max(worst, diff);
                }
        CHECK(total / (48 * 32 * 3) < 3.0);
        CHECK(worst <= 24);
    }
}

TEST_CASE("a JPEG whose scan names a Huffman table it never defines is refused, not decoded from garbage") {
    // stb_image_write defines DC and AC tables 0 and 1; the third component is pointed at AC table 3.
    std::vector<uint8_t> jpeg = stb_encode(pattern(16, 8, 3), Format::Jpeg);
    REQUIRE(load(jpeg).error == "");
    size_t sos = 0;
    for (size_t i = 0; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA) sos = i;
    REQUIRE(sos > 0);
    REQUIRE(jpeg[sos + 4] == 3);  // three components, each a selector byte and a tables byte
    jpeg[sos + 6 + 2 * 2] = 0x13;  // DC table 1 (defined), AC table 3 (not)
    imgr::ImageLoadResult result = load(jpeg);
    CHECK_FALSE(result);
    CHECK(result.error == "the image is corrupt (the JPEG uses a Huffman table it does not define)");
    CHECK(result.image.empty());
}

TEST_CASE("BMP keeps RGB and RGBA images exactly") {
    for (int channels : {3, 4}) {
        CAPTURE(channels);
        const ImageBuffer image = pattern(13, 7, channels);  // 13*3 bytes: BMP rows need padding
        imgr::ImageLoadResult result = load(stb_encode(image, Format::Bmp));
        REQUIRE(result.error == "");
        CHECK(result.image.channels() == channels);
        CHECK(result.image == image);
    }
}

TEST_CASE("corrupt bytes give an error message and an empty image") {
    const std::vector<uint8_t> valid = imgr::encode_png(pattern(32, 32, 3));
    SUBCASE("bytes that are no image format at all") {
        std::vector<uint8_t> garbage(500);
        for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = (uint8_t)(i * 37 + 11);
        imgr::ImageLoadResult result = load(garbage);
        CHECK_FALSE(result);
        CHECK(contains(result.error, "not a readable image"));
        CHECK(result.image.empty());
    }
    SUBCASE("a PNG cut off in the middle of its pixel data") {
        imgr::ImageLoadResult result = load(std::vector<uint8_t>(valid.begin(), valid.begin() + valid.size() / 2));
        CHECK_FALSE(result);
        CHECK(result.error != "");
        CHECK(result.image.empty());
    }
    SUBCASE("a PNG whose compressed pixel data is overwritten") {
        std::vector<uint8_t> damaged = valid;
        for (size_t i = 60; i < damaged.size() - 20; ++i) damaged[i] = 0xFF;
        imgr::ImageLoadResult result = load(damaged);
        CHECK_FALSE(result);
        CHECK(contains(result.error, "corrupt"));
        CHECK(result.image.empty());
    }
}

TEST_CASE("an empty file and a missing file give an error naming the file") {
    const fs::path dir = scratch("empty_and_missing");
    const std::string empty = (dir / "empty.png").string();
    std::ofstream(empty).close();
    imgr::ImageLoadResult result = imgr::load_image_file(empty);
    CHECK_FALSE(result);
    CHECK(contains(result.error, empty));
    CHECK(contains(result.error, "empty"));
    CHECK(result.image.empty());

    CHECK(contains(load({}).error, "empty"));

    const std::string missing = (dir / "missing.png").string();
    result = imgr::load_image_file(missing);
    CHECK_FALSE(result);
    CHECK(contains(result.error, missing));
    CHECK(contains(result.error, "No such file"));
    CHECK(result.image.empty());
}

TEST_CASE("the test's CRC-32 is the standard one") {
    const std::string check = "123456789";
    CHECK(crc32((const uint8_t*)check.data(), check.size()) == 0xCBF43926u);
}

TEST_CASE("a PNG header declaring 100000x100000 pixels is refused by the limits before decoding") {
    // The same header with a small size gets as far as decoding (and fails
    // there: there is no pixel data), so the bytes themselves are well formed.
    imgr::ImageLoadResult small = load(png_header(2, 2));
    CHECK_FALSE(small);
    CHECK(contains(small.error, "corrupt"));

    imgr::ImageLoadResult huge = load(png_header(100000, 100000));
    CHECK_FALSE(huge);
    CHECK(huge.image.empty());
    CHECK(contains(huge.error, "100000x100000"));
    CHECK(contains(huge.error, "limit"));
}

TEST_CASE("custom limits refuse real images by side and by decoded size") {
    const std::vector<uint8_t> png = imgr::encode_png(pattern(300, 200, 4));
    CHECK(load(png));

    imgr::ImageLimits narrow;
    narrow.max_side = 256;
    imgr::ImageLoadResult by_side = load(png, narrow);
    CHECK(contains(by_side.error, "300x200"));
    CHECK(by_side.image.empty());

    imgr::ImageLimits small;
    small.max_decoded_bytes = 100000;  // 300*200*4 = 240000
    imgr::ImageLoadResult by_bytes = load(png, small);
    CHECK(contains(by_bytes.error, "limit"));
    CHECK(by_bytes.image.empty());
}

TEST_CASE("a PNG with an eXIf chunk of length 0 decodes to its pixels: libspng 0.7.3 would read a wild address on it") {
    const ImageBuffer image = pattern(37, 21, 3);
    for (const bool before_pixels : {true, false}) {
        CAPTURE(before_pixels);
        std::vector<uint8_t> png = imgr::encode_png(image);
        std::vector<uint8_t> exif;
        put_be32(exif, 0);
        for (char c : std::string("eXIf")) exif.push_back((uint8_t)c);
        put_be32(exif, crc32(exif.data() + 4, 4));
        // After IHDR (8 + 25 bytes) or before IEND (its last 12 bytes).
        png.insert(before_pixels ? png.begin() + 33 : png.end() - 12, exif.begin(), exif.end());
        imgr::ImageLoadResult result = load(png);
        REQUIRE(result.error == "");
        CHECK(result.image == image);
    }
}

TEST_CASE("8-bit grey, RGB and RGBA PNGs of one row, one column or many decode exactly") {
    // imgr's own encoder: a row filter per row, odd and even widths, one row, one column.
    for (const std::pair<int, int>& size : std::vector<std::pair<int, int>>{{1, 1}, {1, 50}, {50, 1}, {1920, 3}, {333, 77}})
        for (int channels : {1, 3, 4}) {
            const int w = size.first, h = size.second;
            CAPTURE(w);
            CAPTURE(h);
            CAPTURE(channels);
            const ImageBuffer image = pattern(w, h, channels);
            imgr::ImageLoadResult result = load(imgr::encode_png(image));
            REQUIRE(result.error == "");
            CHECK(result.image == image);
        }
}

TEST_CASE("save_png leaves only the finished file, also when it replaces one") {
    const fs::path dir = scratch("no_partial");
    const std::string path = (dir / "0.png").string();
    REQUIRE(imgr::save_png(path, pattern(8, 8, 4)).ok());
    const ImageBuffer second = pattern(5, 3, 1);
    REQUIRE(imgr::save_png(path, second).ok());
    CHECK(folder_listing(dir) == std::vector<std::string>{"0.png"});
    CHECK(imgr::load_image_file(path).image == second);
}

TEST_CASE("save_png into a missing folder fails with a message naming the file, and writes nothing") {
    const fs::path dir = scratch("missing_folder");
    const std::string path = (dir / "no" / "such" / "folder" / "0.png").string();
    const imgr::IoResult saved = imgr::save_png(path, pattern(4, 4, 3));
    CHECK_FALSE(saved);
    CHECK(contains(saved.error, path));
    CHECK(contains(saved.error, "folder '" + (dir / "no" / "such" / "folder").string() + "' does not exist"));
    CHECK(saved.os_error == ENOENT);
    CHECK_FALSE(fs::exists(dir / "no"));
    CHECK(folder_listing(dir).empty());
}

TEST_CASE("an empty image is neither encoded nor saved") {
    const fs::path dir = scratch("empty_image");
    CHECK(imgr::encode_png(ImageBuffer()).empty());
    CHECK_FALSE(imgr::save_png((dir / "0.png").string(), ImageBuffer()).ok());
    CHECK(folder_listing(dir).empty());
}

TEST_CASE("float images are clamped when saved: NaN and below 0 give 0, above 1 gives 255") {
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    const ImageBuffer image(7, 1, 1, std::vector<float>{nan, -0.5f, 0.0f, 0.5f, 1.0f, 7.0f, inf});
    const std::vector<int> expected = {0, 0, 0, 128, 255, 255, 255};
    for (int x = 0; x < 7; ++x) {
        CAPTURE(x);
        CHECK(image.sample(x, 0, 0) == expected[x]);
    }
    imgr::ImageLoadResult result = load(imgr::encode_png(image));
    REQUIRE(result.error == "");
    REQUIRE(result.image.width() == 7);
    for (int x = 0; x < 7; ++x) {
        CAPTURE(x);
        for (int c = 0; c < 3; ++c) CHECK(result.image.sample(x, 0, c) == expected[x]);  // grey in r, g, b
        CHECK(result.image.sample(x, 0, 3) == 255);
    }
}
