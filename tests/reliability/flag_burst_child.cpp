// Flags rows with an image in a loop and prints "acked N" each time flag()
// returns, i.e. each time the UI would report the row as saved. The kill test
// SIGKILLs this process at a random moment and checks every acked row.
#include <imgr/engine/flagging/csv_logger.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    imgr::CSVLogger logger;
    logger.setup({{"text", imgr::ComponentKind::Textbox}, {"picture", imgr::ComponentKind::Image}}, argv[1]);
    for (int i = 0;; ++i) {
        imgr::ImageBuffer image(160, 120, 3);
        uint8_t* pixels = image.mutable_u8();
        for (size_t p = 0; p < image.pixel_count() * 3; ++p) pixels[p] = (uint8_t)(p * 7 + i);
        const int rows = logger.flag({std::string("row \"") + std::to_string(i) + "\",\nwith a line break", image});
        std::printf("acked %d\n", rows);
        std::fflush(stdout);
    }
}
