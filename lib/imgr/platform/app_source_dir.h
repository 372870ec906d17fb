// The folder of the app's own sources, as its build knew it: --watch-build's
// default --watch-sources (docs/watch.md). imgr::imgr gives every target that
// links it IMGR_APP_SOURCE_DIR (its CMake SOURCE_DIR), and this header, included
// by <imgr/imgr.h> in the app's main(), hands it to the library at start-up.
#pragma once
#include <string>

namespace imgr {

// The folder recorded at build time when it still exists; empty otherwise
// (a binary copied to another machine, or built without imgr's CMake package).
std::string app_source_dir();

namespace detail {
bool remember_app_source_dir(const char* dir);
#ifdef IMGR_APP_SOURCE_DIR
inline const bool app_source_dir_remembered = remember_app_source_dir(IMGR_APP_SOURCE_DIR);
#endif
}  // namespace detail

}  // namespace imgr
