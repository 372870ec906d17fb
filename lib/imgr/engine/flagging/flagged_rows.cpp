#include "imgr/engine/flagging/flagged_rows.h"

#include <algorithm>
#include <cctype>

#include "imgr/engine/flagging/annotated_files.h"
#include "imgr/engine/flagging/editor_files.h"
#include "imgr/engine/flagging/folder_files.h"
#include "imgr/engine/flagging/gallery_files.h"
#include "imgr/engine/flagging/slider_files.h"
#include "imgr/engine/messages.h"
#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/kind_traits.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

namespace imgr {

FlaggedRows read_flagged_rows(FileLogger& logger) {
    FlaggedRows result;
    const std::filesystem::path path = logger.log_path();
    result.dir = path.parent_path();
    result.header = logger.header();
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return result;  // nothing flagged yet
    // The reader replay uses too: a row that cannot be read is left out
    // (replay names it), the others are listed.
    FlaggedLog log = read_flagged_log(path);
    if (!log.error.empty()) throw Error("cannot read the flagged rows in " + quoted_excerpt(path.string()) + ": " + log.error);
    if (path.extension() == ".jsonl") {
        // Cells by the logger's own columns, wherever the file's first record put them.
        std::vector<int> at;
        for (const std::string& key : result.header) {
            const auto it = std::find(log.header.begin(), log.header.end(), key);
            at.push_back(it == log.header.end() ? -1 : (int)(it - log.header.begin()));
        }
        for (FlaggedRecord& record : log.records) {
            if (!record.error.empty()) continue;
            std::vector<std::string> row;
            for (int i : at) row.push_back(i < 0 ? "" : std::move(record.cells[(size_t)i]));
            result.rows.push_back(std::move(row));
        }
        return result;
    }
    for (FlaggedRecord& record : log.records)
        if (record.error.empty()) result.rows.push_back(std::move(record.cells));
    return result;
}

namespace {

// A cell naming the files of a kind flagged as files (model/kinds/: a flag_file_extension),
// loaded from inside the flagging folder `dir` (folder_files.h).
Value value_from_files(ComponentKind kind, const Value& empty, const std::string& cell, const std::filesystem::path& dir) {
    if (std::holds_alternative<Conversation>(empty)) {
        const Json json = load_folder_json(dir, cell, "conversation");
        try {
            return conversation_from_json(json);
        } catch (const std::exception& e) {
            throw Error("the flagged conversation '" + printable(shortened(cell)) + "' is not valid: " + json_error_message(e));
        }
    }
    if (std::holds_alternative<ImageBuffer>(empty)) return load_folder_image(dir, cell);
    if (std::holds_alternative<AnnotatedImageValue>(empty)) return load_annotated_files(dir, cell);
    if (std::holds_alternative<ImageSliderValue>(empty)) return load_slider_files(dir, cell);
    if (std::holds_alternative<ImageEditorValue>(empty)) return load_editor_files(dir, cell);
    if (std::holds_alternative<GalleryValue>(empty)) return load_gallery_files(dir, cell);
    if (const KindFileCodec* codec = kind_file_codec(kind); codec && codec->load) {
        std::string what = kind_name(kind);
        std::transform(what.begin(), what.end(), what.begin(), [](unsigned char ch) { return (char)std::tolower(ch); });
        // A module's codec opens files by name: it gets the path the confined
        // descriptor resolved to, checked to be inside the folder.
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
    }
    throw Error(std::string("a ") + kind_name(kind) + " cannot be loaded from a flagged row");
}

}  // namespace

// A cell is read back by its kind (model/kinds/: from_cell); files by the flag file layer.
Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir) {
    if (!has_kind_traits(kind)) throw Error(missing_module_message(kind));
    const KindTraits& traits = kind_traits(kind);
    const Value empty = traits.default_value(props);
    if (cell.empty()) return empty;
    if (cell.size() > kMaxFlaggedRowBytes) throw Error("the cell is " + std::to_string(cell.size()) + " bytes, more than a row may hold");
    if (traits.from_cell) {
        ValueOrError read = traits.from_cell(kind, props, cell);
        if (auto* error = std::get_if<std::string>(&read)) throw Error(*error);
        return std::get<Value>(std::move(read));
    }
    try {
        return value_from_files(kind, empty, cell, dir);
    } catch (const Error&) {
        throw;
    } catch (const std::exception&) {
        throw Error(quoted_excerpt(cell) + " is not a value a " + kind_name(kind) + " can take");
    }
}

}  // namespace imgr
