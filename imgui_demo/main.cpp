// imgui_demo: the kitchen-sink showcase of imgr, in the spirit of Dear ImGui's
// ShowDemoWindow. Every component and every listener appears here working,
// with a line or two of explanation; each tab is one function below, and each
// example in it is short enough to copy into your own main().
//
// Index
//   show_inputs()       Number, Slider, Radio, Dropdown, Checkbox, CheckboxGroup, Textbox, ColorPicker
//   show_outputs()      Label, Plot, JSON, Dataframe, Markdown
//   show_layout()       Row (scale, min_width, equal_height, wrapping), Group, Accordion, nested Tabs
//   show_events()       one events_*() function per listener idea: change/input, click, submit,
//                       release and always_last, .then/.success, Blocks::on, messages (info,
//                       warning, Error), Progress, every, updates
//   show_images()       Image input and output, a synthetic test image, filters, upload
//   show_image_views()  AnnotatedImage (boxes, masks, a score threshold, select), ImageEditor, Sketchpad, ImageSlider
//                       (before/after, select), Gallery (captions, select)
//   show_chat()         Chatbot with a bot streaming its reply (Stream<T>, .success, Stop by
//                       cancels), like
//   show_media()        Audio synthesised in code and changed by a handler; Video rendered at
//                       run time (write_video_file) and a stream() handler on its frames
//   main()              the header, the tabs, and IMGR_DEMO_TAB
#include <imgr/imgr.h>
#include <imgr/media.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <numbers>
#include <stdexcept>
#include <string>
#include <strings.h>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using imgr::Blocks;
using imgr::Event;
using imgr::Handle;

// One or two lines of explanation above an example.
void explain(Blocks& demo, std::string markdown) { demo.add(imgr::Markdown(std::move(markdown))); }

std::string join(const imgr::StringList& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
}

std::string clock_text() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

// -----------------------------------------------------------------------------
// Inputs: every input component, each beside an output that echoes what its
// change handler received. Handler parameters are the components' value types:
// double, std::string, bool, imgr::StringList, imgr::Color.
// -----------------------------------------------------------------------------

// One example line: explanation | input | an echo of what its handler received.
template <class B>
std::pair<Handle<typename B::value_type>, Handle<std::string>> input_example(Blocks& demo, std::string markdown,
                                                                             B input, std::string first_echo) {
    std::pair<Handle<typename B::value_type>, Handle<std::string>> handles;
    demo.row({.equal_height = true}, [&] {
        demo.add(imgr::Markdown(std::move(markdown)).scale(3).min_width(16));
        handles.first = demo.add(input.scale(4).min_width(16));
        handles.second = demo.add(imgr::Textbox("handler received", std::move(first_echo)).scale(2).min_width(10));
    });
    return handles;
}

void show_inputs(Blocks& demo) {
    explain(demo, "Each input's `change` listener sends its value to a handler that shows what it received. "
                  "Outputs are read-only; inputs are interactive.");

    auto [number, number_echo] = input_example(demo,
        "**Number** `.minimum(0).maximum(10).step(0.5).precision(2)`: entries beyond 0..10 are clamped (and you are "
        "told); letters are refused.",
        imgr::Number("Number", 2.5).minimum(0).maximum(10).step(0.5).precision(2), "2.5");
    number.change([](double v) { return imgr::format_number(v); }, {number}, number_echo);

    auto [slider, slider_echo] = input_example(demo, "**Slider** `(\"Slider\", 0, 100, 40).step(5)`: values snap to the step.",
        imgr::Slider("Slider", 0, 100, 40).step(5), "40");
    slider.change([](double v) { return imgr::format_number(v); }, {slider}, slider_echo);

    auto [radio, radio_echo] = input_example(demo, "**Radio**: one choice among a few, all in view.",
        imgr::Radio("Radio", {"cat", "dog", "bird", "fish"}).value("cat"), "cat");
    radio.change([](const std::string& v) { return v; }, {radio}, radio_echo);

    auto [dropdown, dropdown_echo] = input_example(demo, "**Dropdown**: one choice from a longer list.",
        imgr::Dropdown("Dropdown", {"ResNet-50", "ViT-B/16", "ConvNeXt-T", "MobileNet-V3"}).value("ResNet-50"), "ResNet-50");
    dropdown.change([](const std::string& v) { return v; }, {dropdown}, dropdown_echo);

    auto [multi, multi_echo] = input_example(demo, "**Dropdown** `.multiselect()`: the value becomes an `imgr::StringList`.",
        imgr::Dropdown("Dropdown (multiselect)", {"train", "validation", "test"}).multiselect().value({"train", "test"}),
        "[train, test]");
    multi.change([](const imgr::StringList& v) { return join(v); }, {multi}, multi_echo);

    auto [checkbox, checkbox_echo] = input_example(demo, "**Checkbox**: a `bool`. Labels are UTF-8, Chinese included.",
        imgr::Checkbox("标记 (flag)"), "false");
    checkbox.change([](bool v) { return std::string(v ? "true" : "false"); }, {checkbox}, checkbox_echo);

    auto [group, group_echo] = input_example(demo, "**CheckboxGroup**: any number of choices, kept in the choices' order.",
        imgr::CheckboxGroup("CheckboxGroup", {"flip", "rotate", "crop", "noise"}).value({"flip"}), "[flip]");
    group.change([](const imgr::StringList& v) { return join(v); }, {group}, group_echo);

    auto [text, text_echo] = input_example(demo, "**Textbox** `.placeholder(...)`: the grey hint shows while it is empty.",
        imgr::Textbox("Textbox").placeholder("Type something"), "");
    text.change([](const std::string& v) { return v; }, {text}, text_echo);

    auto [lines, lines_echo] = input_example(demo,
        "**Textbox** `.lines(3).max_lines(6)`: Enter types a line break; the box grows up to six lines.",
        imgr::Textbox("Textbox (multi-line)", "A prompt can take\nseveral lines of text.").lines(3).max_lines(6),
        "2 lines, 41 characters");
    lines.change([](const std::string& v) {
        const size_t breaks = (size_t)std::count(v.begin(), v.end(), '\n');
        return std::to_string(breaks + 1) + " lines, " + std::to_string(v.size()) + " characters";
    }, {lines}, lines_echo);

    auto [password, password_echo] = input_example(demo,
        "**Textbox** `.password()`: the text is hidden on screen, not from handlers.",
        imgr::Textbox("Password").password().placeholder("API key"), "0 characters");
    password.change([](const std::string& v) { return std::to_string(v.size()) + " characters"; }, {password},
                    password_echo);

    auto [color, color_echo] = input_example(demo,
        "**ColorPicker**: an `imgr::Color`, RGBA in 0..1; click the swatch for a picker.",
        imgr::ColorPicker("ColorPicker", {0.976f, 0.451f, 0.086f, 1}), "#f97316");
    color.change([](const imgr::Color& c) { return imgr::color_to_hex(c); }, {color}, color_echo);
}

// -----------------------------------------------------------------------------
// Outputs: components that show what a handler returns. A handler returning a
// std::tuple fills several outputs at once.
// -----------------------------------------------------------------------------

