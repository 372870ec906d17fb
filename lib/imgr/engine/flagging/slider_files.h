// The flagged files of an ImageSlider (docs/flagging.md): <label>/N_a.png (before)
// and <label>/N_b.png (after). The CSV cell holds "<label>/N_a.png"; numbering
// counts the N of the N_a.png files, as images count N.png.
#pragma once
#include "imgr/model/image_slider.h"
#include "imgr/model/io_result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace imgr {

inline constexpr std::string_view kSliderFileSuffix = "_a.png";

// Fills the reserved (empty) N_a.png and writes N_b.png beside it (first), durably;
// on failure N_b.png is removed.
IoResult save_slider_files(const std::filesystem::path& a_path, const ImageSliderValue& value);

// The two images back from a cell "<label>/N_a.png" relative to dir; throws imgr::Error naming the file.
ImageSliderValue load_slider_files(const std::filesystem::path& dir, const std::string& cell);

}  // namespace imgr
