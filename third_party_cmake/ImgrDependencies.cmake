# Everything the imgr build needs: the system packages its library links
# against, doctest for the tests, and the generated glad loader.
include_guard(GLOBAL)
include(${CMAKE_CURRENT_LIST_DIR}/ImgrSystemPackages.cmake)

# --- doctest (doctest-dev), only for the tests.
if(IMGR_BUILD_TESTS)
  find_package(doctest QUIET)
  imgr_require_package(doctest_FOUND "doctest" doctest-dev)
endif()

# --- glad: an OpenGL 3.3 core loader generated into the build folder.
# --reproducible uses the specification that ships with python3-glad instead
# of fetching the newest one from the network.
find_program(IMGR_GLAD_EXECUTABLE glad)
imgr_require_package(IMGR_GLAD_EXECUTABLE "the glad loader generator" python3-glad)
set(IMGR_GLAD_DIR "${CMAKE_BINARY_DIR}/glad")
add_custom_command(
  OUTPUT "${IMGR_GLAD_DIR}/src/gl.c" "${IMGR_GLAD_DIR}/include/glad/gl.h"
  COMMAND "${IMGR_GLAD_EXECUTABLE}" --api gl:core=3.3 --reproducible --quiet
          --out-path "${IMGR_GLAD_DIR}" c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
if(NOT TARGET imgr_glad)
  add_library(imgr_glad STATIC "${IMGR_GLAD_DIR}/src/gl.c")
  set_target_properties(imgr_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(imgr_glad PUBLIC
    "$<BUILD_INTERFACE:${IMGR_GLAD_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/imgr/glad>")
  target_link_libraries(imgr_glad PUBLIC ${CMAKE_DL_LIBS})
endif()

# --- optional media and model packages (OCR, audio, video, speech, OpenCV)
include(${CMAKE_CURRENT_LIST_DIR}/ImgrOptionalPackages.cmake)
