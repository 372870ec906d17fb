#include "imgr/model/image_io.h"

#include "imgr/model/file_read.h"
#include "imgr/model/png_encoder.h"
#include "imgr/model/rgba8_conversion.h"

#include <spng.h>
#include <stb_image.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>

namespace imgr {
namespace {

std::string check_limits(int width, int height, int channels, const ImageLimits& limits) {
    if (width <= 0 || height <= 0) return "the image has no pixels";
    if (width > limits.max_side || height > limits.max_side)
        return "the image is " + std::to_string(width) + "x" + std::to_string(height) + ", larger than the limit of " +
               std::to_string(limits.max_side) + " pixels a side";
    const size_t decoded = (size_t)width * height * (channels < 1 ? 4 : channels);
    if (decoded > limits.max_decoded_bytes)
        return "the image would take " + std::to_string(decoded >> 20) + " MB decoded, more than the limit of " +
               std::to_string(limits.max_decoded_bytes >> 20) + " MB";
    return "";
}

const uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

// Walks a PNG's chunks as stb_image walks them, from after the signature until IEND or
// the end of the bytes; a chunk longer than what is left ends the walk with the next
// step. True as soon as `found(type, length, pos)` is (pos: where the chunk starts).
template <typename Found>
bool any_png_chunk(const uint8_t* bytes, size_t size, Found found) {
    for (size_t pos = 8; pos + 8 <= size;) {
        const size_t length = (size_t)bytes[pos] << 24 | (size_t)bytes[pos + 1] << 16 | (size_t)bytes[pos + 2] << 8 |
                              bytes[pos + 3];
        const uint8_t* type = bytes + pos + 4;
        if (found(type, length, pos)) return true;
        if (std::memcmp(type, "IEND", 4) == 0) return false;
        pos += 12 + length;  // header, data, CRC
    }
    return false;
}

// stb's own PNG header check refuses a huge PNG with a bare "too large"
// before our limits see it; reading the declared size first lets the limits
// say what is wrong. Only the IHDR chunk, which must come first, is read.
bool png_declared_size(const uint8_t* bytes, size_t size, int& width, int& height) {
    if (size < 24 || std::memcmp(bytes, kPngSignature, 8) != 0 || std::memcmp(bytes + 12, "IHDR", 4) != 0) return false;
    auto be32 = [&](size_t at) {
        const uint32_t v = (uint32_t)bytes[at] << 24 | (uint32_t)bytes[at + 1] << 16 | (uint32_t)bytes[at + 2] << 8 |
                           bytes[at + 3];
        return (int)std::min<uint32_t>(v, INT32_MAX);
    };
    width = be32(16);
    height = be32(20);
    return true;
}

// stb_image 2.27 (Debian 12's libstb) does not check that a JPEG Huffman
// table's code counts add up to at most 256 and writes past its tables (found
// by tests/fuzz; upstream checks it since 2.28). A marker is the byte after
// an 0xFF wherever stb reads it, so every FF C4 (DHT) is checked as stb would
// parse it; a rare false match inside other data only refuses that file.
bool jpeg_huffman_tables_overflow(const uint8_t* bytes, size_t size) {  // bytes[0] is a JPEG's 0xFF
    auto at = [&](size_t i) -> unsigned { return i < size ? bytes[i] : 0u; };  // stb reads 0 past the end
    for (size_t marker = 0; marker + 1 < size; ++marker) {
        if (bytes[marker] != 0xFF || bytes[marker + 1] != 0xC4) continue;
        size_t pos = marker + 2;
        long length = long(at(pos) << 8 | at(pos + 1)) - 2;
        pos += 2;
        while (length > 0 && pos < size) {
            const unsigned q = at(pos++);
            if ((q >> 4) > 1 || (q & 15) > 3) break;  // stb refuses this table itself
            unsigned n = 0;
            for (int i = 0; i < 16; ++i) n += at(pos++);
            if (n > 256) return true;
            pos += n;
            length -= 17 + long(n);
        }
    }
    return false;
}

// stb_image 2.27 decodes a scan with whatever Huffman table its components
// name, defined or not: a table no DHT segment filled is uninitialised memory,
// read as code lengths and symbol offsets (found by tests/fuzz: an index of
// 0x5F5F5F5F into a 256-entry table). Segments are followed as stb reads them,
// every FF C4 (DHT) defining tables and every FF DA (SOS) checked against them;
// a progressive scan uses only the table its kind needs, as stb's decoder does.
bool jpeg_scan_uses_undefined_table(const uint8_t* bytes, size_t size) {  // bytes[0] is a JPEG's 0xFF
    auto at = [&](size_t i) -> unsigned { return i < size ? bytes[i] : 0u; };
    bool defined[2][4] = {};  // [0] DC, [1] AC tables, by id
    bool progressive = false;
    for (size_t marker = 0; marker + 1 < size; ++marker) {
        if (bytes[marker] != 0xFF) continue;
        const unsigned kind = bytes[marker + 1];
        if (kind == 0xC2) progressive = true;
        if (kind == 0xC4) {
            size_t pos = marker + 4;
            long length = long(at(marker + 2) << 8 | at(marker + 3)) - 2;
            while (length > 0 && pos < size) {
                const unsigned q = at(pos++);
                if ((q >> 4) > 1 || (q & 15) > 3) break;  // stb refuses this table itself
                unsigned n = 0;
                for (int i = 0; i < 16; ++i) n += at(pos++);
                defined[q >> 4][q & 15] = true;
                pos += n;
                length -= 17 + long(n);
            }
        } else if (kind == 0xDA) {
            const unsigned components = at(marker + 4);
            const size_t after = marker + 5 + 2 * (size_t)components;  // Ss, Se, Ah/Al follow the selectors
            const unsigned spectral_start = at(after), successive_high = at(after + 2) >> 4;
            const bool uses_dc = !progressive || (spectral_start == 0 && successive_high == 0);
            const bool uses_ac = !progressive || spectral_start != 0;
            for (unsigned c = 0; c < components && c < 4; ++c) {
                const unsigned tables = at(marker + 6 + 2 * (size_t)c);
                if ((tables >> 4) > 3 || (tables & 15) > 3) continue;  // stb refuses these itself
                if ((uses_dc && !defined[0][tables >> 4]) || (uses_ac && !defined[1][tables & 15])) return true;
            }
        }
    }
    return false;
}

// stb_image 2.27 reads the numbers of a PGM/PPM header into an int without
// an overflow check (undefined behaviour, found by tests/fuzz). Ten digits
// or more is never a usable size, so such a header is refused first; the
// header is scanned as stb scans it: whitespace, '#' comments, digits.
bool pnm_header_number_too_long(const uint8_t* bytes, size_t size) {
    if (size < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '6')) return false;
    auto space = [](uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    size_t pos = 2;
    for (int number = 0; number < 3; ++number) {  // width, height, max value
        for (;;) {
            while (pos < size && space(bytes[pos])) ++pos;
            if (pos >= size || bytes[pos] != '#') break;
            while (pos < size && bytes[pos] != '\n' && bytes[pos] != '\r') ++pos;
        }
        size_t digits = 0;
        while (pos < size && bytes[pos] >= '0' && bytes[pos] <= '9') ++pos, ++digits;
        if (digits >= 10) return true;
    }
    return false;
}

// stb_image 2.27 allocates an IDAT chunk's declared length before it reads
// it, so a 100-byte PNG can make it ask for gigabytes (found by tests/fuzz).
// An IDAT longer than the rest of the file would fail to decode anyway: it is
// refused first, which bounds stb's buffer by the file's size. Chunks are
// walked as stb walks them, up to IEND (whose length stb never uses).
bool png_chunk_cut_short(const uint8_t* bytes, size_t size) {
    if (size < 8 || std::memcmp(bytes, kPngSignature, 8) != 0) return false;
    return any_png_chunk(bytes, size, [size](const uint8_t* type, size_t length, size_t pos) {
        return std::memcmp(type, "IDAT", 4) == 0 && length > size - (pos + 8);
    });
}

// libspng before 0.7.4 (Debian 12 ships 0.7.3) does not refuse an eXIf chunk of
// length 0 and then reads a wild address while decoding (upstream e68ba5d). Such a
// PNG goes to stb_image, which skips eXIf. Only the chunk headers are read.
bool has_empty_exif_chunk(const uint8_t* bytes, size_t size) {
    return any_png_chunk(bytes, size, [](const uint8_t* type, size_t length, size_t) {
        return length == 0 && std::memcmp(type, "eXIf", 4) == 0;
    });
}

// The channels libspng decodes a PNG to, or 0 when stb_image keeps it: 8-bit grey, RGB
// and RGBA (what imgr writes; libspng decodes them 1.1-1.4x faster, bench/README.md)
// decode the same either way, and the rest (palette, 16-bit, grey+alpha, 1-4 bit grey)
// stays with stb so that what they decode to does not change. Read from IHDR, which
// must follow the signature.
int spng_channels(const uint8_t* bytes, size_t size) {
    if (size < 29 || std::memcmp(bytes, kPngSignature, 8) != 0 || std::memcmp(bytes + 12, "IHDR", 4) != 0) return 0;
    const uint8_t bit_depth = bytes[24], color_type = bytes[25];
    if (bit_depth != 8) return 0;
    if (has_empty_exif_chunk(bytes, size)) return 0;
    return color_type == 0 ? 1 : color_type == 2 ? 3 : color_type == 6 ? 4 : 0;
}

// The same limits as stb's path: width and height are checked before a pixel is
// allocated, and ancillary chunks (text, ICC profiles) are bounded by the file itself.
// Checksums are not verified, as stb_image never did: the Adler-32 of the pixels alone
// took a fifth of a 1920x1080 decode, and a damaged stream still fails in inflate or
// shows as a changed image; memory safety never rests on them.
ImageLoadResult decode_png_with_spng(const uint8_t* bytes, size_t size, int channels, const ImageLimits& limits) {
    ImageLoadResult result;
    const std::unique_ptr<spng_ctx, decltype(&spng_ctx_free)> ctx(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32), spng_ctx_free);
    if (!ctx) {
        result.error = "out of memory while decoding the PNG";
        return result;
    }
    spng_set_crc_action(ctx.get(), SPNG_CRC_USE, SPNG_CRC_USE);
    const uint32_t side = (uint32_t)std::max(1, limits.max_side);
    spng_set_image_limits(ctx.get(), side, side);
    spng_set_chunk_limits(ctx.get(), size, size);
    auto corrupt = [&](int error) {
        result.error = std::string("the image is corrupt (") + spng_strerror(error) + ")";
        return result;
    };
    if (const int error = spng_set_png_buffer(ctx.get(), bytes, size)) return corrupt(error);
    spng_ihdr header{};
    if (const int error = spng_get_ihdr(ctx.get(), &header)) return corrupt(error);
    const int width = (int)std::min<uint32_t>(header.width, INT32_MAX), height = (int)std::min<uint32_t>(header.height, INT32_MAX);
    if (std::string why = check_limits(width, height, channels, limits); !why.empty()) {
        result.error = why;
        return result;
    }
    const int format = channels == 4 ? SPNG_FMT_RGBA8 : channels == 3 ? SPNG_FMT_RGB8 : SPNG_FMT_G8;
    size_t bytes_out = 0;
    if (const int error = spng_decoded_image_size(ctx.get(), format, &bytes_out)) return corrupt(error);
    if (bytes_out != (size_t)width * height * channels) return corrupt(SPNG_EINTERNAL);
    std::vector<uint8_t> pixels;
    try {
        pixels.resize(bytes_out);
    } catch (const std::bad_alloc&) {
        result.error = "out of memory while decoding the PNG";
        return result;
    }
    if (const int error = spng_decode_image(ctx.get(), pixels.data(), pixels.size(), format, 0)) return corrupt(error);
    result.image = ImageBuffer(width, height, channels, std::move(pixels));
    return result;
}

// Inputs that stb_image 2.27 mishandles, refused before it sees them: what is wrong, or "".
std::string stb_hazard(const uint8_t* bytes, size_t size) {
    if (bytes[0] == 0xFF && jpeg_huffman_tables_overflow(bytes, size)) return "bad Huffman table in the JPEG";
    if (bytes[0] == 0xFF && jpeg_scan_uses_undefined_table(bytes, size))
        return "the JPEG uses a Huffman table it does not define";
    if (png_chunk_cut_short(bytes, size)) return "the PNG is cut short";
    if (pnm_header_number_too_long(bytes, size)) return "a number in the PGM/PPM header is too long";
    return "";
}

}  // namespace

