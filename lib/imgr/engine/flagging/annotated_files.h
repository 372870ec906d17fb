// The flagged files of an AnnotatedImage (docs/flagging.md): in <label>/,
// N.png the base image, N.json the annotations
// ({"boxes":[...],"masks":[{"label":..,"path":"<label>/N_mask_K.png"}]}),
// and N_mask_K.png the K-th mask. The CSV cell holds "<label>/N.png".
#pragma once
#include "imgr/model/annotated_image.h"
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>

namespace imgr {

// Fills the reserved (empty) N.png at png_path and writes N.json and the masks
// beside it, each durably; masks and JSON first, so the base image's file
// appears complete only with them. folder_name is "<label>" as the paths in the
// JSON name it. On failure the files written so far are removed.
IoResult save_annotated_files(const std::filesystem::path& png_path, const std::string& folder_name,
                              const AnnotatedImageValue& value);

// The value back from a cell "<label>/N.png" relative to dir; N.json missing
// means no annotations. Throws imgr::Error naming the file and the reason.
AnnotatedImageValue load_annotated_files(const std::filesystem::path& dir, const std::string& cell);

}  // namespace imgr
