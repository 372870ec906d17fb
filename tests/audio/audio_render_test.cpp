// Real rendering under Xvfb: an Audio output drawn by the view in a hidden
// window; the pixels read back show the waveform where the clip is loud and
// a flat line where it is silent, and the spectrogram texture bright at the tone's row.
#include "imgr/engine/engine.h"
#include "imgr/media/audio_builder.h"
#include <doctest/doctest.h>
#include <imgr/platform/runner.h>
#include <imgr/platform/texture_cache.h>
#include <imgr/view/blocks_view.h>

#include "audio/audio_test_media.h"
#include "imgr/media/model/audio_spectrogram.h"
#include "imgr/media/view/audio_player.h"

using namespace imgr;

namespace {

bool orange(const ImageBuffer& image, int x, int y) {
    return image.sample(x, y, 0) > 200 && image.sample(x, y, 1) > 80 && image.sample(x, y, 1) < 150 &&
           image.sample(x, y, 2) < 60;
}

// The view in a hidden window; `check` gets the frame and the waveform box once things settled.
void render(Blocks& demo, ComponentId id, const std::function<bool(BlocksView&)>& ready,
            const std::function<void(const ImageBuffer&, const TargetRect&)>& check) {
    BlocksView view(demo);
    std::unique_ptr<GlTextureCache> textures;
    RunnerParams params;
    params.headless = true;
    params.width = 640;
    params.height = 400;
    params.max_frames = 600;
    bool checked = false;
    params.draw = [&](Runner& runner) {
        if (!textures) {
            textures = std::make_unique<GlTextureCache>();
            view.set_textures(textures.get());
        }
        const FontSet& fonts = runner.fonts();
        view.set_fonts({fonts.regular(), fonts.bold(), fonts.mono(), fonts.large()});
        view.draw();
    };
    params.wants_redraw = [] { return true; };
    params.after_render = [&](Runner& runner) {
        if (runner.frame_index() < 3 || !demo.engine().idle() || !ready(view)) return;
        if (checked) {  // the frame after the one that became ready: everything uploaded and drawn
            check(runner.capture(), view.targets().component(id).widget);
            runner.request_exit(0);
        }
        checked = true;
    };
    params.before_close = [&](Runner&) {
        view.set_textures(nullptr);
        textures.reset();
    };
    Runner runner(params);
    CHECK(runner.run() == 0);
    CHECK(checked);
}

}  // namespace

TEST_CASE("the waveform is drawn from the clip: a loud first half, a silent second half") {
    std::vector<float> samples = test::tone(2000, 1.0, 16000, 1, 0.9f).samples();
    std::fill(samples.begin() + 8000, samples.end(), 0.0f);
    Blocks demo;
    auto out = demo.add(Audio("Clip").height(10).value(AudioBuffer(16000, 1, std::move(samples))));
    render(demo, out.id(), [](BlocksView&) { return true; }, [](const ImageBuffer& image, const TargetRect& box) {
        REQUIRE(box.max.x - box.min.x > 100);
        const int top = (int)(box.min.y + (box.max.y - box.min.y) * 0.15f);  // 0.9 reaches up to 5% from the top
        const int mid = (int)box.center().y;
        int loud = 0, quiet = 0, flat = 0;
        for (int x = (int)box.min.x + 10; x < (int)box.center().x - 10; ++x) loud += orange(image, x, top);
        for (int x = (int)box.center().x + 10; x < (int)box.max.x - 10; ++x) {
            quiet += orange(image, x, top);
            flat += orange(image, x, mid);
        }
        const int half = (int)((box.max.x - box.min.x) / 2) - 20;
        CHECK(loud > half * 9 / 10);   // every column of the loud half reaches up there
        CHECK(quiet == 0);             // nothing of the silent half does
        CHECK(flat > half * 9 / 10);   // silence is a line through the middle
    });
}

TEST_CASE("the spectrogram texture is bright at the tone's frequency and dark elsewhere") {
    if (!spectrograms_supported()) return;
    Blocks demo;
    // 2 kHz: a quarter of the way up from the bottom (8 kHz at the top).
    auto out = demo.add(Audio("Tone").height(12).spectrogram(true).value(test::tone(2000, 1.0, 16000, 1, 0.9f)));
    auto done = [id = out.id()](BlocksView& view) {
        auto player = std::static_pointer_cast<AudioPlayer>(view.cache(id).widget_state);
        if (!player || !player->spectrogram) return false;
        std::lock_guard lock(player->spectrogram->mutex);
        return player->spectrogram->done;
    };
    render(demo, out.id(), done, [](const ImageBuffer& image, const TargetRect& box) {
        const int x = (int)box.center().x;
        const float h = box.max.y - box.min.y;
        auto brightness = [&](float from_bottom) {
            const int y = (int)(box.max.y - from_bottom * h);
            return image.sample(x, y, 0) + image.sample(x, y, 1) + image.sample(x, y, 2);
        };
        CHECK(brightness(0.25f) > 500);                   // the tone: near white
        CHECK(brightness(0.75f) < 200);                   // 6 kHz: dark
        CHECK(brightness(0.25f) > brightness(0.6f) + 300);
    });
}
