#include "imgr/engine/flagging/editor_files.h"

#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/image_io.h"
#include "imgr/model/quoted_text.h"

#include <cerrno>
#include <vector>

#include <unistd.h>

namespace imgr {

namespace {
// N.png -> N_<suffix>.png, in the same folder.
std::filesystem::path beside(const std::filesystem::path& png_path, const std::string& suffix) {
    return png_path.parent_path() / (png_path.stem().string() + "_" + suffix + ".png");
}
}  // namespace

IoResult save_editor_files(const std::filesystem::path& png_path, const ImageEditorValue& value) {
    std::vector<std::filesystem::path> written;
    auto undo = [&](IoResult failure) {
        for (const auto& path : written) ::unlink(path.c_str());
        return failure;
    };
    for (size_t k = 0; k < value.layers.size(); ++k) {
        const std::filesystem::path path = beside(png_path, "layer_" + std::to_string(k));
        if (IoResult saved = save_png(path.string(), value.layers[k], Durability::Fsync); !saved) return undo(saved);
        written.push_back(path);
    }
    const ImageBuffer composite = value.composite.empty() ? composite_of(value.background, value.layers) : value.composite;
    const std::filesystem::path composite_path = beside(png_path, "composite");
    if (IoResult saved = save_png(composite_path.string(), composite, Durability::Fsync); !saved) return undo(saved);
    written.push_back(composite_path);
    if (IoResult saved = save_png(png_path.string(), value.background, Durability::Fsync); !saved) return undo(saved);
    return IoResult::success();
}

ImageEditorValue load_editor_files(const std::filesystem::path& dir, const std::string& cell) {
    if (!cell.ends_with(".png") || cell.ends_with("_composite.png") || cell.find("_layer_") != std::string::npos)
        throw Error(quoted_excerpt(cell) + " does not name an ImageEditor's background (<label>/N.png)");
    ImageEditorValue value;
    value.background = load_folder_image(dir, cell, "background");
    for (size_t k = 0;; ++k) {
        const std::string name = beside(cell, "layer_" + std::to_string(k)).string();
        // The layers end at the first number missing; anything else wrong with one is said.
        if (const BeneathFile file = open_beneath(dir, name); !file && !file.refused && file.os_error == ENOENT) break;
        if (k == kMaxEditorLayers)
            throw Error("the ImageEditor " + quoted_excerpt(cell) + " has more than " + std::to_string(kMaxEditorLayers) + " layers");
        ImageBuffer layer = load_folder_image(dir, name, "layer");
        if (layer.width() != value.background.width() || layer.height() != value.background.height())
            throw Error("the flagged layer " + quoted_excerpt(name) + " is " + std::to_string(layer.width()) + "x" +
                        std::to_string(layer.height()) + ", not the background's " + std::to_string(value.background.width()) +
                        "x" + std::to_string(value.background.height()));
        value.layers.push_back(layer.to_rgba8());
    }
    value.composite = composite_of(value.background, value.layers);
    return value;
}

}  // namespace imgr
