// The "webcam" source of an Image: a camera through the same VideoPlayer a
// Video uses (libavdevice's v4l2 input), shown live; Capture makes the frame
// on screen the Image's value, as an upload would.
#include "imgr/media/view/media_views.h"

#include <algorithm>

#include "imgr/media/model/video_player.h"
#include "imgr/media/model/video_file.h"

namespace imgr {

namespace {
struct WebcamState {
    std::shared_ptr<MediaChannel> channel = std::make_shared<MediaChannel>();
    std::unique_ptr<VideoPlayer> player;
    bool webcam = false;
    std::vector<std::string> devices;
    int device = 0;
    std::string started;
    PublishedFrame frame;
};

void draw_live(const ComponentContext& c, WebcamState& s, ImVec2 box) {
    s.frame = s.channel->latest();
    const VideoPlayer::Status status = s.player->status();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImageBuffer& image = s.frame.image;
    if (image.empty()) {
        ImGui::GetWindowDrawList()->AddRect(origin, ImVec2(origin.x + box.x, origin.y + box.y),
                                            ImGui::GetColorU32(ImGuiCol_Border));
        ImGui::Dummy(box);
    } else {
        const TextureRef texture = c.textures ? c.textures->texture_for_stream(&s, image) : TextureRef{};
        const float scale = std::min(box.x / image.width(), box.y / image.height());
        ImGui::SetCursorScreenPos(ImVec2(origin.x + (box.x - image.width() * scale) * 0.5f, origin.y));
        if (texture.id)
            ImGui::Image(texture.id, ImVec2(image.width() * scale, image.height() * scale));
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + box.y));
        ImGui::Dummy(ImVec2(box.x, 0));
    }
    c.cache.wake_at = status.playing ? ImGui::GetTime() + 1.0 / 60 : 0;
    if (!status.error.empty()) ImGui::TextColored(ImVec4(0.86f, 0.15f, 0.15f, 1), "%s", status.error.c_str());
}
}  // namespace

bool draw_webcam_source(const ComponentContext& c, const StringList& sources, ImVec2 box) {
    if (std::find(sources.begin(), sources.end(), "webcam") == sources.end() || !c.interactive) return false;
    auto s = std::static_pointer_cast<WebcamState>(c.cache.widget_state);
    if (!s) {
        s = std::make_shared<WebcamState>();
        s->player = std::make_unique<VideoPlayer>(s->channel);
        s->webcam = sources.front() == "webcam";
        c.cache.widget_state = s;
    }
    const bool upload = std::find(sources.begin(), sources.end(), "upload") != sources.end();
    if (upload) {
        if (ImGui::RadioButton("File", !s->webcam)) s->webcam = false;
        ImGui::SameLine();
        if (ImGui::RadioButton("Webcam", s->webcam)) s->webcam = true;
    }
    if (!s->webcam) {
        if (!s->started.empty()) {
            s->player->close();
            s->started.clear();
        }
        return false;
    }
    if (s->devices.empty()) s->devices = list_video_devices();
    if (s->devices.empty()) {
        // No camera (a server, CI): said in the component; nothing else is affected.
        ImGui::Dummy(ImVec2(box.x, ImGui::GetFontSize()));
        ImGui::TextColored(ImVec4(0.86f, 0.15f, 0.15f, 1), "No camera found (no /dev/video* device).");
        if (ImGui::SmallButton("Look again")) s->devices = list_video_devices();
        return true;
    }
    draw_live(c, *s, box);
    s->device = std::clamp(s->device, 0, (int)s->devices.size() - 1);
    ImGui::SetNextItemWidth(c.width * 0.5f);
    if (ImGui::BeginCombo("##camera", s->devices[(size_t)s->device].c_str())) {
        for (size_t i = 0; i < s->devices.size(); ++i)
            if (ImGui::Selectable(s->devices[i].c_str(), (int)i == s->device)) s->device = (int)i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const std::string& device = s->devices[(size_t)s->device];
    if (s->started != device) {
        if (ImGui::Button("Start camera")) {
            s->player->open_camera(device);
            s->started = device;
        }
    } else {
        ImGui::BeginDisabled(s->frame.image.empty());
        if (ImGui::Button("Capture")) {
            c.user_set(s->frame.image);
            c.fire(Event::Upload);
            s->webcam = !upload;  // back to showing the captured still, when files are a source too
        }
        ImGui::EndDisabled();
    }
    return true;
}

}  // namespace imgr
