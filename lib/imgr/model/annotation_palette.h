// The colour of an annotation label, by its index among a value's labels
// (annotation_labels(), annotated_image.h): the window's AnnotatedImage and the
// replay report draw the same label in the same colour.
#pragma once
#include <cstddef>
#include <cstdint>

namespace imgr {

// 0xRRGGBB: ten distinct hues (Tableau 10), readable on light and dark images alike, repeating after ten.
inline uint32_t annotation_rgb(size_t label_index) {
    constexpr uint32_t kPalette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                     0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    return kPalette[label_index % (sizeof kPalette / sizeof kPalette[0])];
}

}  // namespace imgr
