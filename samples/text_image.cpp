#include "text_image.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

imgr::ImageBuffer render_text_image(const std::vector<std::string>& lines, const std::string& font_path,
                                    float pixel_height, int margin) {
    ImFontAtlas atlas;
    ImFontConfig config;
    config.OversampleH = config.OversampleV = 1;  // one texel per pixel: glyphs are copied, not resampled
    config.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromFileTTF(font_path.c_str(), pixel_height, &config);
    if (!font) throw std::runtime_error("cannot load the font '" + font_path + "' (apt-get install fonts-dejavu-core)");
    unsigned char* texels = nullptr;
    int tw = 0, th = 0;
    atlas.GetTexDataAsAlpha8(&texels, &tw, &th);

    const float line_height = std::ceil(pixel_height * 1.4f);
    float widest = 0;
    for (const std::string& line : lines) {
        float pen = 0;
        for (unsigned char ch : line) pen += font->FindGlyph((ImWchar)ch)->AdvanceX;
        widest = std::max(widest, pen);
    }
    const int w = (int)std::ceil(widest) + margin * 2, h = (int)(line_height * lines.size()) + margin * 2;
    std::vector<uint8_t> pixels((size_t)w * h, 255);
    for (size_t row = 0; row < lines.size(); ++row) {
        float pen = (float)margin;
        const float top = (float)margin + line_height * row;
        for (unsigned char ch : lines[row]) {
            const ImFontGlyph* glyph = font->FindGlyph((ImWchar)ch);
            const int gx = (int)std::lround(pen + glyph->X0), gy = (int)std::lround(top + glyph->Y0);
            const int u0 = (int)std::lround(glyph->U0 * tw), v0 = (int)std::lround(glyph->V0 * th);
            const int gw = (int)std::lround((glyph->U1 - glyph->U0) * tw), gh = (int)std::lround((glyph->V1 - glyph->V0) * th);
            for (int y = 0; y < gh; ++y)
                for (int x = 0; x < gw; ++x) {
                    const int px = gx + x, py = gy + y;
                    if (px < 0 || py < 0 || px >= w || py >= h) continue;
                    uint8_t& p = pixels[(size_t)py * w + px];
                    p = (uint8_t)std::min<int>(p, 255 - texels[(size_t)(v0 + y) * tw + u0 + x]);
                }
            pen += glyph->AdvanceX;
        }
    }
    return imgr::ImageBuffer(w, h, 1, std::move(pixels));
}
