// Audio: the clip's waveform (or spectrogram) with a playhead; play/pause,
// seek by clicking, volume; as an input also trim by dragging a range, record
// from the microphone and load a file by path. Without a sound device the
// buttons that need one are disabled and the component says "no audio device";
// everything else works the same.
#include "imgr/media/view/audio_player.h"
#include "imgr/media/view/media_views.h"
#include "imgr/media/view/audio_device.h"
#include "imgr/media/view/waveform.h"

#include "imgr/view/kind_views.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace imgr {

namespace {

constexpr const char* kNoDevice = "no audio device";

void stop_playing(AudioPlayer& player) {
    if (!player.playing) return;
    if (AudioDevice* device = player.device) device->stop();
    player.playing = false;
}

void start_playing(AudioPlayer& player, const AudioBuffer& clip) {
    AudioDevice* device = player.device;
    if (!device) {
        player.status = kNoDevice;
        return;
    }
    if (player.position >= clip.duration() - 1e-6) player.position = 0;  // at the end: play again from the start
    const IoResult played = device->play(clip, player.position, player.volume, player.owner());
    player.playing = played.ok();
    player.restart = false;
    player.status = played.error;
}

// Once per frame: the playhead follows the device; a finished clip stops.
void follow_device(AudioPlayer& player, const AudioBuffer& clip) {
    if (!player.playing) return;
    if (player.restart) {
        stop_playing(player);
        start_playing(player, clip);
        return;
    }
    AudioDevice* device = player.device;
    const double at = device ? device->position(player.owner()) : -1;
    if (at < 0) {
        player.playing = false;  // finished, or another component took the device
        if (player.position >= clip.duration() - 0.05) player.position = 0;
        return;
    }
    player.position = at;
}

// A new clip: the playhead to its start, no selection, waveform and spectrogram again.
void adopt_clip(AudioPlayer& player, const AudioBuffer& clip, const AudioProps& props) {
    if (player.seen_audio == clip.version()) return;
    stop_playing(player);
    player.seen_audio = clip.version();
    player.position = 0;
    player.select_from = player.select_to = -1;
    player.waveform_width = 0;
    player.spectrogram.reset();
    if (!player.spectrogram_initialised) {
        player.show_spectrogram = props.spectrogram;
        player.spectrogram_initialised = true;
    }
}

void draw_empty(const ComponentContext& c, ImVec2 size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), 4.0f);
    const char* text = c.interactive ? "Drop an audio file here, or record" : "No audio";
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    draw->AddText(ImVec2(min.x + (size.x - text_size.x) * 0.5f, min.y + (size.y - text_size.y) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    ImGui::Dummy(size);
}

// The spectrogram in the box, or a note while it is computed.
void draw_spectrogram(const ComponentContext& c, AudioPlayer& player, const AudioBuffer& clip, ImVec2 min, ImVec2 max) {
    if (!player.spectrogram || player.spectrogram->version != clip.version()) player.spectrogram = start_spectrogram(clip, c.engine.start_background_work());
    SpectrogramJob& job = *player.spectrogram;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::lock_guard lock(job.mutex);
    TextureRef texture = job.done && c.textures && !job.image.empty() ? c.textures->texture_for(job.image) : TextureRef{};
    if (texture.id) {
        draw->AddImage(texture.id, min, max);
        return;
    }
    const char* note = !job.done ? "computing the spectrogram..." : job.error.empty() ? "" : job.error.c_str();
    draw->AddRectFilled(min, max, IM_COL32(20, 20, 40, 255));
    draw->AddText(ImVec2(min.x + 8, min.y + 8), IM_COL32(220, 220, 220, 255), note);
}

// The waveform box: click seeks; dragging selects a range (inputs) or scrubs (outputs).
void draw_clip_box(const ComponentContext& c, AudioPlayer& player, const AudioBuffer& clip, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImGui::InvisibleButton("##clip", size);
    c.target_widget();
    const float width = std::max(1.0f, size.x);
    auto fraction_at = [&](float x) { return std::clamp((x - min.x) / width, 0.0f, 1.0f); };
    if (ImGui::IsItemActive()) {
        const ImGuiIO& io = ImGui::GetIO();
        const float from = fraction_at(io.MouseClickedPos[0].x), to = fraction_at(io.MousePos.x);
        if (c.interactive && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
            player.select_from = std::min(from, to);
            player.select_to = std::max(from, to);
        } else {
            player.position = to * clip.duration();
            if (player.playing) player.restart = true;
        }
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    widgets::WaveformStyle style;
    style.background = ImGui::GetColorU32(ImGuiCol_FrameBg);
    if (player.show_spectrogram) {
        draw_spectrogram(c, player, clip, min, max);
    } else {
        if (player.waveform_width != (int)width) {
            player.waveform = waveform_columns(clip, (int)width);  // once per clip and width, not per frame
            player.waveform_width = (int)width;
        }
        widgets::draw_waveform(draw, min, max, player.waveform, style);
    }
    widgets::draw_selection(draw, min, max, player.select_from, player.select_to, style);
    const double duration = clip.duration();
    widgets::draw_playhead(draw, min, max, duration > 0 ? (float)(player.position / duration) : 0.0f, style);
}

// Play/pause, the clock, volume, the spectrogram toggle, trim and clear.
void draw_transport(const ComponentContext& c, AudioPlayer& player, const AudioBuffer& clip) {
    AudioDevice* device = player.device;
    ImGui::BeginDisabled(!device);
    if (ImGui::SmallButton(player.playing ? "Pause" : "Play")) {
        if (player.playing) {
            stop_playing(player);
        } else {
            start_playing(player, clip);
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    const std::string clock = widgets::format_clock(player.position) + " / " + widgets::format_clock(clip.duration());
    ImGui::TextUnformatted(clock.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::SliderFloat("##volume", &player.volume, 0.0f, 1.0f, "vol %.2f") && device) device->set_volume(player.volume);
    ImGui::SameLine();
    ImGui::Checkbox("Spectrogram", &player.show_spectrogram);
    if (c.interactive && player.select_from >= 0 && player.select_to > player.select_from) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Trim")) {
            const size_t first = (size_t)std::llround(player.select_from * (double)clip.frames());
            const size_t last = (size_t)std::llround(player.select_to * (double)clip.frames());
            c.user_set(clip.slice(first, std::max<size_t>(1, last - first)));
            return;
        }
    }
    if (c.interactive) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) {
            stop_playing(player);
            c.user_set(AudioBuffer{});
            return;
        }
    }
    if (!device) ImGui::TextDisabled("%s", kNoDevice);
    else if (!player.status.empty()) ImGui::TextDisabled("%s", player.status.c_str());
}