// A toy classifier: fixed scores, softened or sharpened by a temperature.
std::tuple<imgr::LabelValue, imgr::Json> classify(double temperature) {
    const std::vector<std::pair<std::string, double>> logits = {
        {"tabby cat", 2.1}, {"lynx", 1.4}, {"red fox", 0.9}, {"barn owl", 0.2}, {"axolotl", -0.6}};
    double sum = 0;
    for (const auto& [name, logit] : logits) sum += std::exp(logit / temperature);
    imgr::LabelValue label;
    imgr::Json json = {{"model", "toy-classifier"}, {"temperature", temperature}, {"calibrated", false}, {"notes", nullptr}};
    for (const auto& [name, logit] : logits) {
        const double p = std::exp(logit / temperature) / sum;
        label.confidences.push_back({name, p});
        json["probabilities"][name] = std::round(p * 1000) / 1000;
    }
    json["top_class"] = logits.front().first;
    json["input_shape"] = {1, 3, 224, 224};
    return {label, json};
}

// A line and noisy samples of sin(frequency * x).
imgr::PlotValue wave(double frequency) {
    imgr::PlotSeries line, samples;
    line.name = "sin(f x)";
    samples.name = "samples";
    samples.style = imgr::PlotSeries::Style::Scatter;
    for (int i = 0; i <= 200; ++i) {
        const double x = i * 0.05;
        line.x.push_back(x);
        line.y.push_back(std::sin(frequency * x));
    }
    for (int i = 0; i < 40; ++i) {
        const double x = i * 0.25 + 0.1;
        // Fixed pseudo-noise in -0.25..0.25: the same points on every run.
        const double hash = std::sin(i * 12.9898) * 43758.5453, noise = (hash - std::floor(hash) - 0.5) * 0.5;
        samples.x.push_back(x);
        samples.y.push_back(std::sin(frequency * x) + noise);
    }
    return {.title = "A wave and noisy samples", .x_label = "x", .y_label = "y", .series = {line, samples}};
}

imgr::TableValue leaderboard(const std::string& sort_by) {
    imgr::TableValue table{.headers = {"model", "params (M)", "top-1 %", "latency (ms)"},
                           .rows = {{"ResNet-50", 25.6, 76.1, 4.1},
                                    {"ViT-B/16", 86.6, 81.1, 7.9},
                                    {"ConvNeXt-T", 28.6, 82.1, 5.2},
                                    {"MobileNet-V3", 5.4, 75.2, 1.3},
                                    {"EfficientNet-B0", 5.3, 77.7, 2.2}}};
    const auto column = std::find(table.headers.begin(), table.headers.end(), sort_by) - table.headers.begin();
    const bool descending = sort_by == "top-1 %";
    std::sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) {
        return descending ? a[column] > b[column] : a[column] < b[column];
    });
    return table;
}

const char* kMarkdownSample = R"md(# Heading 1
## Heading 2
### Heading 3
Text with **bold**, *italic* and `inline code`;
a [link](https://www.gradio.app) is copied to the
clipboard when clicked. A backslash escapes: \*not italic\*.

- a bullet
  - a nested bullet
- another bullet

1. numbered
2. lists too

```cpp
double square(double x) { return x * x; }
```
---
Edit the source on the left: the preview follows as you type.)md";

void show_outputs(Blocks& demo) {
    Handle<double> temperature;
    Handle<imgr::LabelValue> label;
    Handle<imgr::Json> json;
    const auto first = classify(1);  // not a structured binding: the lambdas below take it (clang 14 cannot)
    const auto& first_label = std::get<0>(first);
    const auto& first_json = std::get<1>(first);
    demo.row([&] {
        demo.column([&] {
            explain(demo, "**Label** shows a class, or classes with confidences as bars; `.num_top_classes(3)` keeps "
                          "the three highest. One handler returns a tuple that fills the Label and the JSON.");
            temperature = demo.add(imgr::Slider("Temperature", 0.2, 3, 1).step(0.1));
            label = demo.add(imgr::Label("Label").num_top_classes(3).value(first_label));
        });
        demo.column([&] {
            explain(demo, "**JSON** shows an `imgr::Json` (nlohmann::json) as a tree: click a key to fold it.");
            json = demo.add(imgr::JSON("JSON").value(first_json));
        });
    });
    temperature.change(classify, {temperature}, {label, json});

    Handle<double> frequency;
    Handle<imgr::PlotValue> plot;
    Handle<std::string> sort_by;
    Handle<imgr::TableValue> table;
    demo.row([&] {
        demo.column({.scale = 3}, [&] {
            explain(demo, "**Plot** draws line and scatter series with axes, ticks and a legend. Drag the slider: "
                          "the plot follows live. Hover a point to read it.");
            frequency = demo.add(imgr::Slider("Frequency", 0.5, 4, 1.5).step(0.1));
            plot = demo.add(imgr::Plot("Plot").height(14).value(wave(1.5)));
        });
        demo.column({.scale = 2}, [&] {
            explain(demo, "**Dataframe** shows an `imgr::TableValue`: headers and rows of numbers or text.");
            sort_by = demo.add(imgr::Dropdown("Sort by", {"model", "params (M)", "top-1 %", "latency (ms)"}).value("top-1 %"));
            table = demo.add(imgr::Dataframe("Dataframe").value(leaderboard("top-1 %")));
        });
    });
    frequency.change(wave, {frequency}, plot);
    sort_by.change(leaderboard, {sort_by}, table);

    explain(demo, "**Markdown**: headings, **bold**, *italic*, `code`, lists, links, code blocks and rules, "
                  "enough for a demo's description.");
    Handle<std::string> source, preview;
    demo.row({.equal_height = true}, [&] {
        source = demo.add(imgr::Textbox("Markdown source", kMarkdownSample).lines(18).max_lines(30));
        preview = demo.add(imgr::Markdown(kMarkdownSample));
    });
    source.change([](const std::string& text) { return text; }, {source}, preview);
}

// -----------------------------------------------------------------------------
// Layout: rows, columns, groups, accordions and tabs nest like Gradio's
// `with gr.Row():` blocks; here a lambda is the body.
// -----------------------------------------------------------------------------

