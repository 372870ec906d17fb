// A live video filter: a Video (a file, or a webcam) streamed frame by frame
// through the sepia filter of sepia.cpp, with a strength slider that applies
// at once, and a button that flags the frame on screen (the video as
// <label>/N.mp4, the filtered frame as PNG). A slow filter skips frames rather
// than falling behind: the output is never more than one frame late.
#include <imgr/imgr.h>
#include <imgr/media.h>

#include "sepia_filter.h"  // sepia(image, strength): the filter itself

int main(int argc, char** argv) {
    imgr::Blocks demo("Video filter");
    imgr::CSVLogger callback;
    imgr::Handle<imgr::VideoValue> video;
    imgr::Handle<double> strength;
    imgr::Handle<imgr::ImageBuffer> filtered;
    demo.row([&] {
        demo.column([&] {
            video = demo.add(imgr::Video("Input video").sources({"upload", "webcam"}).loop());
            strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
        });
        filtered = demo.add(imgr::Image("Filtered frame"));
    });
    auto btn = demo.add(imgr::Button("Flag frame"));

    callback.setup({video, strength, filtered}, "flagged_video_frames");
    // Each frame the video shows (and each move of the slider) runs sepia on the newest frame.
    video.stream(sepia, {video, strength}, filtered);
    demo.flag_button(btn, callback, {video, strength, filtered});
    return demo.launch(argc, argv);
}
