// The Audio component drawn headless, with no sound device (as on this
// machine, a server, CI): it says "no audio device", and everything else
// works — uploads, the waveform, seeking, trimming, the spectrogram, handlers, flags.
#include "imgr/engine/engine.h"
#include "imgr/media/audio_builder.h"
#include <doctest/doctest.h>
#include <imgr/view/blocks_view.h>

#include "audio/audio_test_media.h"
#include "flagging/flagging_support.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/media/model/audio_io.h"
#include "imgr/media/view/audio_device.h"
#include "imgr/view/kind_views.h"
#include "imgr/media/view/audio_player.h"
#include "support/headless_imgui.h"

#include <chrono>
#include <thread>

using namespace imgr;

namespace {

struct Headless : test::HeadlessImGui {
    Headless() : HeadlessImGui(ImVec2(900, 700)) {}
    // The text the last frame rendered in the view's window: ImGui's log of rendered text, which
    // the End() of the window it started before closes (hence a file, read after the frame).
    std::string logged;
    const std::filesystem::path log_path = std::filesystem::temp_directory_path() /
                                           ("imgr_audio_view_log_" + std::to_string(::getpid()) + ".txt");
    void frame(BlocksView& view) {
        std::filesystem::remove(log_path);
        bare_frame([&] {
            ImGui::LogToFile(-1, log_path.c_str());
            view.draw();
            if (GImGui->LogEnabled) ImGui::LogFinish();
        });
        logged = test::read_text(log_path);
    }
    ~Headless() { std::filesystem::remove(log_path); }
    void settle(BlocksView& view) {
        for (int i = 0; i < 5000 && !view.blocks().engine().idle(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            frame(view);
        }
        frame(view);
        frame(view);
    }
    void mouse_at(BlocksView& view, ImVec2 p, bool down) {
        mouse(p, down);
        frame(view);
    }
};

std::shared_ptr<AudioPlayer> player_of(const BlocksView& view, ComponentId id) {
    return std::static_pointer_cast<AudioPlayer>(view.cache(id).widget_state);
}

}  // namespace

TEST_CASE("without a sound device the Audio component says so, and uploads, handlers and flags still work") {
    if (!audio_files_supported()) return;
    test::TempDir dir;
    REQUIRE(save_audio_file((dir / "tone.wav").string(), test::tone(440, 0.5, 16000)));

    Blocks demo;
    REQUIRE(audio_device(demo.engine()) == nullptr);  // no device is installed outside a launched app
    auto input = demo.add(Audio("Input"));
    auto output = demo.add(Audio("Louder"));
    auto flag = demo.add(Button("Flag"));
    input.change([](const AudioBuffer& clip) {
        std::vector<float> samples = clip.samples();
        for (float& s : samples) s = std::clamp(s * 1.5f, -1.0f, 1.0f);
        return AudioBuffer(clip.sample_rate(), clip.channels(), std::move(samples));
    }, {input}, output);
    auto logger = std::make_shared<CSVLogger>();
    logger->setup({input, output}, (dir / "flags").string());
    flag.click([logger](const Values& v) { logger->flag(v); }, {input, output});

    BlocksView view(demo);
    Headless ui;
    ui.frame(view);
    CHECK(ui.logged.find("no audio device") != std::string::npos);

    CHECK(upload_file(demo.engine(), input.id(), (dir / "tone.wav").string()));
    ui.settle(view);
    const auto& louder = std::get<AudioBuffer>(demo.engine().component(output.id()).spec.value);
    REQUIRE_FALSE(louder.empty());
    CHECK(louder.duration() == doctest::Approx(0.5));
    CHECK(ui.logged.find("no audio device") != std::string::npos);
    CHECK(ui.logged.find("0:00.0 / 0:00.5") != std::string::npos);

    // A bad file: a message, and the clip that was there stays.
    test::write_text(dir / "bad.wav", "not audio");
    CHECK_FALSE(upload_file(demo.engine(), input.id(), (dir / "bad.wav").string()));
    CHECK(std::get<AudioBuffer>(demo.engine().component(input.id()).spec.value).duration() == doctest::Approx(0.5));
    bool told = false;
    for (const Message& m : demo.engine().take_messages()) told = told || m.text.find("bad.wav") != std::string::npos;
    CHECK(told);

    demo.engine().fire(flag.id(), Event::Click);
    ui.settle(view);
    CHECK(std::filesystem::is_regular_file(dir / "flags/Input/0.wav"));
    CHECK(std::filesystem::is_regular_file(dir / "flags/Louder/0.wav"));
}

TEST_CASE("the waveform is computed once per clip, and clicking, dragging and Trim act on it") {
    Blocks demo;
    auto input = demo.add(Audio("Clip"));
    auto seen = demo.add(Number("frames"));
    input.change([](const AudioBuffer& clip) { return (double)clip.frames(); }, {input}, seen);
    BlocksView view(demo);
    Headless ui;
    ui.frame(view);
    demo.engine().set_from_user(input.id(), test::tone(1000, 2.0, 8000));  // 8 frames a period
    ui.settle(view);
    auto player = player_of(view, input.id());
    REQUIRE(player);
    const auto& box = view.targets().component(input.id()).widget;
    REQUIRE(box.max.x - box.min.x > 100);
    CHECK(player->waveform.size() == (size_t)(int)(box.max.x - box.min.x));
    const WaveformColumn* columns = player->waveform.data();
    for (int i = 0; i < 5; ++i) ui.frame(view);
    CHECK(player->waveform.data() == columns);  // not recomputed per frame
    // A 1000 Hz tone at 0.5, 16000 frames over the columns: every column covers a whole period, the full swing.
    CHECK(player->waveform[10].high == doctest::Approx(0.5f).epsilon(0.01));
    CHECK(player->waveform[10].low == doctest::Approx(-0.5f).epsilon(0.01));

    // A click at a quarter of the width seeks to a quarter of the clip.
    const float y = box.center().y, width = box.max.x - box.min.x;
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.25f, y), false);
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.25f, y), true);
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.25f, y), false);
    CHECK(player->position == doctest::Approx(0.5).epsilon(0.02));

    // seek_audio, as `click "Clip" at T` uses it.
    CHECK(seek_audio(view.cache(input.id()), demo.engine().component(input.id()).spec.value, 1.5));
    CHECK(player->position == doctest::Approx(1.5));
    CHECK(seek_audio(view.cache(seen.id()), AudioBuffer{}, 1.0).error == "it holds no audio");

    // Dragging from 50% to 75% selects; Trim keeps that half second.
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.5f, y), false);
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.5f, y), true);
    for (int i = 1; i <= 5; ++i) ui.mouse_at(view, ImVec2(box.min.x + width * (0.5f + 0.05f * i), y), true);
    ui.mouse_at(view, ImVec2(box.min.x + width * 0.75f, y), false);
    CHECK(player->select_from == doctest::Approx(0.5f).epsilon(0.01));
    CHECK(player->select_to == doctest::Approx(0.75f).epsilon(0.01));
    REQUIRE(ui.logged.find("Trim") != std::string::npos);
    // Trim sits on the transport line under the box: the pointer walks along it and clicks what it hovers.
    const float line_y = box.max.y + ImGui::GetStyle().ItemSpacing.y + ImGui::GetFrameHeight() * 0.5f;
    auto frames_now = [&] { return std::get<AudioBuffer>(demo.engine().component(input.id()).spec.value).frames(); };
    bool trimmed = false;
    for (float x = box.min.x; x < box.max.x && frames_now() == 16000; x += 6) {
        ui.mouse_at(view, ImVec2(x, line_y), false);
        ui.mouse_at(view, ImVec2(x, line_y), false);
        if (GImGui->HoveredIdPreviousFrame == 0) continue;
        ui.mouse_at(view, ImVec2(x, line_y), true);
        ui.mouse_at(view, ImVec2(x, line_y), false);
        ui.settle(view);
        trimmed = frames_now() == 4000;
    }
    CHECK(trimmed);
    CHECK(std::get<double>(demo.engine().component(seen.id()).spec.value) == 4000);
}

TEST_CASE("the spectrogram is computed off the UI thread, and the engine is not idle until it is there") {
    Blocks demo;
    auto output = demo.add(Audio("Tone").spectrogram(true));
    BlocksView view(demo);
    Headless ui;
    ui.frame(view);
    demo.engine().set_from_program(output.id(), test::tone(1000, 1.0, 16000));
    ui.frame(view);
    auto player = player_of(view, output.id());
    REQUIRE(player);
    CHECK(player->show_spectrogram);
    REQUIRE(player->spectrogram);
    ui.settle(view);  // waits for Engine::idle(), which counts the spectrogram's worker
    std::lock_guard lock(player->spectrogram->mutex);
    CHECK(player->spectrogram->done);
#if IMGR_TEST_HAVE_FFTW
    CHECK(player->spectrogram->error.empty());
    CHECK(player->spectrogram->image.height() == 257);
    CHECK(player->spectrogram->image.width() > 50);
#else
    CHECK_FALSE(player->spectrogram->error.empty());
#endif
}
