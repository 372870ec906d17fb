// Text rendered into an image with a TrueType font (black on white), so OCR
// tests and the OCR tour have input made at build time instead of a stored file.
// Uses Dear ImGui's font atlas (stb_truetype inside); no ImGui context needed.
#pragma once
#include <imgr/model/image.h>

#include <string>
#include <vector>

// DejaVu Sans from fonts-dejavu-core.
inline const char* const kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// One line of the image per entry (ASCII), pixel_height the font size, margin
// white pixels around. Throws std::runtime_error when the font cannot be loaded.
imgr::ImageBuffer render_text_image(const std::vector<std::string>& lines, const std::string& font_path,
                                    float pixel_height = 40.0f, int margin = 24);
