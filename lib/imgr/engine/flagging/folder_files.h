// The files a flagged row names, loaded from inside its folder only
// (model/folder_reader.h): every kind's read-back goes through these, so a
// cell or a path in an annotations file can never reach outside the folder.
#pragma once
#include "imgr/model/folder_reader.h"
#include "imgr/model/image.h"
#include "imgr/model/value.h"

#include <filesystem>
#include <string>

namespace imgr {

// The error for a failed read: FolderRefusal with the reader's own message when
// the folder's content was refused, else Error("cannot load the flagged <what> <why>").
[[noreturn]] void throw_folder_error(const std::string& what, const IoResult& failure, bool refused);

// An image file inside dir (`what` names it in messages: "image", "mask").
ImageBuffer load_folder_image(const std::filesystem::path& dir, const std::string& name, const std::string& what = "image");

// A JSON file inside dir, nesting bounded (untrusted_json.h); a parse error names
// the file, never its content. `what` names it ("annotations", "conversation").
Json load_folder_json(const std::filesystem::path& dir, const std::string& name, const std::string& what);

}  // namespace imgr
