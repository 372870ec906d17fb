// The media module's registration: its kinds (Audio and Video's traits,
// media/model/media_kinds.h), their files (Audio as WAV, Video as MP4), their
// views, the Image's webcam source, and the sound device of each app run that
// has an Audio component. Runs before main() in every app that
// uses Audio or Video (module_link.h pulls this file in).
#include "imgr/driver/run_services.h"
#include "imgr/media/model/audio_io.h"
#include "imgr/media/model/media_kinds.h"
#include "imgr/media/model/video_file.h"
#include "imgr/media/module_link.h"
#include "imgr/media/platform/portaudio_device.h"
#include "imgr/media/view/audio_device.h"
#include "imgr/media/view/audio_player.h"
#include "imgr/media/view/media_views.h"
#include "imgr/model/kind_files.h"
#include "imgr/view/kind_views.h"

namespace imgr::media_module {
namespace {

IoResult save_audio(const std::filesystem::path& path, const Value& value) {
    return save_audio_file(path.string(), std::get<AudioBuffer>(value), Durability::Fsync);
}
ValueLoadResult load_audio(const std::string& path) {
    AudioLoadResult loaded = load_audio_file(path);
    ValueLoadResult result;
    result.error = std::move(loaded.error);
    if (result) result.value = std::move(loaded.audio);
    return result;
}
double audio_duration(const Value& value) {
    const auto* clip = std::get_if<AudioBuffer>(&value);
    return clip ? clip->duration() : 0.0;
}

IoResult save_video(const std::filesystem::path& path, const Value& value) {
    return save_video_mp4(std::get<VideoValue>(value), path.string(), Durability::Fsync);
}
ValueLoadResult load_video(const std::string& path) {
    VideoProbe probe = probe_video_file(path);
    ValueLoadResult result;
    result.error = std::move(probe.error);
    if (result) result.value = std::move(probe.video);
    return result;
}

// The sound device, opened only for an app with an Audio component (probing the
// sound system costs time, and a demo without sound needs none).
RunService open_sound_device(Engine& app) {
    bool has_audio = false;
    for (size_t i = 0; i < app.component_count() && !has_audio; ++i)
        has_audio = app.component((ComponentId)i).spec.kind == ComponentKind::Audio;
    if (!has_audio) return {};
    // No device is normal on a server: the component says "no audio device".
    std::shared_ptr<AudioDevice> device = open_audio_device().device;
    if (!device) return {};
    set_audio_device(app, device.get());
    Engine* engine = &app;
    std::shared_ptr<void> keep(device.get(), [engine, device](void*) mutable {
        set_audio_device(*engine, nullptr);
        device.reset();
    });
    return {std::move(keep), [engine] { return audio_device_active(*engine); }};
}

template <typename T>
bool not_empty(const Value& value) {  // a clip with something to write when flagged
    const T* held = std::get_if<T>(&value);
    return held && !held->empty();
}

bool register_media_kinds() {
    register_kind_traits(ComponentKind::Audio, media_kinds::audio());
    register_kind_traits(ComponentKind::Video, media_kinds::video());
    register_kind_file_codec(ComponentKind::Audio, {.save = save_audio, .load = load_audio, .has_content = not_empty<AudioBuffer>});
    register_kind_file_codec(ComponentKind::Video, {.save = save_video, .load = load_video, .has_content = not_empty<VideoValue>});
    register_kind_view(ComponentKind::Audio, {.draw = draw_audio, .duration = audio_duration, .seek = seek_audio});
    register_kind_view(ComponentKind::Video, {.draw = draw_video});
    register_camera_source(draw_webcam_source);
    register_run_service(open_sound_device);
    return true;
}

}  // namespace

extern const bool link_the_imgr_media_target_to_use_Audio_and_Video = register_media_kinds();

}  // namespace imgr::media_module
