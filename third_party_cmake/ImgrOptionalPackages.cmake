# Optional Debian packages for media and model pieces. Each one that is found
# becomes an imported target and an IMGR_HAVE_<NAME> variable; the piece that
# needs it (a component's backend, a sample, its tests) builds only then.
# scripts/install_deps.sh installs them all, so CI builds and tests every piece.
include_guard(GLOBAL)
find_package(PkgConfig QUIET)

# imgr_optional_package(NAME "what" debian-package pkg-config-module...)
# defines PkgConfig::IMGR_<NAME> and IMGR_HAVE_<NAME>.
function(imgr_optional_package name what debian_package)
  set(IMGR_HAVE_${name} OFF PARENT_SCOPE)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(IMGR_${name} QUIET IMPORTED_TARGET GLOBAL ${ARGN})
  endif()
  if(IMGR_${name}_FOUND)
    set(IMGR_HAVE_${name} ON PARENT_SCOPE)
  else()
    message(STATUS "imgr: ${what} not found (apt-get install ${debian_package}); the pieces that need it are not built")
  endif()
endfunction()

imgr_optional_package(TESSERACT "Tesseract OCR" "libtesseract-dev tesseract-ocr-eng" tesseract)
imgr_optional_package(LIBAV "libav* (FFmpeg libraries)"
  "libavformat-dev libavcodec-dev libswscale-dev libavdevice-dev libswresample-dev"
  libavformat libavcodec libswscale libavdevice libavutil libswresample)
imgr_optional_package(SNDFILE "libsndfile" libsndfile1-dev sndfile)
imgr_optional_package(PORTAUDIO "PortAudio" portaudio19-dev portaudio-2.0)
imgr_optional_package(FFTW "FFTW (single precision)" libfftw3-dev fftw3f)
imgr_optional_package(ESPEAK "eSpeak NG" libespeak-ng-dev espeak-ng)
# The serve module (--serve): libvncserver, and libvncclient for its tests.
imgr_optional_package(VNCSERVER "libvncserver" libvncserver-dev libvncserver)
imgr_optional_package(VNCCLIENT "libvncclient" libvncserver-dev libvncclient)

# OpenCV's core module, for the cv::Mat adapter only. Debian's
# libopencv-core-dev has no CMake package file (only libopencv-dev, with every
# module, has), so its header and library are found directly.
find_path(IMGR_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
find_library(IMGR_OPENCV_CORE_LIBRARY opencv_core)
if(IMGR_OPENCV_INCLUDE_DIR AND IMGR_OPENCV_CORE_LIBRARY)
  set(IMGR_HAVE_OPENCV ON)
  if(NOT TARGET imgr_deps::opencv_core)
    add_library(imgr_deps::opencv_core UNKNOWN IMPORTED GLOBAL)
    set_target_properties(imgr_deps::opencv_core PROPERTIES
      IMPORTED_LOCATION "${IMGR_OPENCV_CORE_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${IMGR_OPENCV_INCLUDE_DIR}")
  endif()
else()
  set(IMGR_HAVE_OPENCV OFF)
  message(STATUS "imgr: OpenCV core not found (apt-get install libopencv-core-dev); the cv::Mat adapter is not built")
endif()
# OpenCV's image processing (GrabCut), for the grabcut sample; found the same way.
find_library(IMGR_OPENCV_IMGPROC_LIBRARY opencv_imgproc)
if(IMGR_HAVE_OPENCV AND IMGR_OPENCV_IMGPROC_LIBRARY AND EXISTS "${IMGR_OPENCV_INCLUDE_DIR}/opencv2/imgproc.hpp")
  set(IMGR_HAVE_OPENCV_IMGPROC ON)
  if(NOT TARGET imgr_deps::opencv_imgproc)
    add_library(imgr_deps::opencv_imgproc UNKNOWN IMPORTED GLOBAL)
    set_target_properties(imgr_deps::opencv_imgproc PROPERTIES
      IMPORTED_LOCATION "${IMGR_OPENCV_IMGPROC_LIBRARY}"
      INTERFACE_LINK_LIBRARIES imgr_deps::opencv_core)
  endif()
else()
  set(IMGR_HAVE_OPENCV_IMGPROC OFF)
  message(STATUS "imgr: OpenCV imgproc not found (apt-get install libopencv-imgproc-dev); the grabcut sample is not built")
endif()
