// Labels become folder names under the flagging directory: whatever the
// label, the name is one plain, non-empty path component in valid UTF-8,
// so the folder it names is always a direct child of the flagging directory.
#include "fuzz_check.h"
#include "imgr/engine/flagging/safe_name.h"
#include "imgr/model/utf8.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view label(reinterpret_cast<const char*>(data), size);
    const std::string name = imgr::safe_folder_name(label);

    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(name != "." && name.find("..") == std::string::npos);
    FUZZ_CHECK(name.find_first_of("/\\<>:\"|?*") == std::string::npos);
    FUZZ_CHECK(name.size() <= imgr::kMaxFolderNameBytes + 1);  // + the '_' after a device name
    FUZZ_CHECK(name.front() != '.' && name.front() != ' ');
    FUZZ_CHECK(name.back() != '.' && name.back() != ' ');
    for (size_t pos = 0; pos < name.size();) {
        const size_t length = imgr::utf8_sequence_length(name, pos);
        FUZZ_CHECK(length > 0);
        const unsigned char c = static_cast<unsigned char>(name[pos]);
        FUZZ_CHECK(length > 1 || (c >= 0x20 && c != 0x7F));
        pos += length;
    }

    const std::filesystem::path base = "/srv/flagged_data";
    const std::filesystem::path joined = (base / name).lexically_normal();
    FUZZ_CHECK(joined.parent_path() == base);
    FUZZ_CHECK(joined.filename() == name);
    return 0;
}
