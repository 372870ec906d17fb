// ImageBuffer: the value of an Image component. Pixels live in shared,
// immutable storage, so snapshotting an image for a handler or a flag is a
// pointer copy; writing through mutable_*() copies first when shared.
//
// The RGBA8 form that textures need is made once per pixels and kept with
// them, shared by every copy: the engine prepares it on the worker that
// produced an output image, so the UI thread only uploads it.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace imgr {

enum class PixelType { U8, F32 };  // F32: 0..1, clamped when shown or saved

class ImageBuffer {
public:
    ImageBuffer() = default;                                                       // no image
    ImageBuffer(int width, int height, int channels, PixelType type = PixelType::U8);  // zero-filled
    ImageBuffer(int width, int height, int channels, std::vector<uint8_t> pixels);     // row-major, interleaved
    ImageBuffer(int width, int height, int channels, std::vector<float> pixels);

    bool empty() const { return !storage_; }
    int width() const { return storage_ ? storage_->width : 0; }
    int height() const { return storage_ ? storage_->height : 0; }
    int channels() const { return storage_ ? storage_->channels : 0; }   // 1 grey, 3 RGB, 4 RGBA
    PixelType type() const { return storage_ ? storage_->type : PixelType::U8; }
    size_t pixel_count() const { return (size_t)width() * height(); }

    const uint8_t* u8() const;                 // null unless type() == U8
    const float* f32() const;                  // null unless type() == F32
    uint8_t* mutable_u8();                     // copies first when the storage is shared
    float* mutable_f32();

    // Channel c of pixel (x, y) as 0..255, whatever the storage (grey repeats in r, g, b; alpha 255 when absent).
    uint8_t sample(int x, int y, int c) const;
    // For textures. Converted on the first call, from any thread, and kept
    // (4 bytes a pixel more): later calls, on any copy, return the same pixels.
    ImageBuffer to_rgba8() const;
    void prepare_rgba8() const { (void)to_rgba8(); }  // converts now, off the UI thread, so showing it costs no conversion
    bool rgba8_ready() const;                  // to_rgba8() would not convert

    // Changes whenever the pixels may have changed: textures re-upload only then.
    uint64_t version() const { return storage_ ? storage_->version : 0; }
    bool same_pixels(const ImageBuffer& other) const { return storage_ == other.storage_; }

    std::string source;                        // file it came from, when loaded ("" otherwise)

private:
    struct Storage {
        int width = 0, height = 0, channels = 0;
        PixelType type = PixelType::U8;
        std::vector<uint8_t> bytes;
        std::vector<float> floats;
        uint64_t version = 0;
        // to_rgba8()'s result, made under the mutex by the first caller.
        mutable std::mutex rgba8_mutex;
        mutable std::shared_ptr<Storage> rgba8;

        Storage() = default;
        Storage(int width, int height, int channels, PixelType type, uint64_t version)
            : width(width), height(height), channels(channels), type(type), version(version) {}
        // Copies the pixels only: the copy is made to be written to, which would make a kept RGBA8 form stale.
        Storage(const Storage& other);
        Storage& operator=(const Storage&) = delete;
    };
    explicit ImageBuffer(std::shared_ptr<Storage> storage) : storage_(std::move(storage)) {}
    void make_unique();
    std::shared_ptr<Storage> storage_;
};

bool operator==(const ImageBuffer& a, const ImageBuffer& b);  // same size and pixels

}  // namespace imgr
