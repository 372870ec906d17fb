// The Video component's builder: imgr::Video("Input video").sources({"upload", "webcam"}).
// Its value is an imgr::VideoValue (a file and its metadata, video_value.h).
#pragma once
#include "imgr/engine/app/builders.h"
#include "imgr/media/module_link.h"
#include "imgr/media/model/video_file.h"

namespace imgr {

// A video: a player with play/pause, a time bar and frame stepping. As an input,
// drop a file on it, type a path, or (with the "webcam" source) pick a camera.
// As an output, it plays what the handler returned (a file it encoded, video_file.h).
class Video : public Builder<Video, VideoValue> {
public:
    explicit Video(std::string label = "") : Builder(ComponentKind::Video, std::move(label), VideoProps{}) {}
    Video& height(float em) { props<VideoProps>().height = em; return *this; }
    // "upload" (a file) and/or "webcam" (a V4L2 camera through libavdevice); the first is shown first.
    Video& sources(StringList list) { props<VideoProps>().sources = std::move(list); return *this; }
    Video& loop(bool again = true) { props<VideoProps>().loop = again; return *this; }
    Video& autoplay(bool play = true) { props<VideoProps>().autoplay = play; return *this; }
    // Starts with this file (its metadata is read now; a file that cannot be read shows its error when drawn).
    Video& file(const std::string& path) {
        VideoProbe probe = probe_video_file(path);
        VideoValue video = probe.video;
        video.path = path;
        return value(std::move(video));
    }
};

}  // namespace imgr
