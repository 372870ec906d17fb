// Blocks::flagged_examples: the rows of a flagging folder as a table of
// examples, one line per row: a thumbnail of its first image, a button with
// its values that loads them into the inputs, and the flag option it had.
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/app/blocks_state.h"
#include "imgr/engine/flagging/flagged_examples.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace imgr {

namespace {

constexpr int kThumbnailSide = 96;  // pixels: a hundred rows of 1080p images stay small in memory

// A small copy (nearest pixel), so the table keeps no full-size image.
ImageBuffer thumbnail_of(const ImageBuffer& image) {
    const int side = std::max(image.width(), image.height());
    if (side <= kThumbnailSide) return image;
    const int w = std::max(1, image.width() * kThumbnailSide / side), h = std::max(1, image.height() * kThumbnailSide / side);
    ImageBuffer small(w, h, 3);
    uint8_t* out = small.mutable_u8();
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                out[((size_t)y * w + x) * 3 + c] = image.sample(x * image.width() / w, y * image.height() / h, c);
    return small;
}

// The button's text: the values, an image (or any value flagged as files) by its file name
// (its thumbnail shows the rest).
std::string describe(const FlaggedExample& example, const std::vector<ExampleInput>& inputs) {
    std::string text;
    for (size_t i = 0; i < example.values.size(); ++i) {
        if (!text.empty()) text += ", ";
        text += is_file_kind(inputs[i].kind) ? std::filesystem::path(example.cells.at(i)).filename().string()
                                             : to_cell(example.values[i]);
    }
    return text;
}

// Fills the inputs with a row; its images are loaded now, off the UI thread.
HandlerFn load_example(FlaggedExample example, std::vector<ExampleInput> inputs) {
    return [example, inputs](const Values&, Progress&) {
        HandlerOutputs out;
        for (size_t i = 0; i < example.values.size(); ++i) {
            const auto* path = std::get_if<std::string>(&example.values[i]);
            if (inputs[i].kind != ComponentKind::Image || !path) {
                out.push_back(Update().value(example.values[i]));
            } else if (path->empty()) {
                out.push_back(Update().value(ImageBuffer{}));
            } else {
                out.push_back(Update().value(load_example_image(example, i)));
            }
        }
        return out;
    };
}

std::optional<ImageBuffer> first_thumbnail(const FlaggedExample& example, const std::vector<ExampleInput>& inputs) {
    for (size_t i = 0; i < example.values.size(); ++i) {
        // An ImageEditor is read whole with its row: its composite, as the person saw it.
        if (const auto* editor = std::get_if<ImageEditorValue>(&example.values[i]); editor && !editor->empty())
            return thumbnail_of(editor->composite);
        const auto* path = std::get_if<std::string>(&example.values[i]);
        if (inputs[i].kind != ComponentKind::Image || !path || path->empty()) continue;
        try {
            return thumbnail_of(load_example_image(example, i));
        } catch (const std::exception&) {
            // No thumbnail; a click says why.
        }
    }
    return std::nullopt;
}

}  // namespace

void Blocks::flagged_examples(const std::string& dir, AnyInputs inputs) {
    add_flagged_examples(dir, own(inputs.list(), "input", "flagged_examples()"));
}

void Blocks::add_flagged_examples(const std::string& dir, const std::vector<ComponentId>& input_ids) {
    std::vector<ExampleInput> inputs;
    for (ComponentId id : input_ids) {
        const ComponentSpec& spec = state_->engine.component(id).spec;
        inputs.push_back({spec.common.label, spec.kind, spec.props});
    }
    const FlaggedExamples examples = read_flagged_examples(dir, inputs);
    std::error_code ec;
    // A folder not made yet is the first session of an app that shows its own flags: nothing to say.
    if (std::filesystem::exists(dir, ec))
        for (const std::string& problem : examples.problems)
            std::fprintf(stderr, "imgr: flagged examples: %s\n", problem.c_str());
    if (examples.rows.empty()) return;
    add(Markdown("**Examples** (flagged in `" + dir + "`)"));
    float text_width = 8.0f;  // one width for every button, so the flag column lines up
    for (const FlaggedExample& example : examples.rows)
        text_width = std::max(text_width, 2.0f + 0.6f * (float)describe(example, inputs).size());
    for (const FlaggedExample& example : examples.rows) {
        std::optional<ImageBuffer> thumbnail = first_thumbnail(example, inputs);
        row([&] {
            if (thumbnail)
                column({.scale = 0, .min_width = 8.0f}, [&] {
                    add(Image("Example from " + example.source).value(std::move(*thumbnail)).height(4)
                            .show_label(false).interactive(false));
                });
            const std::string text = describe(example, inputs);
            const ComponentId button = add(Button(text).size(ButtonSize::Small).scale(0).min_width(text_width)).id();
            if (examples.has_flag_column) add(Markdown(example.flag.empty() ? "—" : "*" + example.flag + "*"));
            ListenerSpec fill;
            fill.triggers = {{button, Event::Click}};
            fill.handler = load_example(example, inputs);
            fill.outputs = input_ids;
            fill.mode = TriggerMode::Once;
            fill.description = "flagged example " + example.source;
            register_listener(std::move(fill));
        });
    }
}

}  // namespace imgr
