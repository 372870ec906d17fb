#include "imgr/model/pixel_values.h"

#include <cstdio>

namespace imgr {

namespace {
bool inside(const ImageBuffer& image, int x, int y) {
    return !image.empty() && x >= 0 && y >= 0 && x < image.width() && y < image.height();
}
double raw(const ImageBuffer& image, int x, int y, int channel) {
    const size_t i = ((size_t)y * image.width() + x) * image.channels() + channel;
    return image.type() == PixelType::U8 ? (double)image.u8()[i] : (double)image.f32()[i];
}
}  // namespace

const char* channel_name(int channels, int channel) {
    if (channels <= 2) return channel == 0 ? "L" : "A";
    static const char* const rgba[] = {"R", "G", "B", "A"};
    return channel >= 0 && channel < 4 ? rgba[channel] : "?";
}

Json pixel_values(const ImageBuffer& image, int x, int y) {
    if (!inside(image, x, y)) return nullptr;
    Json values = Json::array();
    for (int c = 0; c < image.channels(); ++c) {
        const double v = raw(image, x, y, c);
        if (image.type() == PixelType::U8)
            values.push_back((int)v);
        else
            values.push_back(v);
    }
    return values;
}

std::string channel_value_text(const ImageBuffer& image, int x, int y, int channel) {
    if (!inside(image, x, y) || channel < 0 || channel >= image.channels()) return "";
    char text[32];
    const double v = raw(image, x, y, channel);
    if (image.type() == PixelType::U8)
        std::snprintf(text, sizeof text, "%d", (int)v);
    else
        std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

std::string pixel_values_text(const ImageBuffer& image, int x, int y) {
    if (!inside(image, x, y)) return "";
    std::string text;
    for (int c = 0; c < image.channels(); ++c) {
        if (c > 0) text += "  ";
        text += channel_name(image.channels(), c);
        text += ' ';
        text += channel_value_text(image, x, y, c);
    }
    return text;
}

}  // namespace imgr