void show_layout(Blocks& demo) {
    explain(demo, "### Row and Column: scale and min_width\nFree width is shared by `scale` (1 : 2 here), but a column "
                  "never gets narrower than its `min_width` in font units: the third asks for 30, more than its share.");
    demo.row([&] {
        demo.column({.scale = 1, .min_width = 8}, [&] { demo.add(imgr::Button("scale 1")); });
        demo.column({.scale = 2, .min_width = 8}, [&] { demo.add(imgr::Button("scale 2")); });
        demo.column({.scale = 1, .min_width = 30}, [&] { demo.add(imgr::Button("scale 1, min_width 30")); });
    });

    explain(demo, "### Wrapping\nSix cards with `.min_width(14)` do not fit on one line here, so the row flows onto "
                  "a second one. Make the window narrower or wider to see it reflow.");
    demo.row([&] {
        demo.add(imgr::Number("learning rate", 0.001).min_width(14));
        demo.add(imgr::Number("batch size", 32).min_width(14));
        demo.add(imgr::Number("epochs", 10).min_width(14));
        demo.add(imgr::Number("warmup steps", 500).min_width(14));
        demo.add(imgr::Number("weight decay", 0.01).min_width(14));
        demo.add(imgr::Number("dropout", 0.1).min_width(14));
    });

    explain(demo, "### equal_height\nBy default each card keeps its own height (first row); with "
                  "`RowOptions{.equal_height = true}` the cards stretch to the tallest one (second row).");
    demo.row([&] {
        demo.add(imgr::Textbox("prompt", "A multi-line box\nis taller\nthan its neighbours.").lines(3));
        demo.add(imgr::Number("seed", 7));
        demo.add(imgr::Checkbox("sample", true));
    });
    demo.row({.equal_height = true}, [&] {
        demo.add(imgr::Textbox("prompt (equal height)", "A multi-line box\nis taller\nthan its neighbours.").lines(3));
        demo.add(imgr::Number("seed (equal height)", 7));
        demo.add(imgr::Checkbox("sample (equal height)", true));
    });

    demo.row([&] {
        demo.column([&] {
            explain(demo, "### Group\nOne card around its children, without gaps: for fields that belong together.");
            demo.group([&] {
                demo.add(imgr::Textbox("Name", "Ada Lovelace"));
                demo.add(imgr::Textbox("E-mail").placeholder("ada@example.org"));
                demo.add(imgr::Checkbox("Send me the results"));
            });
        });
        demo.column([&] {
            explain(demo, "### Accordion\nA section that folds: `demo.accordion(\"Advanced settings\", body, open)`. "
                          "The second one starts closed.");
            demo.accordion("Advanced settings", [&] {
                demo.row([&] {
                    demo.add(imgr::Slider("top-p", 0, 1, 0.9).step(0.05));
                    demo.add(imgr::Slider("top-k", 1, 100, 40).step(1));
                });
            }, true);
            demo.accordion("About the model (closed at start)", [&] {
                explain(demo, "A toy model for this demo: *no weights*, no downloads.");
            }, false);
        });
    });

    explain(demo, "### Nested tabs\nTabs hold any layout, tabs included.");
    demo.tabs([&] {
        demo.tab("Train", [&] {
            demo.row([&] {
                demo.add(imgr::Slider("learning rate (log10)", -5, -1, -3).step(0.5));
                demo.add(imgr::Dropdown("optimizer", {"AdamW", "SGD", "Lion"}).value("AdamW"));
            });
        });
        demo.tab("Evaluate", [&] {
            demo.add(imgr::CheckboxGroup("metrics", {"accuracy", "F1", "ROC AUC", "calibration"}).value({"accuracy", "F1"}));
        });
        demo.tab("Export", [&] { demo.add(imgr::Radio("format", {"ONNX", "TorchScript", "GGUF"}).value("ONNX")); });
    });
}

// -----------------------------------------------------------------------------
// Events: listeners, chains, messages, progress, timers and updates. Handlers
// run on worker threads: they use only their parameters, never the handles.
// -----------------------------------------------------------------------------

std::string show_number(double v) { return imgr::format_number(v); }

void events_change_and_input(Blocks& demo) {
    explain(demo, "### change and input\n`change` fires for every new value, `input` only when a person made it. "
                  "The button sets the slider from code: only `change` sees that.");
    auto source = demo.add(imgr::Slider("Source", 0, 100, 20).step(1));
    auto set50 = demo.add(imgr::Button("Set the slider to 50 from code"));
    Handle<std::string> changed, input;
    demo.row([&] {
        changed = demo.add(imgr::Textbox("change saw", "20"));
        input = demo.add(imgr::Textbox("input saw", "20"));
    });
    source.change(show_number, {source}, changed);
    source.input(show_number, {source}, input);
    set50.click([] { return 50.0; }, {}, source);
}

void events_click(Blocks& demo) {
    explain(demo, "### click\nThree variants and two sizes. A button's value is its text, so one handler can tell "
                  "the buttons apart.");
    std::vector<Handle<std::string>> buttons;
    demo.row([&] {
        buttons.push_back(demo.add(imgr::Button("Primary").primary().min_width(6)));
        buttons.push_back(demo.add(imgr::Button("Secondary").min_width(6)));
        buttons.push_back(demo.add(imgr::Button("Stop").stop().min_width(6)));
        buttons.push_back(demo.add(imgr::Button("Small").size(imgr::ButtonSize::Small).min_width(6)));
    });
    auto clicked = demo.add(imgr::Textbox("Last click"));
    for (auto& button : buttons)
        button.click([](const std::string& text) { return "clicked " + text; }, {button}, clicked);
}

void events_submit(Blocks& demo) {
    explain(demo, "### submit\nEnter in a one-line Textbox fires `submit` (Ctrl+Enter in a multi-line one). The "
                  "handler returns two values: the reply, and \"\" to clear the box.");
    auto message = demo.add(imgr::Textbox("Message").placeholder("Type and press Enter"));
    auto reply = demo.add(imgr::Textbox("Reply"));
    message.submit([](const std::string& text) {
        if (text.empty()) throw imgr::Error("Type a message first");
        return std::tuple{"You said: " + text, std::string()};
    }, {message}, {reply, message});
}

void events_release_and_always_last(Blocks& demo) {
    explain(demo, "### release and always_last\nDrag quickly: the slow `change` handler (0.3 s) runs once at a time "
                  "and only the newest value waits, so the last one always runs. `release` fires on let go.");
    auto drag = demo.add(imgr::Slider("Drag me", 0, 100, 50).step(1));
    Handle<std::string> slow, released;
    demo.row([&] {
        slow = demo.add(imgr::Textbox("change (slow): x²", "2500"));
        released = demo.add(imgr::Textbox("released at", "50"));
    });
    drag.change([](double x) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return imgr::format_number(x * x);
    }, {drag}, slow);
    drag.release(show_number, {drag}, released);
}

void events_then_and_success(Blocks& demo) {
    explain(demo, "### .then() and .success()\nSteps after a click: `.success()` runs only when the step before did "
                  "not fail, `.then()` runs whatever happened. Try x = 0: `imgr::Error` becomes a toast.");
    Handle<double> x, result, successes, thens;
    demo.row([&] {
        x = demo.add(imgr::Number("x", 4));
        result = demo.add(imgr::Number("1 / x", 0.25));
    });
    auto compute = demo.add(imgr::Button("Compute 1 / x").primary());
    demo.row([&] {
        // Inputs of their own counting steps, so made read-only on purpose.
        successes = demo.add(imgr::Number("success steps run").interactive(false));
        thens = demo.add(imgr::Number("then steps run").interactive(false));
    });
    auto step = compute.click([](double v) {
        if (v == 0) throw imgr::Error("x is 0: cannot divide by zero");
        return 1 / v;
    }, {x}, result);
    step.success([](double n) { return n + 1; }, {successes}, successes);
    step.then([](double n) { return n + 1; }, {thens}, thens);
}

