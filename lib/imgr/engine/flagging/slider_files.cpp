#include "imgr/engine/flagging/slider_files.h"

#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/image_io.h"

#include <unistd.h>

namespace imgr {

namespace {
// N_a.png -> N_b.png
std::filesystem::path b_path_of(std::filesystem::path a_path) {
    std::string name = a_path.filename().string();
    if (name.ends_with(kSliderFileSuffix)) name.replace(name.size() - kSliderFileSuffix.size(), 2, "_b");
    return a_path.replace_filename(name);
}

}  // namespace

IoResult save_slider_files(const std::filesystem::path& a_path, const ImageSliderValue& value) {
    const std::filesystem::path b_path = b_path_of(a_path);
    if (IoResult saved = save_png(b_path.string(), value.after, Durability::Fsync); !saved) return saved;
    if (IoResult saved = save_png(a_path.string(), value.before, Durability::Fsync); !saved) {
        ::unlink(b_path.c_str());
        return saved;
    }
    return IoResult::success();
}

ImageSliderValue load_slider_files(const std::filesystem::path& dir, const std::string& cell) {
    if (!cell.ends_with(kSliderFileSuffix))
        throw Error(quoted_excerpt(cell) + " does not name an ImageSlider's first file (<label>/N_a.png)");
    return {load_folder_image(dir, cell), load_folder_image(dir, b_path_of(cell).string())};
}

}  // namespace imgr
