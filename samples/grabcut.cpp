// Interactive segmentation with OpenCV's GrabCut: paint "object" strokes across
// the thing you want and "background" strokes around it; each stroke runs
// GrabCut again (on a worker; only the newest pending run matters), seeded with
// the strokes: object strokes are surely object, background strokes surely
// background, the box around all strokes probably object and the rest probably
// background. Out come the mask with its bounding box, the cut-out on a
// transparent background and the object's share of the picture. Flag a bad cut
// as "leaked into background" or "missed part"; `--replay flagged_grabcut`
// runs the flagged strokes again and compares the masks by IoU.
#include <imgr/imgr.h>

#include "grabcut_cut.h"    // cut_out(picture, iterations, progress): GrabCut seeded from the strokes
#include "grabcut_scene.h"  // the picture it starts with, drawn by code

int main(int argc, char** argv) {
    imgr::Blocks demo("GrabCut");
    imgr::CSVLogger callback;
    imgr::Handle<imgr::ImageEditorValue> picture;
    imgr::Handle<double> iterations;
    imgr::Handle<imgr::AnnotatedImageValue> segmented;
    imgr::Handle<imgr::ImageBuffer> cutout;
    imgr::Handle<imgr::LabelValue> area;
    imgr::Handle<std::string> stop, leaked, missed;
    demo.add(imgr::Markdown("## GrabCut\nPaint **object** strokes across the thing to cut out and **background** "
                            "strokes around it. Wheel: zoom; right or middle drag: pan."));
    demo.row([&] {
        demo.column([&] {
            picture = demo.add(imgr::ImageEditor("Picture")
                                   .brushes({{"object", kGrabcutObject}, {"background", kGrabcutBackground}})
                                   .brush_size(8)
                                   .height(22)
                                   .background(grabcut_scene()));
            iterations = demo.add(imgr::Slider("iterations", 1, 10, 3).step(1));
            stop = demo.add(imgr::Button("Stop").stop());
            demo.row([&] {
                leaked = demo.add(imgr::Button("Flag as leaked into background"));
                missed = demo.add(imgr::Button("Flag as missed part"));
            });
        });
        demo.column([&] {
            segmented = demo.add(imgr::AnnotatedImage("Object").height(14));
            cutout = demo.add(imgr::Image("Cut-out").height(14).interactive(false));
            area = demo.add(imgr::Label("Area"));
        });
    });
    auto run = picture.change(cut_out, {picture, iterations}, {segmented, cutout, area});
    auto rerun = iterations.change(cut_out, {picture, iterations}, {segmented, cutout, area});
    stop.click(nullptr, {}, {}, {.cancels = {run, rerun}});
    callback.setup({picture, iterations, segmented, cutout, area}, "flagged_grabcut", {.flag_column = true});
    demo.flag_button(leaked, callback, {picture, iterations, segmented, cutout, area}, "leaked into background");
    demo.flag_button(missed, callback, {picture, iterations, segmented, cutout, area}, "missed part");
    demo.replay_with(run, {picture, iterations, segmented, cutout, area});
    return demo.launch(argc, argv);
}