void events_on(Blocks& demo) {
    explain(demo, "### Blocks::on\nOne handler on several triggers, like `gr.on`: the greeting follows the first "
                  "name as you type, and the last name when you press Enter.");
    Handle<std::string> first, last;
    demo.row([&] {
        first = demo.add(imgr::Textbox("First name", "Ada"));
        last = demo.add(imgr::Textbox("Last name", "Lovelace"));
    });
    auto greeting = demo.add(imgr::Textbox("Greeting", "Hello, Ada Lovelace!"));
    demo.on({first.on(Event::Change), last.on(Event::Submit)},
            [](const std::string& f, const std::string& l) { return "Hello, " + f + " " + l + "!"; }, {first, last},
            greeting);
}

void events_messages(Blocks& demo) {
    explain(demo, "### Messages\n`imgr::info` and `imgr::warning` show a toast; a thrown `imgr::Error`, or any other "
                  "exception, shows an error toast (and goes to stderr). The app goes on.");
    Handle<std::string> info, warning, error, crash;
    demo.row([&] {
        info = demo.add(imgr::Button("imgr::info"));
        warning = demo.add(imgr::Button("imgr::warning"));
    });
    demo.row([&] {
        error = demo.add(imgr::Button("throw imgr::Error").stop());
        crash = demo.add(imgr::Button("throw std::runtime_error").stop());
    });
    info.click([] { imgr::info("The model was loaded in 0.4 s."); });
    warning.click([] { imgr::warning("The image is small: results may be poor."); });
    error.click([] { throw imgr::Error("Shown on purpose with imgr::Error."); });
    crash.click([] { throw std::runtime_error("an unexpected failure, caught by imgr"); });
}

void events_progress(Blocks& demo) {
    explain(demo, "### Progress\nA handler whose last parameter is `imgr::Progress&` reports how far it is: a bar "
                  "over its output. The window keeps drawing meanwhile.");
    auto epochs = demo.add(imgr::Slider("Epochs", 1, 10, 5).step(1));
    auto train = demo.add(imgr::Button("Train").primary());
    auto report = demo.add(imgr::Textbox("Training result").lines(3));
    train.click([](double epochs, imgr::Progress& progress) {
        const int steps = (int)epochs * 10;
        double loss = 1;
        for (int i = 0; i < steps; ++i) {
            progress((double)i / steps, "epoch " + std::to_string(i / 10 + 1) + " of " + imgr::format_number(epochs));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            loss *= 0.93;
        }
        return "trained for " + imgr::format_number(epochs) + " epochs\nfinal loss " +
               imgr::format_number(std::round(loss * 1000) / 1000);
    }, {epochs}, report);
}

void events_every(Blocks& demo) {
    explain(demo, "### every\nA periodic event, like Gradio's Timer: the clock's handler runs every second on a "
                  "worker while the box is checked; `demo.every(1.0, clock_text, {}, clock, {}, running)`.");
    auto running = demo.add(imgr::Checkbox("Run the clock"));
    auto clock = demo.add(imgr::Textbox("Clock", clock_text()));
    // Ticking only while checked: a timer redraws the window, and an idle demo should cost nothing.
    demo.every(1.0, clock_text, {}, clock, {}, running);
}

void events_updates(Blocks& demo) {
    explain(demo, "### Updates\nReturning `imgr::update()` changes an output's properties as well as its value: "
                  "`visible`, `label`, `interactive`, `choices`.");
    Handle<bool> show, lock;
    demo.row([&] {
        show = demo.add(imgr::Checkbox("Show the secret", true));
        lock = demo.add(imgr::Checkbox("Lock the slider"));
    });
    auto secret = demo.add(imgr::Textbox("Secret", "42 is the answer"));
    auto rename = demo.add(imgr::Textbox("New label for the slider").placeholder("Type a label, press Enter"));
    // Outputs are read-only unless told otherwise: these two stay for the person to use.
    auto target = demo.add(imgr::Slider("Learning rate", 0, 1, 0.1).step(0.01).interactive(true));
    auto task = demo.add(imgr::Radio("Task", {"vision", "text"}).value("vision"));
    auto model = demo.add(imgr::Dropdown("Model", {"ResNet-50", "ViT-B/16"}).value("ResNet-50").interactive(true));
    show.change([](bool v) { return imgr::update().visible(v); }, {show}, secret);
    lock.change([](bool v) { return imgr::update().interactive(!v); }, {lock}, target);
    rename.submit([](const std::string& text) { return imgr::update().label(text); }, {rename}, target);
    task.change([](const std::string& t) {
        const imgr::StringList models = t == "vision" ? imgr::StringList{"ResNet-50", "ViT-B/16"}
                                                      : imgr::StringList{"BERT-base", "GPT-2", "T5-small"};
        return imgr::update().choices(models).value(models.front());
    }, {task}, model);
}

void show_events(Blocks& demo) {
    demo.row([&] {
        demo.column([&] {
            events_change_and_input(demo);
            events_submit(demo);
            events_then_and_success(demo);
            events_messages(demo);
            events_progress(demo);
            events_every(demo);
        });
        demo.column([&] {
            events_click(demo);
            events_release_and_always_last(demo);
            events_on(demo);
            events_updates(demo);
        });
    });
}

// -----------------------------------------------------------------------------
// Images: an Image input with a test card generated in code (no files needed),
// filters, and an Image output.
// -----------------------------------------------------------------------------

// Where test_card() draws its shapes: the toy detector of the Image views tab
// boxes them from the same numbers.
struct CardLayout {
    float disc_x, disc_y, disc_r;      // the white disc; a dark rim 4 px wide goes round it
    int board_x, board_y, board, cell;  // the checkerboard, 8 x 8 cells
    float bars_y;                       // the eight colour bars fill the card below this
};

CardLayout card_layout(int w, int h) {
    const int board = (int)(h * 0.5f);
    return {w * 0.3f, h * 0.42f, h * 0.24f, (int)(w * 0.58f), (int)(h * 0.14f), board, board / 8, h * 0.84f};
}

// A colourful test card: a hue sweep, a disc, a checkerboard and colour bars.
imgr::ImageBuffer test_card(int w, int h) {
    std::vector<uint8_t> pixels((size_t)w * h * 3);
    const uint8_t bars[8][3] = {{235, 235, 235}, {235, 235, 16}, {16, 235, 235}, {16, 235, 16},
                                {235, 16, 235},  {235, 16, 16},  {16, 16, 235},  {16, 16, 16}};
    const CardLayout card = card_layout(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &pixels[((size_t)y * w + x) * 3];
            // HSV to RGB: hue from left to right, darker towards the bottom.
            const float hue = 6.0f * x / w, value = 1.0f - 0.5f * y / h, saturation = 0.7f;
            for (int c = 0; c < 3; ++c) {
                const float k = std::fmod((c == 0 ? 5.0f : c == 1 ? 3.0f : 1.0f) + hue, 6.0f);
                p[c] = (uint8_t)(255 * (value - value * saturation * std::clamp(std::min(k, 4 - k), 0.0f, 1.0f)));
            }
            const float d = std::hypot(x - card.disc_x, y - card.disc_y);
            if (d < card.disc_r) p[0] = p[1] = p[2] = 245;
            else if (d < card.disc_r + 4) p[0] = p[1] = p[2] = 30;
            if (x >= card.board_x && x < card.board_x + card.board && y >= card.board_y && y < card.board_y + card.board)
                p[0] = p[1] = p[2] = (((x - card.board_x) / card.cell + (y - card.board_y) / card.cell) % 2) ? 20 : 240;
            if (y > card.bars_y) std::copy(bars[x * 8 / w], bars[x * 8 / w] + 3, p);
        }
    return imgr::ImageBuffer(w, h, 3, std::move(pixels));
}

