#include "imgr/model/kind_files.h"

#include "imgr/model/kinds/kind_traits.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imgr {
namespace {

// Filled before main() by a module's static registration, and by the core's kinds on first
// use (kind_traits.cpp, thread-safe), and only read afterwards: no lock needed.
std::array<KindFileCodec, kComponentKindCount>& codecs() {
    static std::array<KindFileCodec, kComponentKindCount> table{};
    return table;
}

}  // namespace

void register_kind_file_codec(ComponentKind kind, KindFileCodec codec) { codecs().at((size_t)kind) = codec; }

const KindFileCodec* kind_file_codec(ComponentKind kind) {
    (void)has_kind_traits(kind);  // the core's kinds register their codecs on the first question about any kind
    const KindFileCodec& codec = codecs().at((size_t)kind);
    return codec.save || codec.load || codec.has_content ? &codec : nullptr;
}

bool accepts_files(ComponentKind kind) {
    const KindFileCodec* codec = kind_file_codec(kind);
    return codec && codec->load;
}

std::string kind_noun(ComponentKind kind) {
    std::string noun = kind_name(kind);
    std::transform(noun.begin(), noun.end(), noun.begin(), [](unsigned char ch) { return (char)std::tolower(ch); });
    return noun;
}

ValueLoadResult load_value_file(ComponentKind kind, const std::string& path) {
    ValueLoadResult result;
    if (const KindFileCodec* codec = kind_file_codec(kind); codec && codec->load) {
        result = codec->load(path);
    } else {
        result.error = module_kind_name(kind) && !has_kind_traits(kind) ? missing_module_message(kind) : "a " + std::string(kind_name(kind)) + " takes no file";
        return result;
    }
    if (!result) result.error = "cannot load the " + kind_noun(kind) + " " + result.error;
    return result;
}

namespace {
// The media module's kinds (docs/modules.md): listed so the core can name them when it is missing.
struct ModuleKind {
    ComponentKind kind;
    const char* name;
};
constexpr ModuleKind kModuleKinds[] = {{ComponentKind::Audio, "Audio"}, {ComponentKind::Video, "Video"}};
}  // namespace

const char* module_kind_name(ComponentKind kind) {
    for (const ModuleKind& m : kModuleKinds)
        if (m.kind == kind) return m.name;
    return nullptr;
}

std::string missing_module_message(ComponentKind kind) {
    const char* name = module_kind_name(kind);
    return std::string(name ? name : kind_name(kind)) +
           " needs the imgr::media module: link the app with imgr::media (CMake: target_link_libraries(app PRIVATE imgr::media))";
}

}  // namespace imgr
