// Flagged rows as examples: a flagging folder (logs.csv, logs_N.csv,
// logs.jsonl, logs_N.jsonl) read back as example rows for some input
// components, as Gradio accepts a flagging directory for `examples`. The
// inputs are found by their column names (the labels, as flagging names
// them); other columns are ignored, so files with or without `flag`, `note`
// or `(corrected)` columns all load.
#pragma once
#include "imgr/model/component.h"

#include <filesystem>
#include <string>
#include <vector>

namespace imgr {

// An input an example fills: its column name and how a cell becomes its value.
struct ExampleInput {
    std::string label;
    ComponentKind kind = ComponentKind::Textbox;
    KindProps props;
};

struct FlaggedExample {
    std::vector<Value> values;  // one per input; an Image's is the path of its PNG, for display ("" when none)
    std::vector<std::string> cells;  // one per input, as the file spells it: an image is loaded by
                                     // load_example_image(), inside `dir` only
    std::filesystem::path dir;
    std::string flag;           // the row's `flag` cell ("" without one)
    std::string source;         // "logs.csv:3": where it came from, for messages
};

struct FlaggedExamples {
    std::vector<FlaggedExample> rows;    // file by file (CSV then JSON lines, by number), in file order
    std::vector<std::string> problems;   // one line per file or row skipped, saying why
    bool has_flag_column = false;        // some file had a `flag` column
};

// The image an example's input i names, read inside its folder (folder_reader.h);
// throws Error (FolderRefusal for what the folder may not give).
ImageBuffer load_example_image(const FlaggedExample& example, size_t i);

// Reads at most max_rows examples. A folder with no log file gives no rows
// and a problem saying so; nothing throws, and nothing is written.
FlaggedExamples read_flagged_examples(const std::filesystem::path& dir, const std::vector<ExampleInput>& inputs,
                                      size_t max_rows = 100);

}  // namespace imgr