// A box blur along one direction of interleaved pixels, as a running sum.
void blur_lines(const std::vector<uint8_t>& src, std::vector<uint8_t>& dst, int length, int lines, size_t step,
                size_t line_step, int channels, int radius) {
    for (int line = 0; line < lines; ++line)
        for (int c = 0; c < channels; ++c) {
            const uint8_t* s = &src[line * line_step + c];
            uint8_t* d = &dst[line * line_step + c];
            auto at = [&](int i) { return (int)s[(size_t)std::clamp(i, 0, length - 1) * step]; };
            int sum = 0;
            for (int k = -radius; k <= radius; ++k) sum += at(k);
            for (int i = 0; i < length; ++i) {
                d[(size_t)i * step] = (uint8_t)(sum / (2 * radius + 1));
                sum += at(i + radius + 1) - at(i - radius);
            }
        }
}

imgr::ImageBuffer apply_filter(const imgr::ImageBuffer& input, const std::string& filter, double blur) {
    if (input.empty()) return {};
    const int w = input.width(), h = input.height(), channels = filter == "grey" ? 1 : 3;
    std::vector<uint8_t> out((size_t)w * h * channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &out[((size_t)y * w + x) * channels];
            const int r = input.sample(x, y, 0), g = input.sample(x, y, 1), b = input.sample(x, y, 2);
            if (filter == "grey") {
                p[0] = (uint8_t)((299 * r + 587 * g + 114 * b) / 1000);
            } else {
                const bool invert = filter == "invert";
                p[0] = (uint8_t)(invert ? 255 - r : r);
                p[1] = (uint8_t)(invert ? 255 - g : g);
                p[2] = (uint8_t)(invert ? 255 - b : b);
            }
        }
    if (const int radius = (int)blur; radius > 0) {
        std::vector<uint8_t> along_rows(out.size());
        blur_lines(out, along_rows, w, h, channels, (size_t)w * channels, channels, radius);
        blur_lines(along_rows, out, h, w, (size_t)w * channels, channels, channels, radius);
    }
    return imgr::ImageBuffer(w, h, channels, std::move(out));
}

void show_images(Blocks& demo) {
    explain(demo, "An **Image** input shows an `imgr::ImageBuffer` (grey, RGB or RGBA; 8-bit or float). This test card "
                  "was generated in code; drop a PNG, JPEG or BMP file on it, or type a path under it, to use your own.");
    const imgr::ImageBuffer card = test_card(480, 320);
    Handle<imgr::ImageBuffer> input, output;
    Handle<std::string> filter;
    Handle<double> blur;
    demo.row([&] {
        demo.column([&] {
            input = demo.add(imgr::Image("Input image").height(20).value(card));
            demo.row([&] {
                filter = demo.add(imgr::Radio("Filter", {"none", "grey", "invert"}).value("grey"));
                blur = demo.add(imgr::Slider("Blur radius", 0, 10, 2).step(1));
            });
        });
        demo.column([&] {
            output = demo.add(imgr::Image("Output image").height(20).value(apply_filter(card, "grey", 2)));
            explain(demo, "Images are zoomed to fit with their aspect kept; **1:1** under an image shows its real "
                          "pixels in a scrolling view, **Fit** goes back. The grey filter returns a one-channel image.");
        });
    });
    // Blocks::on listens to all three; always_last keeps only the newest run
    // pending while the blur slider is dragged (on() defaults to once).
    demo.on({input.on(Event::Change), filter.on(Event::Change), blur.on(Event::Change)}, apply_filter,
            {input, filter, blur}, output, {.trigger_mode = imgr::TriggerMode::AlwaysLast});
    input.upload([](const imgr::ImageBuffer& image) {
        imgr::info("Uploaded " + std::to_string(image.width()) + " x " + std::to_string(image.height()) + " from " +
                   (image.source.empty() ? std::string("memory") : image.source));
    }, {input});
}

// -----------------------------------------------------------------------------
// Image views: an AnnotatedImage (boxes and masks), an ImageSlider (before and
// after) and a Gallery, all over images made in code. Each fires `select`.
// -----------------------------------------------------------------------------

// A toy detector, as the toy classifier of the Outputs tab: the boxes are where
// test_card() draws its shapes, with fixed scores as a model would report them,
// and one false alarm for the threshold to remove. The masks come from the
// pixels, as a segmentation model's label map (1 disc, 2 checkerboard).
imgr::AnnotatedImageValue detect_shapes(const imgr::ImageBuffer& card_image, double min_score) {
    const int w = card_image.width(), h = card_image.height();
    const CardLayout card = card_layout(w, h);
    const double rim = card.disc_r + 4, bar_width = w / 8.0;
    // Labels take the view's colours in order of first appearance: the third is red, the fourth teal.
    const std::vector<imgr::AnnotationBox> found = {
        {card.disc_x - rim, card.disc_y - rim, card.disc_x + rim, card.disc_y + rim, "disc", 0.97},
        {(double)card.board_x, (double)card.board_y, (double)card.board_x + card.board,
         (double)card.board_y + card.board, "checkerboard", 0.91},
        {5 * bar_width, card.bars_y, 6 * bar_width, (double)h, "red bar", 0.74},
        {3 * bar_width, card.bars_y, 4 * bar_width, (double)h, "green bar", 0.58},
        {w * 0.04, h * 0.68, w * 0.14, h * 0.8, "disc", 0.27},
    };
    imgr::AnnotatedImageValue shown{card_image, {}, {}};
    for (const imgr::AnnotationBox& box : found)
        if (box.score >= min_score) shown.boxes.push_back(box);

    std::vector<uint8_t> label_map((size_t)w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int r = card_image.sample(x, y, 0), g = card_image.sample(x, y, 1), b = card_image.sample(x, y, 2);
            const bool grey = r == g && g == b;
            const bool on_board = x >= card.board_x && x < card.board_x + card.board && y >= card.board_y &&
                                  y < card.board_y + card.board;
            label_map[(size_t)y * w + x] = grey && r == 245 ? 1 : grey && on_board ? 2 : 0;
        }
    shown.masks =
        imgr::masks_from_label_map(imgr::ImageBuffer(w, h, 1, std::move(label_map)), {"disc", "checkerboard"});
    return shown;
}

// The clicked pixel, its values, and the boxes it falls in.
std::string describe_detection_click(const imgr::AnnotatedImageValue& shown, imgr::SelectData at) {
    std::string inside;
    for (const imgr::AnnotationBox& box : shown.boxes)
        if (at.x >= box.x0 && at.x < box.x1 && at.y >= box.y0 && at.y < box.y1)
            inside += (inside.empty() ? " in " : ", ") + box.label;
    return std::to_string(at.x) + ", " + std::to_string(at.y) + ": " + at.value.dump() + inside;
}

