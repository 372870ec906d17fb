// Video: a player. The component's VideoPlayer (video_player.h) decodes on its
// own thread; each frame this draws the newest frame it published, updating
// one texture in place, and fires the component's frame event (.stream()).
// Under the picture: play/pause, frame steps, a time bar that seeks while
// dragged, the time; for inputs a path field (and with the "webcam" source a
// camera picker). A file that cannot be opened shows why and leaves the value.
#include "imgr/media/view/media_views.h"
#include "imgr/view/kind_views.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgr/media/model/video_player.h"
#include "imgr/media/model/video_file.h"

namespace imgr {

namespace {

struct VideoViewState {
    std::unique_ptr<VideoPlayer> player;
    std::string opened;                 // the path (or camera) the player has open
    uint64_t shown_sequence = 0;        // the last published frame this view has seen
    PublishedFrame frame;
    float scrub = 0;                    // the time bar while dragged
    bool scrubbing = false;             // the time bar is held (it then shows where it is dragged, not the player)
    bool webcam = false;                // showing the camera source
    std::vector<std::string> devices;   // /dev/video*, listed when the webcam source is chosen
    int device = 0;
};

std::string clock_text(double seconds) {
    if (!(seconds >= 0)) seconds = 0;
    const int minutes = (int)(seconds / 60);
    char text[32];
    std::snprintf(text, sizeof text, "%d:%05.2f", minutes, seconds - minutes * 60);
    return text;
}

bool has_source(const VideoProps& props, const char* source) {
    return std::find(props.sources.begin(), props.sources.end(), source) != props.sources.end();
}

void draw_picture(const ComponentContext& c, VideoViewState& s, ImVec2 box, const char* empty_text) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImageBuffer& image = s.frame.image;
    if (image.empty()) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRect(origin, ImVec2(origin.x + box.x, origin.y + box.y), ImGui::GetColorU32(ImGuiCol_Border));
        const ImVec2 size = ImGui::CalcTextSize(empty_text);
        draw->AddText(ImVec2(origin.x + (box.x - size.x) * 0.5f, origin.y + (box.y - size.y) * 0.5f),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), empty_text);
        ImGui::Dummy(box);
        return;
    }
    const TextureRef texture = c.textures ? c.textures->texture_for_stream(&s, image) : TextureRef{};
    const float scale = std::min(box.x / image.width(), box.y / image.height());
    const ImVec2 shown(std::max(1.0f, image.width() * scale), std::max(1.0f, image.height() * scale));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + (box.x - shown.x) * 0.5f, origin.y + (box.y - shown.y) * 0.5f));
    if (texture.id)
        ImGui::Image(texture.id, shown);
    else
        ImGui::Dummy(shown);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + box.y));
    ImGui::Dummy(ImVec2(box.x, 0));
}

void draw_transport(VideoViewState& s, const VideoPlayer::Status& status, float left, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::BeginDisabled(!status.open);
    if (ImGui::Button(status.playing ? "Pause" : "Play", ImVec2(ImGui::CalcTextSize("Pause").x + style.FramePadding.x * 2, 0)))
        status.playing ? s.player->pause() : s.player->play();
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) s.player->step(-1);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) s.player->step(1);
    ImGui::SameLine();
    const std::string total = clock_text(status.info.duration);
    const std::string time = clock_text(status.position) + " / " + total;
    const float time_width = ImGui::CalcTextSize(("0" + time).c_str()).x;
    const float used = ImGui::GetCursorScreenPos().x - left;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, width - used - time_width - style.ItemSpacing.x));
    const float duration = (float)std::max(0.0, status.info.duration);
    if (!s.scrubbing) s.scrub = (float)status.position;
    ImGui::BeginDisabled(status.live || duration <= 0);
    // The time bar: seeks while dragged (the player shows each position as it gets there).
    if (ImGui::SliderFloat("##time", &s.scrub, 0.0f, duration, "", ImGuiSliderFlags_NoInput)) s.player->seek(s.scrub);
    s.scrubbing = ImGui::IsItemActive();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextUnformatted(time.c_str());
    ImGui::EndDisabled();
}

