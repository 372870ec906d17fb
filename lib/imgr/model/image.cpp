#include "imgr/model/image.h"

#include "imgr/model/rgba8_conversion.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace imgr {
namespace {

uint64_t next_version() {
    static std::atomic<uint64_t> counter{0};
    return ++counter;
}

void check_shape(int width, int height, int channels, size_t count) {
    if (width < 0 || height < 0) throw std::invalid_argument("image size must not be negative");
    if (channels != 1 && channels != 3 && channels != 4)
        throw std::invalid_argument("an image has 1 (grey), 3 (RGB) or 4 (RGBA) channels, not " +
                                    std::to_string(channels));
    if (count != (size_t)width * height * channels)
        throw std::invalid_argument("image of " + std::to_string(width) + "x" + std::to_string(height) + "x" +
                                    std::to_string(channels) + " needs " +
                                    std::to_string((size_t)width * height * channels) + " values, got " +
                                    std::to_string(count));
}

}  // namespace

ImageBuffer::ImageBuffer(int width, int height, int channels, PixelType type) {
    const size_t count = (size_t)std::max(width, 0) * std::max(height, 0) * channels;
    if (type == PixelType::U8)
        *this = ImageBuffer(width, height, channels, std::vector<uint8_t>(count));
    else
        *this = ImageBuffer(width, height, channels, std::vector<float>(count));
}

ImageBuffer::Storage::Storage(const Storage& other)
    : width(other.width),
      height(other.height),
      channels(other.channels),
      type(other.type),
      bytes(other.bytes),
      floats(other.floats),
      version(other.version) {}

ImageBuffer::ImageBuffer(int width, int height, int channels, std::vector<uint8_t> pixels) {
    check_shape(width, height, channels, pixels.size());
    storage_ = std::make_shared<Storage>(width, height, channels, PixelType::U8, next_version());
    storage_->bytes = std::move(pixels);
}

ImageBuffer::ImageBuffer(int width, int height, int channels, std::vector<float> pixels) {
    check_shape(width, height, channels, pixels.size());
    storage_ = std::make_shared<Storage>(width, height, channels, PixelType::F32, next_version());
    storage_->floats = std::move(pixels);
}

const uint8_t* ImageBuffer::u8() const {
    return storage_ && storage_->type == PixelType::U8 ? storage_->bytes.data() : nullptr;
}
const float* ImageBuffer::f32() const {
    return storage_ && storage_->type == PixelType::F32 ? storage_->floats.data() : nullptr;
}

void ImageBuffer::make_unique() {
    if (!storage_) return;
    if (storage_.use_count() > 1) storage_ = std::make_shared<Storage>(*storage_);
    storage_->rgba8.reset();  // written in place: the kept RGBA8 form would be stale
    storage_->version = next_version();
}

uint8_t* ImageBuffer::mutable_u8() {
    make_unique();
    return const_cast<uint8_t*>(u8());
}
float* ImageBuffer::mutable_f32() {
    make_unique();
    return const_cast<float*>(f32());
}

uint8_t ImageBuffer::sample(int x, int y, int c) const {
    const int n = channels();
    const size_t base = ((size_t)y * width() + x) * n;
    if (c == 3 && n != 4) return 255;
    const size_t i = base + (n == 1 ? 0 : c);
    return type() == PixelType::U8 ? storage_->bytes[i] : float_to_u8(storage_->floats[i]);
}

ImageBuffer ImageBuffer::to_rgba8() const {
    if (empty()) return {};
    if (type() == PixelType::U8 && channels() == 4) return *this;
    std::lock_guard lock(storage_->rgba8_mutex);  // a second caller waits for the first one's result
    if (!storage_->rgba8) {
        std::vector<uint8_t> out(pixel_count() * 4);
        if (type() == PixelType::U8)
            convert_to_rgba8(storage_->bytes.data(), channels(), pixel_count(), out.data());
        else
            convert_to_rgba8(storage_->floats.data(), channels(), pixel_count(), out.data());
        storage_->rgba8 = ImageBuffer(width(), height(), 4, std::move(out)).storage_;
    }
    ImageBuffer result(storage_->rgba8);
    result.source = source;
    return result;
}

bool ImageBuffer::rgba8_ready() const {
    if (empty() || (type() == PixelType::U8 && channels() == 4)) return true;
    std::lock_guard lock(storage_->rgba8_mutex);
    return storage_->rgba8 != nullptr;
}

bool operator==(const ImageBuffer& a, const ImageBuffer& b) {
    if (a.same_pixels(b)) return true;
    if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels() || a.type() != b.type())
        return false;
    const size_t n = a.pixel_count() * a.channels();
    if (a.type() == PixelType::U8) return std::memcmp(a.u8(), b.u8(), n) == 0;
    return std::equal(a.f32(), a.f32() + n, b.f32());
}

}  // namespace imgr
