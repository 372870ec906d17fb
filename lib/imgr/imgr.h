// imgr: machine-learning demos in C++, the way Gradio makes them in Python,
// drawn each frame by Dear ImGui. This umbrella header is all a user's main()
// includes; it links with imgr::imgr. The contracts behind it (command line,
// demo scripts, flagged files, events, layers) are in docs/ (docs/README.md).
//
// Index of this file
//   [SECTION] Interface          one function as a standard demo
//   [SECTION] Blocks             your own layout of rows, columns, tabs
//   [SECTION] Components         the builders you add()
//   [SECTION] Values             what handlers take and return
//   [SECTION] Events             listeners, chains, trigger modes
//   [SECTION] Handler results    Update, Progress, messages
//   [SECTION] Flagging           saving samples to disk
//   [SECTION] Running            launch(), and the runner for apps that draw ImGui themselves
//   [SECTION] Not for users      internals these includes make visible
//
// [SECTION] Interface (imgr/engine/apps/interface.h; samples/calculator.cpp)
//   Interface(fn, inputs, outputs, options)  fn's parameters are the inputs' value types, its result the output's
//                                             (a std::tuple for several); a mismatch is a compile error
//   InterfaceOptions           title, description, article, live, examples, submit_btn, clear_btn,
//                              flagging_mode, flagging_options, flagging_dir, flagging_callback, theme, ...
//                              flagging_note, flagging_corrections (a note and corrected outputs in each row),
//                              examples_from_flagged (a flagging folder's rows as examples)
//   FlaggingMode               Manual (flag buttons, the default), Auto (every successful run), Never
//   FlagOption                 "wrong sign": a "Flag as wrong sign" button whose row has `flag` = wrong sign
//   ExampleCell                one cell of InterfaceOptions::examples; an Image's cell is a file path
//   ChatInterface(fn, options) a chat around fn(message, history) -> reply (std::string or Stream<std::string>):
//                              Chatbot, Message box, Send, Retry, Undo, Clear, examples, Flag (imgr/engine/apps/chat_interface.h)
//
// [SECTION] Blocks (imgr/engine/app/blocks.h; samples/sepia.cpp)
//   Blocks(title, theme)       a demo laid out by hand, as gr.Blocks
//   demo.add(builder)          adds a component where the layout is; returns its Handle<T>
//   demo.row/column(body)      lay out what body adds side by side / one under another (RowOptions, ColumnOptions)
//   demo.tabs/tab(label, body) a tab bar and its tabs
//   demo.accordion(label, body, open)  a section that folds
//   demo.group(body)           components sharing one card
//   Handle<T>                  a component whose value is a T: .value(), .set(v), and the events below
//   Theme                      Light (the default) or Dark
//
// [SECTION] Components (imgr/engine/app/builders.h): each is a builder; chain setters, then add()
//   Number(label, value)           double; .minimum() .maximum() .step() .precision()
//   Slider(label, min, max, v)     double; .step(); fires release when let go
//   Radio(label, choices)          std::string, one of the choices
//   Dropdown(label, choices)       std::string; .multiselect() makes it a StringList
//   Checkbox(label, value)         bool
//   CheckboxGroup(label, choices)  StringList, the checked choices
//   Textbox(label, value)          std::string; .lines() .max_lines() .placeholder() .password(); fires submit on Enter
//   Button(text)                   std::string, its text; .primary() .stop() .size() .busy_text(); fires click
//   Markdown(text)                 std::string: headings, bold, italic, code, lists, links
//   Label(label)                   LabelValue: a class, or classes with confidences; .num_top_classes()
//   Image(label)                   ImageBuffer; drop a file on it or type a path; fires upload; wheel zooms, drag pans,
//                                  a click fires select (docs/images.md); .height() .fit() .zoom_link() .color_map()
//                                  .value_range() .controls()
//   Plot(label)                    PlotValue: line and scatter series
//   JSON(label)                    Json, shown as a tree
//   ColorPicker(label, value)      Color
//   Dataframe(label)               TableValue
//   Chatbot(label)                 Conversation: Markdown bubbles, auto-scroll, copy; .height(); h.like(fn) gets LikeData
//   AnnotatedImage(label)          AnnotatedImageValue: an image with labelled boxes and masks, a legend; .height()
//                                  .show_legend() .box_labels() .threshold_slider(start, score_max) .zoom_link()
//   ImageSlider(label)             ImageSliderValue{before, after}: two images split by a draggable divider;
//                                  .height() .position(share_before)
//   Gallery(label)                 GalleryValue{items: {image, caption}...}: a grid; a click enlarges one; .columns() .height()
//   ImageEditor(label)             ImageEditorValue{background, layers, composite}: paint with a palette's brushes, erase,
//                                  undo/redo, clear (docs/images.md); .brushes({{"object", 0x00ff00}, ...}) .brush_size()
//                                  .background(image) .layers() .history() .height() .zoom_link(); fires input while a
//                                  stroke is painted, change when it ends, upload, clear
//   Sketchpad(label, w, h)         an ImageEditor on a blank white w x h canvas, a black brush
//   --- the media module: #include <imgr/media.h> and link imgr::media (docs/modules.md) ---
//   Audio(label)                   AudioBuffer: waveform, playhead, play/seek/volume, spectrogram toggle; as input
//                                  also trim, record, a path or a dropped file (fires upload); .height() .spectrogram()
//   Video(label)                   VideoValue (imgr/media/video_builder.h): a player; .file() .sources({"upload","webcam"})
//                                  .loop() .autoplay() .height(); handle.stream(fn, inputs, outputs) runs fn per frame
//                                  shown (the Video input gives the frame as an ImageBuffer), always_last (docs/video.md)
//   every builder                  .label() .info() .show_label() .visible() .interactive() .scale() .min_width()
//
// [SECTION] Values (imgr/model/value.h, imgr/model/image.h)
//   Value                      the variant every component value is one of
//   ImageBuffer                pixels (8-bit or float, channels interleaved), cheap to copy, copied before a write when shared
//   LabelValue, PlotValue, PlotSeries, Color, TableValue, StringList, Json (nlohmann::json)
//   Conversation, ChatMessage, ChatRole, LikeData   a Chatbot's messages, and what its like event reports (imgr/model/chat.h)
//   AnnotatedImageValue        image + AnnotationBox{x0,y0,x1,y1,label,score} + AnnotationMask{label, one-channel image}
//                              (imgr/model/annotated_image.h); masks_from_label_map() splits a label map
//   ImageSliderValue           two images, before and after (imgr/model/image_slider.h)
//   GalleryValue, GalleryItem  images with captions (imgr/model/gallery.h)
//   ImageEditorValue           background, RGBA layers of its size, composite (imgr/model/image_editor.h); editor_value(image),
//                              painted_mask(layer, 0xRRGGBB): a brush's strokes as a mask; mask_iou(a, b)
//   format_number(d)           the shortest text that reads back as d: 12, 4.5, -0.25
//   to_json(v), color_to_hex(c)  a value as JSON, a colour as #rrggbb
//   load_image_file(path)      an image from a file, or the reason it cannot be read (imgr/model/image_io.h)
//   from_mat(m), to_mat(image)  cv::Mat <-> ImageBuffer, BGR order swapped (imgr/opencv.h, include it yourself: needs OpenCV)
//   VideoValue                 a video file and its duration, fps, size, frame count (imgr/model/video_value.h)
//   VideoDecoder, VideoEncoder, write_video_file, probe_video_file  frames in and out through libav* (imgr/media.h)
//   save_png(path, image)      an image to a PNG file; "" or the reason it failed
//   AudioBuffer                float samples, channels interleaved, a sample rate; cheap to copy (imgr/model/audio.h)
//   load_audio_file(path), save_audio_file(path, clip)  WAV, FLAC, OGG, MP3 via libsndfile (imgr/media.h)
//
// [SECTION] Events (imgr/engine/app/blocks.h, imgr/engine/engine.h; docs/events.md)
//   h.change/input/click/submit/release/upload/clear(fn, inputs, outputs, options)  a listener on handle h
//   h.select(fn, inputs, outputs)  a pixel or item chosen; fn may take a last imgr::SelectData (x, y, index, value)
//   chain.then(fn, ...)        a step after the previous one, whether it failed or not
//   chain.success(fn, ...)     a step after the previous one, only when it did not fail
//   demo.on({h.on(Event::Change), ...}, fn, ...)  one listener for several triggers, as gr.on
//   demo.every(seconds, fn, ...)  a timer, as gr.Timer; optionally only while a Checkbox is checked
//   Event                      Change, Input, Click, Submit, Release, Upload, Select, Like, Clear
//   EventOptions               trigger_mode, concurrency_limit, show_progress, cancels
//   stop.click(nullptr, {}, {}, {.cancels = {run}})  a Stop button: `run` is what a listener returned
//   TriggerMode                AlwaysLast (change/input), Once (click, ...), Multiple (.then/.success)
//   Values                     std::vector<Value>: what a handler taking `const Values&` gets
//
// [SECTION] Handler results (imgr/engine/update.h, progress.h, messages.h)
//   Update / update()          a new value and/or label, info, visible, interactive, choices; .for_seconds(s)
//   skip()                     leaves an output as it is
//   Progress                   a handler's last parameter `imgr::Progress&`: progress(0.5, "halfway")
//   Stream<T>                  a streaming handler's return type: each co_yield updates the outputs (stream.h)
//   Cancelled                  thrown at a Progress report once the run was stopped
//   Error(text)                thrown by a handler: a toast with that text; the run counts as failed
//   warning(text), info(text)  a toast that does not fail the run
//
// [SECTION] Flagging (imgr/engine/flagging/; docs/flagging.md)
//   CSVLogger                  rows in D/logs.csv, images in D/<label>/N.png
//   JSONLogger                 the same rows as D/logs.jsonl, one JSON object a line
//   FlaggingCallback           the interface both implement: setup(fields, dir, options), flag(values, option)
//   FlagField, FlagSetup       a flagged column (label, kind); the flag column and the kept-row bound
//   FlagError                  what flag() throws when a row cannot be written (the row is kept)
//   demo.flag_button(btn, callback, fields, option)  a Flag button: saves off the UI thread, in order, bounded;
//                              "Saving…" then "Saved (N)" for that button's own row; waiting rows written at exit;
//                              a repeat writes nothing ("Already saved (N)"); FlagButtonExtras: note, corrections
//   FlagRow, flag_row(row)     one flag with its note and corrected outputs (FlagSetup::note_column, corrected_fields)
//   demo.flagged_examples(dir, inputs)  a flagging folder's rows as a table of examples that load into inputs
//   demo.replay_with(event, fields)  what --replay DIR runs for a Blocks app's flagged rows (docs/replay.md)
//   demo.replay_panel()        a "Replay" panel: replays the flagged rows, shows the table, loads a row back
//   --replay DIR               the replay itself and its comparison per kind are internal (imgr/engine/replay/, docs/replay.md)
//
// [SECTION] Running (docs/command-line.md)
//   demo.launch(argc, argv)    reads the command line, opens the window, plays --script; returns the exit code
//                              (forwards to launch_app(demo, argc, argv), imgr/driver/launch.h)
//   UsageError                 thrown when the API is misused: an empty Handle, a Handle of another Blocks
//   Runner, RunnerParams       the window loop alone, for a program that draws ImGui itself (imgr/platform/runner.h)
//   parse_command_line, apply_command_line, CommandLine  the same options for such a program
//   apply_theme(theme)         imgr's ImGui style (imgr/view/theme.h)
//
// [SECTION] Not for users: visible through these includes, but internal and free to change
//   demo.engine()                                    the event graph under Blocks: an opaque Engine& here; its header
//                                                    (imgr/engine/engine.h) is internal, for the view, the driver and tests
//   BlocksAccess                                     the driver's one door into a Blocks: the run's steps around the window,
//                                                    the layout, the replay, --flagging-dir (imgr/engine/app/blocks_access.h,
//                                                    not included here, as imgui_internal.h is not included by imgui.h)
//   MessageScope, post_message                       where toasts go: the engine of the running handler (messages.h)
//   detail::*, InputsFor, OutputsFor, erase_handler  handler type checking (handler_traits.h, listener_request.h)
#pragma once
#include "imgr/driver/launch.h"
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/apps/chat_interface.h"
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/flagging/csv_logger.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/engine/messages.h"
#include "imgr/engine/stream.h"
#include "imgr/model/image_io.h"
#include "imgr/platform/app_source_dir.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/view/theme.h"