void draw_sources(const ComponentContext& c, VideoViewState& s, const VideoProps& props) {
    const bool upload = has_source(props, "upload"), webcam = has_source(props, "webcam");
    if (upload && webcam) {
        if (ImGui::RadioButton("File", !s.webcam)) s.webcam = false;
        ImGui::SameLine();
        if (ImGui::RadioButton("Webcam", s.webcam)) s.webcam = true;
    } else {
        s.webcam = webcam;
    }
    if (s.webcam) {
        if (s.devices.empty()) s.devices = list_video_devices();
        if (s.devices.empty()) {
            ImGui::TextColored(ImVec4(0.86f, 0.15f, 0.15f, 1), "No camera found (no /dev/video* device).");
            if (ImGui::SmallButton("Look again")) s.devices = list_video_devices();
            return;
        }
        s.device = std::clamp(s.device, 0, (int)s.devices.size() - 1);
        ImGui::SetNextItemWidth(c.width * 0.5f);
        if (ImGui::BeginCombo("##camera", s.devices[(size_t)s.device].c_str())) {
            for (size_t i = 0; i < s.devices.size(); ++i)
                if (ImGui::Selectable(s.devices[i].c_str(), (int)i == s.device)) s.device = (int)i;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        const std::string& device = s.devices[(size_t)s.device];
        if (s.opened != device && ImGui::Button("Start camera")) {
            s.player->open_camera(device);
            s.opened = device;
        }
        return;
    }
    if (!upload || !c.interactive) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float load_width = ImGui::CalcTextSize("Load").x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(c.width - load_width - style.ItemInnerSpacing.x);
    const bool entered = ImGui::InputTextWithHint("##path", "or type a video path and press Enter", &c.cache.text,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    if ((ImGui::Button("Load") || entered) && !c.cache.text.empty()) (void)upload_file(c.engine, c.id, c.cache.text);
}

}  // namespace

void draw_video(const ComponentContext& c) {
    const auto& props = std::get<VideoProps>(c.spec().props);
    auto s = std::static_pointer_cast<VideoViewState>(c.cache.widget_state);
    if (!s) {
        s = std::make_shared<VideoViewState>();
        s->player = std::make_unique<VideoPlayer>(props.channel);
        s->player->set_loop(props.loop);
        c.cache.widget_state = s;
    }
    const VideoValue& value = std::get<VideoValue>(c.state.spec.value);
    // A new value (an upload, a handler's output): the player opens it, paused on its first frame.
    if (!s->webcam && value.path != s->opened) {
        value.empty() ? s->player->close() : s->player->open_file(value.path);
        if (!value.empty() && props.autoplay) s->player->play();
        s->opened = value.path;
    }
    if (std::optional<double> seek = props.channel->take_seek_request()) s->player->seek(*seek);

    PublishedFrame latest = props.channel->latest();
    if (latest.sequence != s->shown_sequence) {
        s->shown_sequence = latest.sequence;
        s->frame = std::move(latest);
        if (!s->frame.image.empty()) c.fire(Event::Frame);
    }
    const VideoPlayer::Status status = s->player->status();
    // Frames arrive without input: wake for the next one while playing or while work is pending.
    if (status.playing || !props.channel->idle())
        c.cache.wake_at = ImGui::GetTime() + (status.playing && status.info.fps > 0 ? 0.5 / status.info.fps : 0.01);
    else
        c.cache.wake_at = 0;

    const float box_height = props.height * ImGui::GetFontSize();
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const char* empty_text = !status.error.empty() ? "Cannot play this video"
                             : s->webcam          ? "No camera started"
                             : c.interactive      ? "Drop a video here"
                                                  : "No video";
    draw_picture(c, *s, ImVec2(c.width, box_height), empty_text);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, top_left.y + box_height));
    draw_transport(*s, status, top_left.x, c.width);
    if (status.open && !status.live) {
        char info[96];
        std::snprintf(info, sizeof info, "%d x %d  |  %.4g fps  |  %s", status.info.width, status.info.height,
                      status.info.fps, clock_text(status.info.duration).c_str());
        ImGui::TextDisabled("%s", info);
        if (c.interactive) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) c.user_set(VideoValue{});
        }
    }
    if (!status.error.empty()) ImGui::TextColored(ImVec4(0.86f, 0.15f, 0.15f, 1), "%s", status.error.c_str());
    draw_sources(c, *s, props);
}

}  // namespace imgr
