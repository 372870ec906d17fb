#include "imgr/engine/flagging/annotated_files.h"

#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/file_write.h"
#include "imgr/model/image_io.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <cerrno>

#include <unistd.h>

namespace imgr {

namespace {
std::filesystem::path mask_path(const std::filesystem::path& png_path, size_t k) {
    return png_path.parent_path() / (png_path.stem().string() + "_mask_" + std::to_string(k) + ".png");
}
}  // namespace

IoResult save_annotated_files(const std::filesystem::path& png_path, const std::string& folder_name,
                              const AnnotatedImageValue& value) {
    std::vector<std::filesystem::path> written;
    auto undo = [&](IoResult failure) {
        for (const auto& path : written) ::unlink(path.c_str());
        return failure;
    };
    std::vector<std::string> mask_paths;
    for (size_t k = 0; k < value.masks.size(); ++k) {
        const std::filesystem::path path = mask_path(png_path, k);
        if (IoResult saved = save_png(path.string(), value.masks[k].mask, Durability::Fsync); !saved) return undo(saved);
        written.push_back(path);
        mask_paths.push_back(folder_name + "/" + path.filename().string());
    }
    const std::string json = annotations_to_json(value, mask_paths).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::filesystem::path json_path = png_path;
    json_path.replace_extension(".json");
    if (IoResult saved = write_file_atomically(json_path, json.data(), json.size(), Durability::Fsync); !saved)
        return undo(saved);
    written.push_back(json_path);
    if (IoResult saved = save_png(png_path.string(), value.image, Durability::Fsync); !saved) return undo(saved);
    return IoResult::success();
}

AnnotatedImageValue load_annotated_files(const std::filesystem::path& dir, const std::string& cell) {
    AnnotatedImageValue value;
    value.image = load_folder_image(dir, cell);
    const std::string json_name = std::filesystem::path(cell).replace_extension(".json").string();
    // An image flagged without annotations has no N.json; anything else wrong with it is said.
    if (const BeneathFile file = open_beneath(dir, json_name); !file && !file.refused && file.os_error == ENOENT)
        return value;
    const nlohmann::json json = load_folder_json(dir, json_name, "annotations");
    try {
        if (json.contains("boxes")) value.boxes = boxes_from_json(json["boxes"]);
        // A mask's path is the folder's, like a cell: read inside the folder only.
        for (const nlohmann::json& mask : json.value("masks", nlohmann::json::array()))
            value.masks.push_back({mask.value("label", std::string()),
                                   load_folder_image(dir, mask.at("path").get<std::string>(), "mask")});
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error("the annotations in " + quoted_excerpt(json_name) + " cannot be read: " + json_error_message(e));
    }
    return value;
}

}  // namespace imgr