// One of apply_filter()'s filters by name, "blur" included.
imgr::ImageBuffer filtered(const imgr::ImageBuffer& image, const std::string& filter, int blur_radius) {
    return filter == "blur" ? apply_filter(image, "none", blur_radius) : apply_filter(image, filter, 0);
}

imgr::ImageSliderValue before_after(const imgr::ImageBuffer& card_image, const std::string& filter) {
    return {card_image, filtered(card_image, filter, 6)};
}

// The pixel under a click on both images: a select on an ImageSlider reports the after image's values.
std::string describe_slider_click(const imgr::ImageSliderValue& images, imgr::SelectData at) {
    std::string before = "[";
    for (int c = 0; c < images.before.channels(); ++c)
        before += (c ? "," : "") + std::to_string(images.before.sample(at.x, at.y, c));
    return std::to_string(at.x) + ", " + std::to_string(at.y) + ": before " + before + "], after " + at.value.dump();
}

imgr::GalleryValue filtered_versions(const imgr::StringList& filters) {
    const imgr::ImageBuffer small_card = test_card(240, 160);
    imgr::GalleryValue gallery{{{small_card, "original"}}};
    for (const std::string& filter : filters) gallery.items.push_back({filtered(small_card, filter, 4), filter});
    return gallery;
}

void show_image_views(Blocks& demo) {
    const imgr::ImageBuffer card = test_card(480, 320);
    explain(demo, "### AnnotatedImage\nAn `imgr::AnnotatedImageValue`: an image, `AnnotationBox`es (corners, label, "
                  "score) and `AnnotationMask`s (one-channel images, here from `masks_from_label_map`). Each label "
                  "has a colour and a legend entry; hover one to pick out its boxes. A click fires `select` with the "
                  "pixel, whatever the zoom.");
    Handle<imgr::AnnotatedImageValue> detections;
    Handle<double> min_score;
    Handle<std::string> detection_click;
    demo.row([&] {
        demo.column({.scale = 3}, [&] {
            detections = demo.add(imgr::AnnotatedImage("Detections").height(20).value(detect_shapes(card, 0.5)));
        });
        demo.column({.scale = 2}, [&] {
            explain(demo, "A toy detector returns boxes with scores; the handler keeps those at or above the "
                          "threshold, as a model's own threshold would. The other way is `.threshold_slider()`: a "
                          "slider under the image that only hides boxes, the value unchanged.");
            min_score = demo.add(imgr::Slider("Minimum score", 0, 1, 0.5).step(0.05));
            detection_click = demo.add(imgr::Textbox("Clicked pixel").placeholder("Click the image"));
        });
    });
    min_score.change([card](double score) { return detect_shapes(card, score); }, {min_score}, detections);
    detections.select(describe_detection_click, {detections}, detection_click);

    Handle<std::string> after_filter, slider_click, gallery_pick;
    Handle<imgr::StringList> gallery_filters;
    Handle<imgr::ImageSliderValue> slider;
    Handle<imgr::GalleryValue> gallery;
    demo.row([&] {
        demo.column([&] {
            explain(demo, "### ImageSlider\nBefore on the left, after on the right: drag the divider; the wheel "
                          "zooms both. A click reports the pixel of the after image.");
            after_filter = demo.add(imgr::Radio("After filter", {"invert", "grey", "blur"}).value("invert"));
            slider = demo.add(imgr::ImageSlider("Before / after").height(14).value(before_after(card, "invert")));
            slider_click = demo.add(imgr::Textbox("Compared pixel").placeholder("Click the images"));
        });
        demo.column([&] {
            explain(demo, "### Gallery\nImages with captions in a grid; a click enlarges one and fires `select` with "
                          "its index and caption (a click on the enlarged image goes back to the grid).");
            const imgr::StringList first_filters = {"grey", "invert"};
            gallery_filters =
                demo.add(imgr::CheckboxGroup("Gallery filters", {"grey", "invert", "blur"}).value(first_filters));
            gallery = demo.add(imgr::Gallery("Gallery").columns(3).height(14).value(filtered_versions(first_filters)));
            gallery_pick = demo.add(imgr::Textbox("Gallery pick").placeholder("Click a thumbnail"));
        });
    });
    after_filter.change([card](const std::string& filter) { return before_after(card, filter); }, {after_filter},
                        slider);
    slider.select(describe_slider_click, {slider}, slider_click);
    gallery_filters.change(filtered_versions, {gallery_filters}, gallery);
    gallery.select([](imgr::SelectData item) {
        return "#" + std::to_string(item.index) + ": " + item.value.get<std::string>();
    }, {}, gallery_pick);

    explain(demo, "### ImageEditor and Sketchpad\nPaint on an image with the palette's brushes (the keys 1, 2, B, "
                  "E, [ and ] while over it; Ctrl+Z undoes): the left button paints in image pixels at any zoom, "
                  "the wheel zooms, the right or middle button pans. `change` fires when a stroke ends; here it "
                  "counts the painted pixels of each brush, as a segmenter reads its scribbles.");
    Handle<imgr::ImageEditorValue> editor, sketch;
    Handle<std::string> strokes;
    demo.row([&] {
        editor = demo.add(imgr::ImageEditor("Scribbles")
                              .brushes({{"object", 0x00c800}, {"background", 0xdc1e1e}})
                              .height(14)
                              .background(card));
        demo.column([&] {
            sketch = demo.add(imgr::Sketchpad("Sketchpad", 240, 160).brush_size(4).height(10));
            strokes = demo.add(imgr::Textbox("Painted").placeholder("Paint on the card"));
        });
    });
    editor.change([](const imgr::ImageEditorValue& value) {
        auto pixels = [&](uint32_t rgb) {
            const imgr::ImageBuffer mask = imgr::painted_mask(value.layers.at(0), rgb);
            return std::to_string(std::count(mask.u8(), mask.u8() + mask.pixel_count(), (uint8_t)255));
        };
        return "object " + pixels(0x00c800) + " px, background " + pixels(0xdc1e1e) + " px";
    }, {editor}, strokes);
}

// -----------------------------------------------------------------------------
// Chat: a Chatbot and a bot that streams its reply, wired by hand in Blocks
// (imgr::ChatInterface does the same for a whole app; samples/chat.cpp).
// -----------------------------------------------------------------------------

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Characters, not bytes: UTF-8 continuation bytes are 10xxxxxx.
size_t character_count(const std::string& text) {
    return (size_t)std::count_if(text.begin(), text.end(), [](char c) { return ((unsigned char)c & 0xC0) != 0x80; });
}

// A local bot, no model and no network: it answers from the message alone, in Markdown.
std::string echo_reply(const std::string& message) {
    size_t words = 0;
    std::string longest, word;
    for (size_t i = 0; i <= message.size(); ++i) {
        const bool space = i == message.size() || std::isspace((unsigned char)message[i]);
        if (!space) word += message[i];
        if (space && !word.empty()) {
            ++words;
            if (character_count(word) > character_count(longest)) longest = word;
            word.clear();
        }
    }
    const size_t characters = character_count(message);
    return "You said: *" + message + "*\n\n- **" + std::to_string(words) + "** words, **" + std::to_string(characters) +
           "** characters\n- the longest word: `" + longest + "`";
}