// Inputs: a path to load, and recording from the microphone.
void draw_sources(const ComponentContext& c, AudioPlayer& player, const AudioProps& props) {
    const ImGuiStyle& style = ImGui::GetStyle();
    AudioDevice* device = player.device;
    const bool can_record = props.recording && device && device->can_record();
    const char* record_text = player.recording ? "Stop" : "Record";
    const float buttons = ImGui::CalcTextSize("Load").x + style.FramePadding.x * 2 + style.ItemInnerSpacing.x +
                          (props.recording ? ImGui::CalcTextSize("Record").x + style.FramePadding.x * 2 + style.ItemInnerSpacing.x : 0);
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, c.width - buttons));
    const bool entered = ImGui::InputTextWithHint("##path", "or type an audio file path and press Enter", &c.cache.text,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    const bool clicked = ImGui::Button("Load");
    if ((entered || clicked) && !c.cache.text.empty()) (void)upload_file(c.engine, c.id, c.cache.text);
    if (!props.recording) return;
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::BeginDisabled(!can_record && !player.recording);
    if (ImGui::Button(record_text)) {
        if (player.recording) {
            player.recording = false;
            AudioBuffer recorded = device->stop_recording();
            if (!recorded.empty()) c.user_set(std::move(recorded));
        } else if (IoResult started = device->start_recording(); started) {
            stop_playing(player);
            player.recording = true;
        } else {
            c.show_hint("cannot record: " + started.error, true);
        }
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_audio(const ComponentContext& c) {
    const auto& props = std::get<AudioProps>(c.spec().props);
    const AudioBuffer& clip = std::get<AudioBuffer>(c.state.spec.value);
    AudioPlayer& player = audio_player(c);
    const ImVec2 box(c.width, props.height * ImGui::GetFontSize());
    if (clip.empty() || clip.frames() == 0) {
        stop_playing(player);
        player.seen_audio = clip.version();
        const ImVec2 top_left = ImGui::GetCursorScreenPos();
        draw_empty(c, box);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
        if (!player.device) ImGui::TextDisabled("%s", kNoDevice);
    } else {
        adopt_clip(player, clip, props);
        follow_device(player, clip);
        draw_clip_box(c, player, clip, box);
        draw_transport(c, player, clip);
    }
    if (c.interactive) draw_sources(c, player, props);
}

}  // namespace imgr
