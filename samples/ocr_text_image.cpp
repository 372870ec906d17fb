// Writes the OCR tour's input: `ocr_text_image OUT.png "line one" "line two"...`
// (the build runs it, so no image of text is stored in the repository).
#include "text_image.h"

#include <imgr/model/image_io.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT.png LINE...\n", argv[0]);
        return 2;
    }
    try {
        const imgr::ImageBuffer image = render_text_image(std::vector<std::string>(argv + 2, argv + argc), kDejaVuSans);
        if (imgr::IoResult saved = imgr::save_png(argv[1], image); !saved) {
            std::fprintf(stderr, "%s\n", saved.error.c_str());
            return 1;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