// Step 1: the message shows at once with an empty reply bubble (drawn "..."); the box
// empties, and it and Send wait until the reply is in, so no second message races it.
std::tuple<imgr::Conversation, imgr::Update, imgr::Update> send_message(imgr::Conversation chat,
                                                                        const std::string& message) {
    if (is_blank(message)) throw imgr::Error("Type a message first");
    chat.user(message).assistant("");
    return {chat, imgr::update().value(std::string()).interactive(false), imgr::update().interactive(false)};
}

// Step 2: the reply fills the empty bubble a word at a time; each co_yield is on screen the
// next frame. Parameters are taken by value: a coroutine outlives its caller's arguments.
imgr::Stream<imgr::Conversation> stream_reply(imgr::Conversation chat, double words_per_second) {
    if (chat.size() < 2 || !chat.messages.back().content.empty()) co_return;
    const std::string reply = echo_reply(chat.messages[chat.size() - 2].content);
    const auto pause = std::chrono::duration<double>(1 / words_per_second);
    for (size_t end = reply.find(' ');; end = reply.find(' ', end + 1)) {
        std::this_thread::sleep_for(pause);
        chat.messages.back().content = reply.substr(0, end);
        co_yield chat;
        if (end == std::string::npos) break;
    }
}

std::tuple<imgr::Update, imgr::Update> controls_back() {
    return {imgr::update().interactive(true), imgr::update().interactive(true)};
}

// Stop keeps what was written; a reply stopped before its first word leaves no empty bubble.
std::tuple<imgr::Conversation, imgr::Update, imgr::Update> stop_reply(imgr::Conversation chat) {
    if (!chat.empty() && chat.messages.back().role == imgr::ChatRole::Assistant && chat.messages.back().content.empty())
        chat.messages.pop_back();
    auto [box, send] = controls_back();
    return {chat, box, send};
}

void show_chat(Blocks& demo) {
    Handle<imgr::Conversation> chatbot;
    Handle<std::string> message, send, stop, feedback;
    Handle<double> speed;
    demo.row([&] {
        demo.column({.scale = 3, .min_width = 24}, [&] {
            chatbot = demo.add(imgr::Chatbot("Chatbot").height(20).value(imgr::Conversation().assistant(
                "Hello! I am a small bot written in `imgui_demo/main.cpp`: no model, no network. Say something.")));
            demo.row([&] {
                message = demo.add(imgr::Textbox("Chat message").placeholder("Type a message and press Enter")
                                       .show_label(false).scale(6));
                send = demo.add(imgr::Button("Send").primary().scale(1).min_width(5));
                stop = demo.add(imgr::Button("Stop reply").stop().scale(1).min_width(7));
            });
        });
        demo.column({.scale = 2, .min_width = 16}, [&] {
            explain(demo, "### Chatbot\nAn `imgr::Conversation`: user and assistant messages, Markdown in bubbles. "
                          "Sending takes two steps, as in Gradio: the message shows at once with an empty bubble, "
                          "then `.success()` runs a streaming handler, `imgr::Stream<imgr::Conversation>`, whose "
                          "every `co_yield` is on screen the next frame.");
            explain(demo, "**Stop reply** cancels it (`{.cancels = {reply}}`) and keeps what was written. "
                          "`chatbot.like(fn)` adds Like and Dislike under the bot's messages.");
            speed = demo.add(imgr::Slider("Reply speed (words/s)", 2, 40, 12).step(1));
            feedback = demo.add(imgr::Textbox("Feedback").placeholder("Like or dislike a reply"));
            explain(demo, "A whole chat app is one line: `imgr::ChatInterface(fn)` adds Retry, Undo, Clear and Flag "
                          "to all this (`samples/chat.cpp`).");
        });
    });
    auto sent = demo.on({message.on(Event::Submit), send.on(Event::Click)}, send_message, {chatbot, message},
                        {chatbot, message, send});
    auto reply = sent.success(stream_reply, {chatbot, speed}, chatbot);
    reply.then(controls_back, {}, {message, send});
    stop.click(stop_reply, {chatbot}, {chatbot, message, send}, {.cancels = {reply}});
    chatbot.like([](const imgr::LikeData& like) {
        return std::string(like.liked ? "liked" : "disliked") + " message " + std::to_string(like.index);
    }, feedback);
}

// -----------------------------------------------------------------------------
// Media: an Audio clip synthesised in code and a handler that changes it; a
// Video rendered at run time through imgr's own encoder, and a handler run on
// each frame it shows. No files are read: there is nothing to download.
// -----------------------------------------------------------------------------

constexpr int kAudioRate = 16000;  // Hz, as speech models take: room for the notes' harmonics
constexpr double kClipFps = 25;

// Notes as MIDI numbers (60 is middle C, 69 the A at 440 Hz).
const std::vector<std::pair<std::string, std::vector<int>>> kChords = {
    {"C major", {60, 64, 67}}, {"A minor", {57, 60, 64}}, {"G7", {55, 59, 62, 65}}};

// Two seconds of a chord in stereo, plucked: each note eight harmonics (the higher, the
// weaker and the sooner gone), a short attack, the notes spread from left to right.
// Samples are interleaved: left, right, left, right...
imgr::AudioBuffer chord_clip(const std::string& name) {
    const auto chord = std::find_if(kChords.begin(), kChords.end(), [&](const auto& c) { return c.first == name; });
    if (chord == kChords.end()) throw imgr::Error("Choose a chord first");
    const std::vector<int>& notes = chord->second;
    const size_t frames = 2 * kAudioRate;
    std::vector<float> samples(frames * 2);
    for (size_t n = 0; n < notes.size(); ++n) {
        const double frequency = 440 * std::pow(2.0, (notes[n] - 69) / 12.0);
        const double pan = (double)n / (double)(notes.size() - 1);  // 0 left .. 1 right
        for (size_t f = 0; f < frames; ++f) {
            const double t = (double)f / kAudioRate, attack = std::min(1.0, t / 0.01);
            // Eight harmonics, the k-th at 1/k and decaying as exp(-1.5 k t): its decay is the
            // first's to the k-th power and sin(k theta) follows from the two before it
            // (Chebyshev), so a sample costs one exp, sin and cos instead of eight of each
            // (the clip is made at start-up).
            const double theta = 2 * std::numbers::pi * frequency * t, decay = std::exp(-1.5 * t);
            const double two_cos = 2 * std::cos(theta);
            double sin_previous = 0, sin_k = std::sin(theta), decay_k = decay, sample = 0;
            for (int k = 1; k <= 8; ++k) {
                sample += decay_k / k * sin_k;
                const double sin_next = two_cos * sin_k - sin_previous;
                sin_previous = sin_k;
                sin_k = sin_next;
                decay_k *= decay;
            }
            sample *= attack;
            samples[f * 2] += (float)(sample * (1 - 0.6 * pan));
            samples[f * 2 + 1] += (float)(sample * (0.4 + 0.6 * pan));
        }
    }
    // The notes' peaks can add up past 1: scaled so that the loudest sample is at 0.9.
    float peak = 0;
    for (float sample : samples) peak = std::max(peak, std::abs(sample));
    for (float& sample : samples) sample *= 0.9f / peak;
    return imgr::AudioBuffer(kAudioRate, 2, std::move(samples));
}

