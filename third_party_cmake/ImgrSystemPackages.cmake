# Finds the Debian packages imgr's library links against and exposes each as an imported
# target. A missing package stops configure with the name of the Debian
# package to install, because that is the only fix a user needs to know.
# Installed beside imgrConfig.cmake, so consumers find the same packages.
include_guard(GLOBAL)

# Stops configure naming the package: "apt-get install <pkg>".
function(imgr_require_package found what debian_package)
  if(NOT ${found})
    message(FATAL_ERROR
      "imgr: ${what} not found. Install it with:\n"
      "    apt-get install ${debian_package}\n"
      "(or run scripts/demo.sh, which installs everything imgr needs)")
  endif()
endfunction()

# --- Dear ImGui 1.86 (libimgui-dev): static, backends and imgui_stdlib included.
find_path(IMGR_IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui)
find_library(IMGR_IMGUI_LIBRARY NAMES libimgui.a imgui)
find_path(IMGR_STB_INCLUDE_DIR stb_image.h PATH_SUFFIXES stb)
find_library(IMGR_STB_LIBRARY NAMES stb)
imgr_require_package(IMGR_IMGUI_INCLUDE_DIR "Dear ImGui headers" libimgui-dev)
imgr_require_package(IMGR_IMGUI_LIBRARY "Dear ImGui library" libimgui-dev)
imgr_require_package(IMGR_STB_INCLUDE_DIR "stb headers" libstb-dev)
imgr_require_package(IMGR_STB_LIBRARY "stb library" libstb-dev)

if(NOT TARGET imgr_deps::stb)
  add_library(imgr_deps::stb UNKNOWN IMPORTED)
  set_target_properties(imgr_deps::stb PROPERTIES
    IMPORTED_LOCATION "${IMGR_STB_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${IMGR_STB_INCLUDE_DIR}")
endif()

if(NOT TARGET imgr_deps::imgui)
  add_library(imgr_deps::imgui STATIC IMPORTED)
  # The backends are included as <backends/imgui_impl_glfw.h>; they include
  # "imgui.h" unqualified, so the imgui folder itself is the include dir.
  set_target_properties(imgr_deps::imgui PROPERTIES
    IMPORTED_LOCATION "${IMGR_IMGUI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${IMGR_IMGUI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "imgr_deps::stb;m;${CMAKE_DL_LIBS}")
endif()

# --- libspng 0.7 (libspng-dev): decodes 8-bit grey, RGB and RGBA PNGs (the ones imgr
# writes) 1.1-1.4x faster than stb_image; replay decodes two a row (bench/README.md)
find_path(IMGR_SPNG_INCLUDE_DIR spng.h)
find_library(IMGR_SPNG_LIBRARY NAMES spng)
imgr_require_package(IMGR_SPNG_INCLUDE_DIR "libspng headers" libspng-dev)
imgr_require_package(IMGR_SPNG_LIBRARY "libspng library" libspng-dev)
if(NOT TARGET imgr_deps::spng)
  add_library(imgr_deps::spng UNKNOWN IMPORTED)
  set_target_properties(imgr_deps::spng PROPERTIES
    IMPORTED_LOCATION "${IMGR_SPNG_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${IMGR_SPNG_INCLUDE_DIR}")
endif()

# --- zlib (zlib1g-dev): compresses the PNG files that flagging writes
find_package(ZLIB QUIET)
imgr_require_package(ZLIB_FOUND "zlib" zlib1g-dev)

# --- GLFW 3.3 (libglfw3-dev)
find_package(glfw3 3.3 QUIET)
imgr_require_package(glfw3_FOUND "GLFW 3.3" libglfw3-dev)

# --- OpenGL (libgl-dev, pulled in by libglfw3-dev)
set(OpenGL_GL_PREFERENCE GLVND)
find_package(OpenGL QUIET)
imgr_require_package(OPENGL_FOUND "OpenGL" libgl-dev)

# --- nlohmann-json (nlohmann-json3-dev)
find_package(nlohmann_json 3 QUIET)
imgr_require_package(nlohmann_json_FOUND "nlohmann-json" nlohmann-json3-dev)

# --- threads
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)

