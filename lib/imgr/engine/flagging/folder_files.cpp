#include "imgr/engine/flagging/folder_files.h"

#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/model/image_io.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

namespace imgr {

void throw_folder_error(const std::string& what, const IoResult& failure, bool refused) {
    if (refused) throw FolderRefusal(failure.error);
    throw Error("cannot load the flagged " + what + " " + failure.error);
}

ImageBuffer load_folder_image(const std::filesystem::path& dir, const std::string& name, const std::string& what) {
    const BeneathRead file = read_beneath(dir, name);
    if (!file) throw_folder_error(what, file, file.refused);
    ImageLoadResult loaded = load_image_memory(reinterpret_cast<const uint8_t*>(file.content.data()), file.content.size());
    if (!loaded) throw Error("cannot load the flagged " + what + " " + quoted_excerpt(name) + ": " + loaded.error);
    loaded.image.source = (dir / name).lexically_normal().string();
    return std::move(loaded.image);
}

Json load_folder_json(const std::filesystem::path& dir, const std::string& name, const std::string& what) {
    const BeneathRead file = read_beneath(dir, name);
    if (!file) throw_folder_error(what, file, file.refused);
    try {
        check_json_nesting(file.content);
        return Json::parse(file.content);
    } catch (const std::exception& e) {
        throw Error("the flagged " + what + " '" + printable(shortened(name)) + "' is not valid: " + json_error_message(e));
    }
}

}  // namespace imgr
