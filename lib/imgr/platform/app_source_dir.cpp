#include "imgr/platform/app_source_dir.h"

#include <filesystem>
#include <system_error>

namespace imgr {
namespace {
std::string& remembered() {
    static std::string dir;
    return dir;
}
}  // namespace

bool detail::remember_app_source_dir(const char* dir) {
    if (dir && *dir && remembered().empty()) remembered() = dir;  // the app's own (the first TU) wins
    return true;
}

std::string app_source_dir() {
    std::error_code error;
    if (remembered().empty() || !std::filesystem::is_directory(remembered(), error)) return {};
    return remembered();
}

}  // namespace imgr
