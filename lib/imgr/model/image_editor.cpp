#include "imgr/model/image_editor.h"

#include <algorithm>

namespace imgr {

ImageEditorValue editor_value(ImageBuffer background, int layer_count) {
    ImageEditorValue value;
    if (background.empty()) return value;
    for (int k = 0; k < layer_count; ++k) value.layers.emplace_back(background.width(), background.height(), 4);
    value.composite = composite_of(background, value.layers);
    value.background = std::move(background);
    return value;
}

ImageEditorValue blank_editor_value(int width, int height, int layer_count) {
    ImageBuffer white(std::max(width, 1), std::max(height, 1), 3);
    std::fill_n(white.mutable_u8(), white.pixel_count() * 3, (uint8_t)255);
    return editor_value(std::move(white), layer_count);
}

ImageBuffer composite_of(const ImageBuffer& background, const std::vector<ImageBuffer>& layers) {
    if (background.empty()) return {};
    ImageBuffer composite(background.width(), background.height(), 4);
    update_composite(composite, background, layers, 0, 0, background.width(), background.height());
    return composite;
}

void update_composite(ImageBuffer& composite, const ImageBuffer& background, const std::vector<ImageBuffer>& layers,
                      int x0, int y0, int x1, int y1) {
    const int w = composite.width();
    x0 = std::max(x0, 0), y0 = std::max(y0, 0);
    x1 = std::min(x1, w), y1 = std::min(y1, composite.height());
    if (x0 >= x1 || y0 >= y1) return;
    const ImageBuffer base = background.to_rgba8();  // kept with the background: converted once
    uint8_t* out = composite.mutable_u8();
    for (int y = y0; y < y1; ++y) {
        const size_t row = ((size_t)y * w + x0) * 4, bytes = (size_t)(x1 - x0) * 4;
        std::copy_n(base.u8() + row, bytes, out + row);
        for (const ImageBuffer& layer : layers) {
            if (layer.width() != w || layer.height() != composite.height() || !layer.u8() || layer.channels() != 4) continue;
            const uint8_t* src = layer.u8() + row;
            uint8_t* dst = out + row;
            for (size_t i = 0; i < bytes; i += 4) {
                const unsigned a = src[i + 3];
                if (a == 0) continue;
                for (int c = 0; c < 3; ++c) dst[i + c] = (uint8_t)((src[i + c] * a + dst[i + c] * (255 - a) + 127) / 255);
                dst[i + 3] = (uint8_t)(a + (dst[i + 3] * (255 - a) + 127) / 255);
            }
        }
    }
}

ImageBuffer painted_mask(const ImageBuffer& layer, std::optional<uint32_t> rgb) {
    if (layer.empty()) return {};
    const ImageBuffer rgba = layer.to_rgba8();
    ImageBuffer mask(layer.width(), layer.height(), 1);
    uint8_t* out = mask.mutable_u8();
    const uint8_t* p = rgba.u8();
    const uint8_t r = (uint8_t)(rgb.value_or(0) >> 16), g = (uint8_t)(rgb.value_or(0) >> 8), b = (uint8_t)rgb.value_or(0);
    for (size_t i = 0; i < layer.pixel_count(); ++i, p += 4)
        out[i] = p[3] > 0 && (!rgb || (p[0] == r && p[1] == g && p[2] == b)) ? 255 : 0;
    return mask;
}

namespace {
// Whether each pixel is in a mask: alpha > 0 for an image with alpha (a layer), else a non-zero first channel.
std::vector<bool> membership(const ImageBuffer& m) {
    const ImageBuffer rgba = m.to_rgba8();
    const int at = m.channels() == 4 || m.channels() == 2 ? 3 : 0;
    std::vector<bool> in(m.pixel_count());
    for (size_t i = 0; i < in.size(); ++i) in[i] = rgba.u8()[i * 4 + at] != 0;
    return in;
}
}  // namespace

double mask_iou(const ImageBuffer& a, const ImageBuffer& b) {
    if (a.width() != b.width() || a.height() != b.height()) return 0;
    if (a.empty()) return 1;
    const std::vector<bool> x = membership(a), y = membership(b);
    size_t both = 0, either = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        both += x[i] && y[i];
        either += x[i] || y[i];
    }
    return either == 0 ? 1.0 : (double)both / (double)either;
}

}  // namespace imgr
