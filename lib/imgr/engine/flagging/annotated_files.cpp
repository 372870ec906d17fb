#include "imgr/engine/flagging/annotated_files.h"

#include "imgr/engine/messages.h"
#include "imgr/model/file_read.h"
#include "imgr/model/file_write.h"
#include "imgr/model/image_io.h"

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
    ImageLoadResult base = load_image_file((dir / cell).string());
    if (!base) throw Error("cannot load the flagged image " + base.error);
    value.image = std::move(base.image);
    std::filesystem::path json_path = dir / cell;
    json_path.replace_extension(".json");
    const FileRead file = read_file(json_path);
    if (!file && file.os_error == ENOENT) return value;  // an image flagged without annotations
    if (!file) throw Error("cannot read the annotations " + file.error);
    try {
        const nlohmann::json json = nlohmann::json::parse(file.content);
        if (json.contains("boxes")) value.boxes = boxes_from_json(json["boxes"]);
        for (const nlohmann::json& mask : json.value("masks", nlohmann::json::array())) {
            const std::string path = mask.at("path").get<std::string>();
            ImageLoadResult loaded = load_image_file((dir / path).string());
            if (!loaded) throw Error("cannot load the flagged mask " + loaded.error);
            value.masks.push_back({mask.value("label", std::string()), std::move(loaded.image)});
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error("the annotations in '" + json_path.string() + "' cannot be read: " + e.what());
    }
    return value;
}

}  // namespace imgr
