// Image bytes from an upload: load_image_memory never crashes, and what it
// accepts is within the limits it was given (here small ones, so the fuzzer
// meets them often); what it refuses comes with a message and no pixels.
#include "fuzz_check.h"
#include "imgr/model/image_io.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    imgr::ImageLimits limits;
    limits.max_side = 1024;
    limits.max_decoded_bytes = size_t(1) << 20;
    const imgr::ImageLoadResult result = imgr::load_image_memory(data, size, limits);
    if (!result) {
        FUZZ_CHECK(!result.error.empty());
        FUZZ_CHECK(result.image.empty());
        return 0;
    }
    const imgr::ImageBuffer& image = result.image;
    FUZZ_CHECK(!image.empty());
    FUZZ_CHECK(image.width() >= 1 && image.width() <= limits.max_side);
    FUZZ_CHECK(image.height() >= 1 && image.height() <= limits.max_side);
    FUZZ_CHECK(image.channels() == 1 || image.channels() == 3 || image.channels() == 4);
    FUZZ_CHECK(image.pixel_count() * image.channels() <= limits.max_decoded_bytes);
    // Every pixel is there: reading the last sample must stay inside the buffer.
    (void)image.sample(image.width() - 1, image.height() - 1, image.channels() - 1);
    return 0;
}