ImageLoadResult load_image_memory(const uint8_t* bytes, size_t size, const ImageLimits& limits) {
    ImageLoadResult result;
    if (!bytes || size == 0) {
        result.error = "the file is empty";
        return result;
    }
    if (size > (size_t)INT32_MAX) {
        result.error = "the file is too large to decode";
        return result;
    }
    int width = 0, height = 0, channels = 0;
    // The header alone gives the size, so a huge image is refused before decoding.
    if (png_declared_size(bytes, size, width, height)) {
        // One channel is the least a PNG decodes to: only sure refusals here.
        if (std::string why = check_limits(width, height, 1, limits); !why.empty()) {
            result.error = why;
            return result;
        }
    }
    if (const int channels_out = spng_channels(bytes, size)) return decode_png_with_spng(bytes, size, channels_out, limits);
    if (std::string why = stb_hazard(bytes, size); !why.empty()) {
        result.error = "the image is corrupt (" + why + ")";
        return result;
    }
    if (!stbi_info_from_memory(bytes, (int)size, &width, &height, &channels)) {
        result.error = std::string("not a readable image (") + stbi_failure_reason() + ")";
        return result;
    }
    // Grey+alpha is decoded as RGBA: the limits count the channels it will have.
    const int wanted = channels == 2 ? 4 : (channels == 1 || channels == 3 || channels == 4 ? channels : 4);
    if (std::string why = check_limits(width, height, wanted, limits); !why.empty()) {
        result.error = why;
        return result;
    }
    unsigned char* pixels = stbi_load_from_memory(bytes, (int)size, &width, &height, &channels, wanted);
    if (!pixels) {
        result.error = std::string("the image is corrupt (") + stbi_failure_reason() + ")";
        return result;
    }
    std::vector<uint8_t> data(pixels, pixels + (size_t)width * height * wanted);
    stbi_image_free(pixels);
    result.image = ImageBuffer(width, height, wanted, std::move(data));
    return result;
}

