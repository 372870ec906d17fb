// Demo scripts (docs/scripts.md): one command a line, parsed
// up front into a list the driver then plays against a running app. Parsing
// needs no window, so a bad script fails before the first frame, with
// `FILE:LINE: message`.
//
//   set "num1" 5              # LABEL VALUE: as if the user typed/dragged
//   click "Submit"            # a button, by its label
//   click "Input" at 10 20    # an image's pixel (x, y): fires select; `at T` seeks media to T s
//   zoom "Input" 8 at 10 20   # the mouse wheel over that pixel until 8 screen pixels a pixel
//   submit "Question"         # Enter in a Textbox: fires its submit event
//   upload "Input image" "cat.png"
//   wait 3                    # frames; also "wait 250ms", "wait 2s", "wait idle"
//   wait until "Phase" "training"  # until a component shows a value (mid-stream), up to 10 s
//   expect "Output" 12        # compare a component's value (see expectation.h)
//   screenshot "after.png"
//   like "Chatbot" 1          # Like on message 1 of a Chatbot (dislike: Dislike)
//   brush "Scribbles" "object"                    # an ImageEditor's palette brush, clicked
//   paint "Scribbles" 8 from 10 20 to 60 20       # a stroke of size 8 (image pixels) dragged through the points
//   erase "Scribbles" 8 from 10 20 to 60 20       # the same with the eraser
//   undo "Scribbles"                              # its Undo button
//   quit
//
// Labels, paths and string values are JSON strings (double quotes, escapes
// \n \" \\ \uXXXX, UTF-8). Values are any JSON written on the same line.
// `#` outside a string starts a comment. Relative paths are resolved against
// the script's own folder.
#pragma once
#include "imgr/model/value.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace imgr {

struct SetCommand {                 // set LABEL VALUE
    std::string label;
    Json value;                     // converted for the component by value_for_set()
    bool operator==(const SetCommand&) const = default;
};
struct ClickCommand {               // click LABEL, click LABEL at T (a video: seek to T seconds)
    std::string label;
    std::vector<double> at;         // the numbers after "at": one (media time) or two (image pixel); empty without

    bool operator==(const ClickCommand&) const = default;
};
struct SubmitCommand {              // submit LABEL: Enter in that Textbox
    std::string label;
    bool operator==(const SubmitCommand&) const = default;
};
struct UploadCommand {              // upload LABEL PATH
    std::string label;
    std::filesystem::path file;     // already resolved against the script's folder
    bool operator==(const UploadCommand&) const = default;
};
struct WaitFramesCommand {          // wait N
    int frames = 0;
    bool operator==(const WaitFramesCommand&) const = default;
};
struct WaitTimeCommand {            // wait Nms, wait Ns (seconds may have decimals: "wait 0.5s")
    std::chrono::milliseconds duration{0};
    bool operator==(const WaitTimeCommand&) const = default;
};
struct WaitIdleCommand {            // wait idle: no handler running or pending, no flag being written
    bool operator==(const WaitIdleCommand&) const = default;
};
struct ExpectCommand {              // expect LABEL VALUE
    std::string label;
    Json value;                     // compared by check_expected()
    bool operator==(const ExpectCommand&) const = default;
};
struct ScreenshotCommand {          // screenshot PATH
    std::filesystem::path file;     // already resolved against the script's folder
    bool operator==(const ScreenshotCommand&) const = default;
};
struct LikeCommand {                // like LABEL INDEX, dislike LABEL INDEX: a Chatbot message's button
    std::string label;
    int index = 0;                  // the message's position in the conversation, from 0
    bool liked = true;              // false: dislike
    bool operator==(const LikeCommand&) const = default;
};
struct QuitCommand {                // quit: end the script (and the app) here
    bool operator==(const QuitCommand&) const = default;
};
struct WaitUntilCommand {           // wait until LABEL VALUE: until it shows VALUE (as expect reads it), up to 10 s
    std::string label;
    Json value;
    bool operator==(const WaitUntilCommand&) const = default;
};

struct ClickPixelCommand {          // click LABEL at X Y: an image-like component's pixel (fires select)
    std::string label;
    int x = 0, y = 0;               // image pixel coordinates, whole numbers from 0
    bool operator==(const ClickPixelCommand&) const = default;
};
struct ClickTimeCommand {           // click LABEL at T: media seeks to T seconds
    std::string label;
    double seconds = 0;
    bool operator==(const ClickTimeCommand&) const = default;
};

struct ZoomCommand {                // zoom LABEL F at X Y: the wheel over pixel (X, Y) until F screen pixels a pixel
    std::string label;
    double factor = 1;
    int x = 0, y = 0;
    bool operator==(const ZoomCommand&) const = default;
};

struct PaintCommand {               // paint LABEL SIZE from X Y to X Y [to X Y ...]; erase ... the same with the eraser
    std::string label;
    double size = 1;                // brush diameter in image pixels
    std::vector<std::pair<int, int>> points;  // image pixels, whole numbers from 0; at least two
    bool erase = false;
    bool operator==(const PaintCommand&) const = default;
};
struct BrushCommand {               // brush LABEL NAME: an ImageEditor's palette brush
    std::string label, name;
    bool operator==(const BrushCommand&) const = default;
};
struct UndoCommand {                // undo LABEL: an ImageEditor's Undo button
    std::string label;
    bool operator==(const UndoCommand&) const = default;
};

using ScriptAction = std::variant<SetCommand, ClickCommand, SubmitCommand, UploadCommand, WaitFramesCommand, WaitTimeCommand,
                                  WaitIdleCommand, ExpectCommand, ScreenshotCommand, QuitCommand, WaitUntilCommand,
                                  LikeCommand, ClickPixelCommand, ClickTimeCommand, ZoomCommand, PaintCommand,
                                  BrushCommand, UndoCommand>;

struct ScriptCommand {
    int line = 0;                   // 1-based line in the script, for FILE:LINE messages at run time
    ScriptAction action;
    bool operator==(const ScriptCommand&) const = default;
};

struct ScriptParseResult {
    std::string file_name;          // as given; the FILE of every message about this script
    std::vector<ScriptCommand> commands;  // on error: the commands before the bad line
    std::string error;              // "FILE:LINE: message" (or "FILE: message" when unreadable); empty when ok
    int error_line = 0;             // the bad line; 0 when the file could not be read
    bool ok() const { return error.empty(); }
};

// Parses a whole script; stops at the first bad line. `file_name` is only used
// in messages; relative paths are resolved against `base_dir` (absolute ones are kept).
ScriptParseResult parse_script(std::string_view text, const std::string& file_name,
                               const std::filesystem::path& base_dir);

// Reads and parses a script file; relative paths in it are resolved against
// the file's own folder (made absolute, so a later change of directory cannot move them).
ScriptParseResult load_script(const std::filesystem::path& path);

// "FILE:LINE: message": the one format of every script error, at parse or run time.
std::string script_error(const std::string& file_name, int line, std::string_view message);

// The command as a script line (paths as resolved): for progress logs and messages.
std::string format_command(const ScriptAction& action);

}  // namespace imgr
