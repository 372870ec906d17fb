// make_video_clip OUT.mp4 [SECONDS] [FPS] [WxH]: writes a test clip made here,
// in-process through imgr's libav* encoder (H.264 when available): colour bars,
// a white square moving left to right, and a grey strip whose level counts the
// frames. The tours, tests and benchmarks make their media with it at test time.
#include <imgr/media/model/video_file.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

imgr::ImageBuffer test_frame(int index, int frames, int width, int height) {
    static const uint8_t kBars[7][3] = {{192, 192, 192}, {192, 192, 0}, {0, 192, 192}, {0, 192, 0},
                                        {192, 0, 192},   {192, 0, 0},   {0, 0, 192}};
    std::vector<uint8_t> pixels((size_t)width * height * 3);
    const int square = std::max(8, height / 6);
    const int square_x = (int)((long long)(width - square) * index / std::max(1, frames - 1));
    const int square_y = height / 3;
    const uint8_t grey = (uint8_t)(20 + (index * 4) % 220);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &pixels[((size_t)y * width + x) * 3];
            const uint8_t* bar = kBars[std::min(6, x * 7 / width)];
            p[0] = bar[0], p[1] = bar[1], p[2] = bar[2];
            if (y >= height * 5 / 6) p[0] = p[1] = p[2] = grey;
            if (x >= square_x && x < square_x + square && y >= square_y && y < square_y + square) p[0] = p[1] = p[2] = 255;
        }
    return imgr::ImageBuffer(width, height, 3, std::move(pixels));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_video_clip OUT.mp4 [SECONDS=2] [FPS=25] [WxH=320x240]\n");
        return 2;
    }
    const double seconds = argc > 2 ? std::atof(argv[2]) : 2;
    const double fps = argc > 3 ? std::atof(argv[3]) : 25;
    int width = 320, height = 240;
    if (argc > 4 && std::sscanf(argv[4], "%dx%d", &width, &height) != 2) {
        std::fprintf(stderr, "make_video_clip: the size is WxH, e.g. 1280x720\n");
        return 2;
    }
    const int frames = std::max(1, (int)(seconds * fps + 0.5));
    imgr::VideoEncoder encoder;
    imgr::IoResult step = encoder.open(argv[1], width, height, fps);
    for (int i = 0; step && i < frames; ++i) step = encoder.write(test_frame(i, frames, width, height));
    if (step) step = encoder.finish();
    if (!step) {
        std::fprintf(stderr, "make_video_clip: %s\n", step.error.c_str());
        return 1;
    }
    std::printf("%s: %d frames, %dx%d at %g fps (%s)\n", argv[1], frames, width, height, fps, encoder.codec_name().c_str());
    return 0;
}
