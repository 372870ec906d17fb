// PNG decoding (issue 21): stb_image against load_image_memory (libspng for the
// 8-bit PNGs imgr writes) on 1920x1080 PNGs written by imgr's own encoder, for
// contents that compress very differently: bench_replay's test pattern, a smooth
// picture with noise (a photo), pure noise, flat tiles (a screenshot). One
// thread, the fastest of 15 decodes each (a minimum hides other processes' load).
// Each decode is checked to give the original pixels. Prints figures; never fails.
//   bench_png_decode
#include <imgr/model/image_io.h>
#include <stb_image.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

imgr::ImageBuffer picture(int kind, int channels, std::mt19937& random) {
    imgr::ImageBuffer image(1920, 1080, channels);
    uint8_t* p = image.mutable_u8();
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; ++x, p += channels)
            for (int c = 0; c < channels; ++c) {
                int v = 0;
                if (kind == 0) v = c == 0 ? x : c == 1 ? y * 2 : c == 2 ? x ^ y : 255;
                else if (kind == 1) v = x / 7 + y / 5 + c * 40 + (int)(random() % 9);
                else if (kind == 2) v = (int)(random() % 256);
                else v = ((x / 64 + y / 64) % 2) * 200 + c * 20;
                p[c] = (uint8_t)v;
            }
    return image;
}

}  // namespace

int main() {
    static const char* const kinds[] = {"bench_replay's pattern", "smooth + noise (a photo)", "noise", "flat tiles (a screenshot)"};
    std::mt19937 random(1);
    std::printf("| 1920x1080 PNG | channels | file | stb_image | load_image_memory | stb / imgr |\n"
                "| --- | --- | --- | --- | --- | --- |\n");
    for (int kind = 0; kind < 4; ++kind)
        for (int channels : {3, 4}) {
            const imgr::ImageBuffer image = picture(kind, channels, random);
            const std::vector<uint8_t> png = imgr::encode_png(image);
            double stb = 1e9, imgr_time = 1e9;
            bool same = true;
            for (int run = 0; run < 15; ++run) {
                auto start = Clock::now();
                int w = 0, h = 0, n = 0;
                stbi_image_free(stbi_load_from_memory(png.data(), (int)png.size(), &w, &h, &n, channels));
                stb = std::min(stb, seconds_since(start));
                start = Clock::now();
                const imgr::ImageLoadResult loaded = imgr::load_image_memory(png.data(), png.size());
                imgr_time = std::min(imgr_time, seconds_since(start));
                same = same && loaded.image == image;
            }
            std::printf("| %s | %d | %zu KB | %.1f ms | %.1f ms%s | %.2fx |\n", kinds[kind], channels, png.size() >> 10,
                        stb * 1000, imgr_time * 1000, same ? "" : " (DIFFERENT PIXELS)", stb / imgr_time);
        }
}