ImageLoadResult load_image_file(const std::string& path, const ImageLimits& limits) {
    const FileRead file = read_file(path);
    if (!file) return {file};
    ImageLoadResult result =
        load_image_memory(reinterpret_cast<const uint8_t*>(file.content.data()), file.content.size(), limits);
    if (!result.error.empty())
        result.error = "'" + path + "': " + result.error;
    else
        result.image.source = path;
    return result;
}

std::vector<uint8_t> encode_png(const ImageBuffer& image) {
    if (image.empty() || image.pixel_count() == 0) return {};
    if (image.type() == PixelType::U8) return encode_png8(image.u8(), image.width(), image.height(), image.channels());
    // Floats as 8 bits with their channels kept, rounded as they are on screen.
    const size_t count = image.pixel_count() * image.channels();
    std::vector<uint8_t> bytes(count);
    const float* floats = image.f32();
    for (size_t i = 0; i < count; ++i) bytes[i] = float_to_u8(floats[i]);
    return encode_png8(bytes.data(), image.width(), image.height(), image.channels());
}

IoResult save_png(const std::string& path, const ImageBuffer& image, Durability durability) {
    if (image.empty() || image.pixel_count() == 0) return IoResult::failure("cannot write '" + path + "': the image is empty");
    const std::vector<uint8_t> png = encode_png(image);
    if (png.empty()) return IoResult::failure("cannot write '" + path + "': out of memory while encoding", ENOMEM);
    return write_file_atomically(path, png.data(), png.size(), durability);
}

}  // namespace imgr
