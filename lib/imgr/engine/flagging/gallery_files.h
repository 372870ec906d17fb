// The flagged files of a Gallery (docs/flagging.md): a folder <label>/N/ with
// 0.png, 1.png, ... (one per image, in order) and captions.json (a JSON array
// of the captions, in the same order). The CSV cell holds "<label>/N/".
#pragma once
#include "imgr/model/gallery.h"
#include "imgr/model/io_result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace imgr {

struct [[nodiscard]] NumberedFolder : IoResult {
    std::uint64_t number = 0;
    std::filesystem::path path;  // created empty, ours to fill
};

// One more than the highest N of the folders named N in parent; 0 when none.
std::uint64_t next_folder_number(const std::filesystem::path& parent);
// Creates parent/N with mkdir (which fails when it exists) for the first free N >= first.
NumberedFolder reserve_numbered_folder(const std::filesystem::path& parent, std::uint64_t first);

// Writes the images and captions.json into the reserved folder, durably; captions.json
// last, so a folder holding it is complete. On failure the folder is removed.
IoResult save_gallery_files(const std::filesystem::path& folder, const GalleryValue& value);

// The gallery back from a cell "<label>/N/" relative to dir; throws imgr::Error naming the file.
GalleryValue load_gallery_files(const std::filesystem::path& dir, const std::string& cell);

}  // namespace imgr
