// The flagged files of an ImageEditor (docs/flagging.md): <label>/N.png the
// background (the cell names it), <label>/N_layer_K.png each layer (RGBA, from
// K = 0) and <label>/N_composite.png what the person saw.
#pragma once
#include "imgr/model/image_editor.h"
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>

namespace imgr {

inline constexpr size_t kMaxEditorLayers = 64;  // read back at most: a folder claiming more is refused

// Writes the layers and the composite beside the reserved (empty) N.png, then fills N.png,
// durably; on failure the files it wrote are removed.
IoResult save_editor_files(const std::filesystem::path& png_path, const ImageEditorValue& value);

// The value back from a cell "<label>/N.png" relative to dir: the background, its layers
// N_layer_0.png, N_layer_1.png, ... up to the first that does not exist, and the composite made
// again from them (the flagged N_composite.png is for people). A layer of another size than the
// background, a file that is not a PNG or one outside the folder: imgr::Error naming the file.
ImageEditorValue load_editor_files(const std::filesystem::path& dir, const std::string& cell);

}  // namespace imgr