// Tape speed: reading the samples faster raises the pitch and shortens the clip alike
// (linear interpolation between frames). The gain is in decibels; samples stay in -1..1.
imgr::AudioBuffer change_clip(const imgr::AudioBuffer& clip, double gain_db, double speed) {
    const size_t out_frames = clip.empty() ? 0 : (size_t)((double)clip.frames() / speed);
    if (out_frames == 0) return {};
    const int channels = clip.channels();
    const float gain = (float)std::pow(10.0, gain_db / 20);
    std::vector<float> out(out_frames * (size_t)channels);
    for (size_t f = 0; f < out_frames; ++f) {
        const double at = (double)f * speed;
        const size_t i = std::min((size_t)at, clip.frames() - 1), j = std::min(i + 1, clip.frames() - 1);
        const float fraction = (float)(at - (double)i);
        for (int c = 0; c < channels; ++c) {
            const float sample = clip.sample(i, c) + (clip.sample(j, c) - clip.sample(i, c)) * fraction;
            out[f * (size_t)channels + (size_t)c] = std::clamp(sample * gain, -1.0f, 1.0f);
        }
    }
    return imgr::AudioBuffer(clip.sample_rate(), channels, std::move(out));
}

// The test card panning left, one full turn over the clip, written through imgr's encoder
// (H.264 where libx264 is there) to a file of its own in the temporary folder.
imgr::VideoValue render_clip(double seconds) {
    const int w = 320, h = 240, frame_count = std::max(1, (int)std::lround(seconds * kClipFps));
    const imgr::ImageBuffer card = test_card(w, h);
    std::vector<imgr::ImageBuffer> frames;
    for (int i = 0; i < frame_count; ++i) {
        const size_t shift = (size_t)(i * w / frame_count) * 3, row = (size_t)w * 3;
        std::vector<uint8_t> pixels((size_t)h * row);
        for (int y = 0; y < h; ++y) {
            const uint8_t* from = card.u8() + y * row;
            std::rotate_copy(from, from + shift, from + row, pixels.begin() + (ptrdiff_t)(y * row));
        }
        frames.emplace_back(w, h, 3, std::move(pixels));
    }
    const imgr::VideoWriteResult written = imgr::write_video_file(imgr::temporary_video_path(), frames, kClipFps);
    if (!written) throw imgr::Error(written.error);
    return written.video;
}

void show_media(Blocks& demo) {
    explain(demo, "### Audio\nAn `imgr::AudioBuffer`: float samples in -1..1, channels interleaved, a sample rate. "
                  "This chord is synthesised in code; the handler changes its gain and tape speed. Click the "
                  "waveform to seek, toggle the spectrogram; as an input it also takes a dropped file, a trim or a "
                  "recording. Without a sound device, Play says so and the rest works.");
    Handle<std::string> chord;
    Handle<imgr::AudioBuffer> clip, changed;
    Handle<double> gain, speed;
    const imgr::AudioBuffer first_chord = chord_clip("C major");
    demo.row([&] {
        demo.column([&] {
            chord = demo.add(imgr::Radio("Chord", {"C major", "A minor", "G7"}).value("C major"));
            clip = demo.add(imgr::Audio("Chord clip").value(first_chord));
        });
        demo.column([&] {
            demo.row([&] {
                gain = demo.add(imgr::Slider("Gain (dB)", -12, 12, 0).step(1));
                speed = demo.add(imgr::Slider("Tape speed", 0.5, 2, 1.5).step(0.25));
            });
            changed = demo.add(imgr::Audio("Changed clip").spectrogram(true).value(change_clip(first_chord, 0, 1.5)));
        });
    });
    chord.change(chord_clip, {chord}, clip);
    demo.on({clip.on(Event::Change), gain.on(Event::Change), speed.on(Event::Change)}, change_clip, {clip, gain, speed},
            changed, {.trigger_mode = imgr::TriggerMode::AlwaysLast});

    explain(demo, "### Video\nAn `imgr::VideoValue` is a file and its metadata, never all its frames: a handler writes "
                  "frames with `imgr::write_video_file` (or `VideoEncoder`) and returns the file. "
                  "`video.stream(fn, {video}, output)` runs `fn` on each frame shown, as an `ImageBuffer`.");
    // Video goes through FFmpeg's libraries, which are optional: without them there is nothing to play.
    if (!imgr::video_supported()) {
        explain(demo, std::string("*This build cannot show it:* ") + imgr::kNoVideoSupport + ".");
        return;
    }
    Handle<double> seconds;
    Handle<std::string> render;
    Handle<imgr::VideoValue> video;
    Handle<imgr::ImageBuffer> streamed;
    demo.row([&] {
        demo.column([&] {
            demo.row([&] {
                seconds = demo.add(imgr::Slider("Clip seconds", 1, 4, 2).step(1).scale(3));
                render = demo.add(imgr::Button("Render clip").primary().scale(1).min_width(8));
            });
            video = demo.add(imgr::Video("Rendered clip").loop().height(14));
        });
        demo.column([&] {
            explain(demo, "Render a clip (or drop a video file on the player), then play it, step it or drag its "
                          "time bar: the handler inverts each frame it is given. A slow handler skips frames "
                          "instead of falling behind.");
            streamed = demo.add(imgr::Image("Streamed frame, inverted").height(14));
        });
    });
    render.click(render_clip, {seconds}, video);
    video.stream([](const imgr::ImageBuffer& frame) { return apply_filter(frame, "invert", 0); }, {video}, streamed);
}

}  // namespace

int main(int argc, char** argv) {
    imgr::Blocks demo("imgr demo");
    demo.add(imgr::Markdown(
        "# imgr demo\n"
        "imgr builds machine-learning demos in C++ the way Gradio's Blocks does in Python: components in rows, columns "
        "and tabs, with their events wired to plain C++ functions that run on worker threads. Dear ImGui draws it all "
        "each frame, so the window stays responsive, and every example below is a few lines of `imgui_demo/main.cpp`."));

    std::vector<std::pair<std::string, void (*)(Blocks&)>> areas = {
        {"Inputs", show_inputs}, {"Outputs", show_outputs}, {"Layout", show_layout},
        {"Events", show_events}, {"Images", show_images}, {"Image views", show_image_views},
        {"Chat", show_chat}, {"Media", show_media}};
    // IMGR_DEMO_TAB=Events opens the demo on that tab by moving it first: a
    // convenience for screenshots, since scripts address components, not tabs.
    if (const char* wanted = std::getenv("IMGR_DEMO_TAB"); wanted && *wanted) {
        auto it = std::find_if(areas.begin(), areas.end(), [&](const auto& a) { return strcasecmp(a.first.c_str(), wanted) == 0; });
        if (it != areas.end())
            std::rotate(areas.begin(), it, it + 1);
        else
            std::fprintf(stderr, "imgui_demo: IMGR_DEMO_TAB='%s' names no tab; opening on the first\n", wanted);
    }
    demo.tabs([&] {
        for (const auto& area : areas) demo.tab(area.first, [&] { area.second(demo); });
    });
    return demo.launch(argc, argv);
}

