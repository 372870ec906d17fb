#include "imgr/engine/flagging/gallery_files.h"

#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/file_write.h"
#include "imgr/model/image_io.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>

#include <sys/stat.h>

namespace imgr {

std::uint64_t next_folder_number(const std::filesystem::path& parent) {
    std::uint64_t next = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::uint64_t n = 0;
        const auto [end_of_number, error] = std::from_chars(name.data(), name.data() + name.size(), n);
        if (error == std::errc() && end_of_number == name.data() + name.size() && n >= next) next = n + 1;
    }
    return next;
}

NumberedFolder reserve_numbered_folder(const std::filesystem::path& parent, std::uint64_t first) {
    NumberedFolder result;
    for (std::uint64_t n = first; n < first + 100000; ++n) {
        const std::filesystem::path path = parent / std::to_string(n);
        if (::mkdir(path.c_str(), 0755) == 0) {
            result.number = n;
            result.path = path;
            return result;
        }
        if (errno != EEXIST) return {os_failure("create the folder", path.string(), errno)};
    }
    return {IoResult::failure("no free folder number in '" + parent.string() + "'")};
}

IoResult save_gallery_files(const std::filesystem::path& folder, const GalleryValue& value) {
    auto undo = [&](IoResult failure) {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
        return failure;
    };
    nlohmann::json captions = nlohmann::json::array();
    for (size_t i = 0; i < value.items.size(); ++i) {
        const std::filesystem::path path = folder / (std::to_string(i) + ".png");
        if (IoResult saved = save_png(path.string(), value.items[i].image, Durability::Fsync); !saved) return undo(saved);
        captions.push_back(value.items[i].caption);
    }
    const std::string text = captions.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (IoResult saved = write_file_atomically(folder / "captions.json", text.data(), text.size(), Durability::Fsync); !saved)
        return undo(saved);
    // The new folder's own entry, so that it survives a crash with the row that names it.
    return sync_directory(folder.parent_path());
}

GalleryValue load_gallery_files(const std::filesystem::path& dir, const std::string& cell) {
    const std::filesystem::path folder(cell);  // relative to dir, as every name a cell gives
    const nlohmann::json captions = load_folder_json(dir, (folder / "captions.json").string(), "gallery's captions");
    if (!captions.is_array())
        throw Error("the flagged gallery's captions " + quoted_excerpt((folder / "captions.json").string()) + " are not a JSON array");
    GalleryValue value;
    for (size_t i = 0; i < captions.size(); ++i)
        value.items.push_back({load_folder_image(dir, (folder / (std::to_string(i) + ".png")).string(), "gallery image"),
                               captions[i].is_string() ? captions[i].get<std::string>() : ""});
    return value;
}

}  // namespace imgr
