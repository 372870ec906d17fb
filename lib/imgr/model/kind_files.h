// How a file becomes a value of a kind (an upload, a dropped file, a script's
// `upload`), and for a module's kinds (Audio and Video, from imgr::media) how
// their values become files when flagged. The core uploads, flags and replays
// such values without knowing their codecs: it asks the codec registered for
// the kind (the core's own kinds register theirs in model/kinds/all_kinds.cpp).
// A kind with no registered codec (its module was not linked) gets a message
// naming the module instead of a crash.
#pragma once
#include "imgr/model/component.h"
#include "imgr/model/io_result.h"
#include "imgr/model/value.h"

#include <filesystem>
#include <string>

namespace imgr {

struct [[nodiscard]] ValueLoadResult : IoResult {
    Value value;
};

struct KindFileCodec {
    // Writes `value` (of the kind) to `path`, durably: a flagged row will point at it.
    IoResult (*save)(const std::filesystem::path& path, const Value& value) = nullptr;
    // Reads a file a person dropped, a script uploaded or a flagged row names.
    ValueLoadResult (*load)(const std::string& path) = nullptr;
    // Whether `value`, of the kind, has anything to write (an empty clip writes no file).
    bool (*has_content)(const Value& value) = nullptr;
};

// Called once per kind before main(): by all_kinds.cpp, or a module's registration (media/media_module.cpp).
void register_kind_file_codec(ComponentKind kind, KindFileCodec codec);
const KindFileCodec* kind_file_codec(ComponentKind kind);  // null: no module registered one

// A file as a value of `kind`, by the kind's registered codec. The error reads
// "cannot load the audio 'x.wav': why".
ValueLoadResult load_value_file(ComponentKind kind, const std::string& path);
bool accepts_files(ComponentKind kind);  // every kind with a codec that loads (Image, ImageEditor, a linked module's)

// Kinds the ComponentKind enum lists but a module defines (their traits, files and views come
// from it): the name to say when the module is not linked; null for the core's kinds.
const char* module_kind_name(ComponentKind kind);

// How messages name a value of the kind: its name in lower case ("audio", "image").
std::string kind_noun(ComponentKind kind);

// "Audio needs the imgr::media module: link your app with imgr::media (CMake: target_link_libraries)".
std::string missing_module_message(ComponentKind kind);

}  // namespace imgr
