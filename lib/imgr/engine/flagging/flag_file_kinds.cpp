#include "imgr/engine/flagging/flag_file_kinds.h"

#include "imgr/engine/flagging/annotated_files.h"
#include "imgr/engine/flagging/durable_file.h"
#include "imgr/engine/flagging/editor_files.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/flagging/gallery_files.h"
#include "imgr/engine/flagging/slider_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/chat.h"
#include "imgr/model/file_write.h"
#include "imgr/model/image_io.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <array>

namespace imgr {
namespace {

template <typename T>
bool not_empty(ComponentKind, const Value& value) {
    const T* held = std::get_if<T>(&value);
    return held && !held->empty();
}

const FlagFiles kImage{
    .has_content = not_empty<ImageBuffer>,
    .save = [](ComponentKind, const std::filesystem::path& path, const std::string&, const Value& value) {
        return save_png(path.string(), std::get<ImageBuffer>(value), Durability::Fsync);
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        return load_folder_image(dir, cell);
    },
};

const FlagFiles kChatbot{
    .has_content = not_empty<Conversation>,
    .save = [](ComponentKind, const std::filesystem::path& path, const std::string&, const Value& value) {
        const std::string json = conversation_file_text(std::get<Conversation>(value));
        return write_file_atomically(path, json.data(), json.size(), Durability::Fsync);
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        const Json json = load_folder_json(dir, cell, "conversation");
        try {
            return conversation_from_json(json);
        } catch (const std::exception& e) {
            throw Error("the flagged conversation '" + printable(shortened(cell)) + "' is not valid: " + json_error_message(e));
        }
    },
};

const FlagFiles kAnnotatedImage{
    .has_content = [](ComponentKind, const Value& value) {
        const auto* annotated = std::get_if<AnnotatedImageValue>(&value);
        return annotated && !annotated->image.empty();
    },
    .save = [](ComponentKind, const std::filesystem::path& path, const std::string& folder_name, const Value& value) {
        return save_annotated_files(path, folder_name, std::get<AnnotatedImageValue>(value));
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        return load_annotated_files(dir, cell);
    },
};

const FlagFiles kImageSlider{
    .has_content = not_empty<ImageSliderValue>,
    .save = [](ComponentKind, const std::filesystem::path& path, const std::string&, const Value& value) {
        return save_slider_files(path, std::get<ImageSliderValue>(value));
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        return load_slider_files(dir, cell);
    },
};

const FlagFiles kGallery{
    .has_content = [](ComponentKind, const Value& value) {
        const auto* gallery = std::get_if<GalleryValue>(&value);
        return gallery && !gallery->items.empty();
    },
    .save = [](ComponentKind, const std::filesystem::path& folder, const std::string&, const Value& value) {
        return save_gallery_files(folder, std::get<GalleryValue>(value));
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        return load_gallery_files(dir, cell);
    },
    .numbered_folders = true,
};

const FlagFiles kImageEditor{
    .has_content = not_empty<ImageEditorValue>,
    .save = [](ComponentKind, const std::filesystem::path& path, const std::string&, const Value& value) {
        return save_editor_files(path, std::get<ImageEditorValue>(value));
    },
    .load = [](ComponentKind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        return load_editor_files(dir, cell);
    },
};

// A module's kind: the codec it registered. The codec opens files by name, so it gets
// the path the confined descriptor resolved to, checked to be inside the folder.
const FlagFiles kModuleKind{
    .has_content = [](ComponentKind kind, const Value& value) {
        const KindFileCodec* codec = kind_file_codec(kind);
        return codec && codec->has_content && codec->has_content(value);
    },
    .save = [](ComponentKind kind, const std::filesystem::path& path, const std::string&, const Value& value) {
        const KindFileCodec* codec = kind_file_codec(kind);
        return codec && codec->save ? codec->save(path, value) : IoResult::failure(missing_module_message(kind));
    },
    .load = [](ComponentKind kind, const std::filesystem::path& dir, const std::string& cell) -> Value {
        const KindFileCodec* codec = kind_file_codec(kind);
        if (!codec || !codec->load) throw Error(missing_module_message(kind));
        const std::string what = kind_noun(kind);
        const BeneathFile file = open_beneath(dir, cell);
        if (!file) throw_folder_error(what, file, file.refused);
        if (file.size > kMaxFolderFileBytes)
            throw FolderRefusal(quoted_excerpt(cell) + " is more than " + std::to_string(kMaxFolderFileBytes) +
                                " bytes, the limit for a file read from the folder");
        const std::string resolved = file.resolved_path();
        if (resolved.empty()) throw Error("cannot load the flagged " + what + " " + quoted_excerpt(cell) + ": its path is unknown");
        ValueLoadResult loaded = codec->load(resolved);
        if (!loaded) throw Error("cannot load the flagged " + what + " " + loaded.error);
        return std::move(loaded.value);
    },
};

std::array<const FlagFiles*, kComponentKindCount> core_table() {
    std::array<const FlagFiles*, kComponentKindCount> table{};
    table[(size_t)ComponentKind::Image] = &kImage;
    table[(size_t)ComponentKind::Chatbot] = &kChatbot;
    table[(size_t)ComponentKind::AnnotatedImage] = &kAnnotatedImage;
    table[(size_t)ComponentKind::ImageSlider] = &kImageSlider;
    table[(size_t)ComponentKind::Gallery] = &kGallery;
    table[(size_t)ComponentKind::ImageEditor] = &kImageEditor;
    return table;
}

}  // namespace

const FlagFiles* flag_files(ComponentKind kind) {
    static const std::array<const FlagFiles*, kComponentKindCount> table = core_table();
    if (const FlagFiles* files = table.at((size_t)kind)) return files;
    // A kind no core entry names is a module's: flagged as files only when its module is linked.
    return is_file_kind(kind) && kind_file_codec(kind) ? &kModuleKind : nullptr;
}

}  // namespace imgr
