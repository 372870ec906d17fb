// The seed's Blocks demo: a sepia filter with a strength slider, and a Flag
// button that saves input, strength and output with a CSVLogger. The button
// shows "Saving…" then "Saved (N)"; rows still waiting at exit are written.
#include <imgr/imgr.h>

#include "sepia_filter.h"  // sepia(image, strength): the filter itself

int main(int argc, char** argv) {
    imgr::Blocks demo("Sepia");
    imgr::CSVLogger callback;
    imgr::Handle<imgr::ImageBuffer> img_input, img_output;
    imgr::Handle<double> strength;
    demo.row([&] {
        demo.column([&] {
            img_input = demo.add(imgr::Image("Input image"));
            strength = demo.add(imgr::Slider("strength", 0, 1, 0.5));
        });
        img_output = demo.add(imgr::Image("Output image"));
    });
    auto btn = demo.add(imgr::Button("Flag"));

    // This needs to be called at some point prior to the first flag
    callback.setup({img_input, strength, img_output}, "flagged_data_points");
    img_input.change(sepia, {img_input, strength}, img_output);
    auto run = strength.change(sepia, {img_input, strength}, img_output);
    // We can choose which components to flag -- in this case, we'll flag all of them
    demo.flag_button(btn, callback, {img_input, strength, img_output});
    // `--replay flagged_data_points` runs sepia again on every flagged row and compares.
    demo.replay_with(run, {img_input, strength, img_output});
    return demo.launch(argc, argv);
}
